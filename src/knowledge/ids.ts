/**
 * Ids are unique within their kind: facts across all facts files, and sources, places, claimants
 * and disputes each within their file. Everything else refers to entries by id.
 */
import type { KnowledgeIssue } from '../domain/types.ts';
import { issueAt, lineRef, type YamlFile } from './yaml-file.ts';

export interface RawId {
  readonly id: string;
  readonly file: YamlFile;
  readonly index: number;
}

/** Every repeat of an id is reported at its own `id` line, naming where the id was first used. */
export function checkUniqueIds(kind: string, ids: readonly RawId[]): KnowledgeIssue[] {
  const first = new Map<string, RawId>();
  const issues: KnowledgeIssue[] = [];
  for (const entry of ids) {
    const earlier = first.get(entry.id);
    if (!earlier) {
      first.set(entry.id, entry);
      continue;
    }
    const where = lineRef(earlier, ['id']);
    issues.push(issueAt(entry.file, [entry.index, 'id'], `duplicate ${kind} id "${entry.id}": already used at ${where}`));
  }
  return issues;
}
