/**
 * Text a reader sees names no internal id: "the unnamed Ankara outlet's article", not
 * "ankara-first-joint-patrol-idlib"; "as for where the patrol ended", not "first-full-patrol-end-of-route".
 * Ids are for maintainers (`note` of an event, comments); cards, disputes, statements and date
 * reasoning speak to readers. Only hyphenated ids are looked for: one-word place ids (`syria`,
 * `aleppo`) are ordinary words in prose.
 */
import type { Dispute, EventRecord, Fact, KnowledgeIssue, Place } from '../domain/types.ts';
import { cardTexts } from './card-limits.ts';
import type { Located } from './entries.ts';
import { issueAt, type FieldPath } from './yaml-file.ts';

/** A knowledge file's name ("sources.yaml", "facts/sofrep.yaml"): the files are for maintainers too. */
const FILE_NAME = /(?<![\w./-])(?:[\w-]+\/)*[\w-]+\.ya?ml(?![\w-])/;

/** Finds the known ids in a text, each as a whole slug (not part of a longer one), and knowledge file names. */
export class InternalIds {
  readonly #pattern: RegExp | undefined;

  constructor(ids: Iterable<string>) {
    const hyphenated = [...new Set(ids)].filter((id) => id.includes('-')).sort((a, b) => b.length - a.length);
    this.#pattern = hyphenated.length === 0 ? undefined : new RegExp(`(?<![\\w-])(?:${hyphenated.join('|')})(?![\\w-])`);
  }

  /** The first internal id or knowledge file name `text` names, or undefined. */
  find(text: string | undefined): string | undefined {
    if (text === undefined) return undefined;
    return this.#pattern?.exec(text)?.[0] ?? FILE_NAME.exec(text)?.[0];
  }
}

function check(file: Located<unknown>['file'], index: number, ids: InternalIds, texts: readonly [FieldPath, string | undefined][]): KnowledgeIssue[] {
  const issues: KnowledgeIssue[] = [];
  for (const [path, text] of texts) {
    const id = ids.find(text);
    if (id) issues.push(issueAt(file, [index, ...path], `names the internal id ${id}, which a reader sees: say it in words`));
  }
  return issues;
}

export function checkFactReaderText({ value, file, index }: Located<Fact>, ids: InternalIds): KnowledgeIssue[] {
  return check(file, index, ids, [
    [['statement'], value.statement],
    [['date_reasoning'], value.date_reasoning],
  ]);
}

export function checkDisputeReaderText({ value, file, index }: Located<Dispute>, ids: InternalIds): KnowledgeIssue[] {
  return check(file, index, ids, [
    [['title'], value.title],
    [['differs'], value.differs],
    [['note'], value.note],
  ]);
}

export function checkPlaceReaderText({ value, file, index }: Located<Place>, ids: InternalIds): KnowledgeIssue[] {
  return check(file, index, ids, [
    [['region'], value.region],
    [['note'], value.note],
  ]);
}

/**
 * Everything of an event a reader sees: every text its card shows, and the date reasoning, patrol
 * number reasoning and identification that its panels show as our readings.
 */
export function checkEventReaderText({ value, file, index }: Located<EventRecord>, ids: InternalIds): KnowledgeIssue[] {
  return check(file, index, ids, [
    ...cardTexts(value).map(({ path, text }): [FieldPath, string | undefined] => [path, text]),
    [['date_reasoning'], value.date_reasoning],
    [['patrol', 'reasoning'], value.patrol?.reasoning],
    [['identification'], value.identification],
  ]);
}
