/** The real fact base in knowledge/ and its index, loaded once per test file. */
import type { FactBase } from '../../src/domain/types.ts';
import { formatIssue, loadKnowledge } from '../../src/knowledge/load.ts';
import type { KnowledgeIndex } from '../../src/search/types.ts';
import { buildKnowledgeIndex } from '../../src/search/index.ts';

let loading: Promise<KnowledgeIndex> | undefined;

export function realIndex(): Promise<KnowledgeIndex> {
  loading ??= loadKnowledge().then((result) => {
    if (!result.ok) throw new Error(`knowledge/ does not load:\n${result.issues.map(formatIssue).join('\n')}`);
    return buildKnowledgeIndex(result.base);
  });
  return loading;
}

export async function realBase(): Promise<FactBase> {
  return (await realIndex()).base;
}
