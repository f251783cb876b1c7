/**
 * Every id a fact, dispute or source refers to must exist: a fact's source, claimant, reported_via
 * and places; a dispute's claims; a source's archived text.
 */
import type { Dispute, Fact, KnowledgeIssue, Source } from '../domain/types.ts';
import type { Located } from './entries.ts';
import { didYouMean } from './issues.ts';
import { issueAt, type FieldPath } from './yaml-file.ts';

/** The ids of one kind of entry, and whether all of them could be read. */
export interface IdCatalogue {
  readonly ids: ReadonlySet<string>;
  /** False when a file of this kind had syntax errors: its ids are unknown, so references are not judged. */
  readonly complete: boolean;
  /** Where these ids are defined, for messages: `knowledge/places.yaml`. */
  readonly where: string;
}

export interface Catalogues {
  readonly sources: IdCatalogue;
  readonly places: IdCatalogue;
  readonly claimants: IdCatalogue;
  readonly facts: IdCatalogue;
  readonly disputes: IdCatalogue;
}

export function checkId<T>(
  entry: Located<T>,
  fieldPath: FieldPath,
  id: string,
  kind: string,
  catalogue: IdCatalogue,
  issues: KnowledgeIssue[],
): void {
  if (!catalogue.complete || catalogue.ids.has(id)) return;
  issues.push(
    issueAt(entry.file, [entry.index, ...fieldPath], `unknown ${kind} "${id}": no such id in ${catalogue.where}${didYouMean(id, catalogue.ids)}`),
  );
}

export function checkFactReferences(fact: Located<Fact>, catalogues: Catalogues): KnowledgeIssue[] {
  const issues: KnowledgeIssue[] = [];
  const { source, claimant, reported_via, places } = fact.value;
  checkId(fact, ['source'], source, 'source', catalogues.sources, issues);
  checkId(fact, ['claimant'], claimant, 'claimant', catalogues.claimants, issues);
  reported_via.forEach((id, i) => checkId(fact, ['reported_via', i], id, 'claimant', catalogues.claimants, issues));
  places.forEach((id, i) => checkId(fact, ['places', i], id, 'place', catalogues.places, issues));
  return issues;
}

export function checkDisputeReferences(dispute: Located<Dispute>, catalogues: Catalogues): KnowledgeIssue[] {
  const issues: KnowledgeIssue[] = [];
  dispute.value.claims.forEach((id, i) => checkId(dispute, ['claims', i], id, 'fact', catalogues.facts, issues));
  return issues;
}

/** A source's `archive` must name a file in the knowledge directory's archive/. */
export function checkArchiveExists(source: Located<Source>, archives: ReadonlySet<string>, root: string): KnowledgeIssue[] {
  if (archives.has(source.value.archive)) return [];
  return [
    issueAt(
      source.file,
      [source.index, 'archive'],
      `archived text ${root}/${source.value.archive} does not exist: save the article's text there`,
    ),
  ];
}
