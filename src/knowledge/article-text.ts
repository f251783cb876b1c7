/**
 * A source's article text: its archived text minus the parts that are not the article.
 *
 * Quotes are matched against this text only, so a name or date from reader comments, a donation
 * widget or a photo caption can never become a fact. Matching forgives only what copying text
 * changes by accident: runs of whitespace (line breaks, non-breaking spaces) and typographic
 * quotes/apostrophes versus straight ones. Nothing else: a quote must be the source's words.
 */
import type { KnowledgeIssue, Source } from '../domain/types.ts';
import type { Located } from './entries.ts';
import { issueAt } from './yaml-file.ts';

const SINGLE_QUOTES = /[‘’‚‛′ʼ]/g;
const DOUBLE_QUOTES = /[“”„‟″]/g;

/** The form quotes and article text are compared in. */
export function normaliseForQuote(text: string): string {
  return text.replace(SINGLE_QUOTES, "'").replace(DOUBLE_QUOTES, '"').replace(/\s+/gu, ' ').trim();
}

/** Separates runs of article lines in the matching form, so a quote cannot bridge a removed part. */
const GAP = '\u0000';

export interface NonArticleRange {
  readonly kind: string;
  readonly lines: string;
  readonly first: number;
  readonly last: number;
}

export interface ArticleText {
  /** The article lines joined by newlines (what FactBase.articleText holds). */
  readonly text: string;
  /** Normalised for quote matching; runs of article lines joined by a separator no quote contains. */
  readonly searchable: string;
  /** The non-article parts with their line ranges and normalised text, to explain a rejected quote. */
  readonly removed: readonly (NonArticleRange & { readonly searchable: string })[];
  readonly archivePath: string;
}

/** Lines of an archived text; a final newline does not start another line. */
export function splitLines(text: string): string[] {
  const lines = text.split(/\r?\n/);
  if (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
  return lines;
}

/**
 * Build the article text of `source` from its archive, reporting non_article ranges that run
 * backwards or past the end of the file (those ranges are then ignored).
 */
export function buildArticleText(
  source: Located<Source>,
  archive: string,
  archivePath: string,
): { article: ArticleText; issues: KnowledgeIssue[] } {
  const lines = splitLines(archive);
  const issues: KnowledgeIssue[] = [];
  const ranges: NonArticleRange[] = [];
  source.value.non_article.forEach((part, i) => {
    const [first, last] = parseRange(part.lines);
    const fieldPath = ['non_article', i, 'lines'];
    if (first < 1) {
      issues.push(issueAt(source.file, [source.index, ...fieldPath], `lines are counted from 1; got ${part.lines}`));
    } else if (last < first) {
      issues.push(issueAt(source.file, [source.index, ...fieldPath], `range ${part.lines} runs backwards: write ${last}-${first}`));
    } else if (last > lines.length) {
      issues.push(
        issueAt(
          source.file,
          [source.index, ...fieldPath],
          `line ${last} is past the end of ${archivePath} (${lines.length} lines)`,
        ),
      );
    } else {
      ranges.push({ kind: part.kind, lines: part.lines, first, last });
    }
  });

  const removed = new Uint8Array(lines.length + 1);
  for (const range of ranges) removed.fill(1, range.first, range.last + 1);
  const kept: string[] = [];
  const runs: string[] = [];
  let run: string[] = [];
  lines.forEach((line, i) => {
    if (removed[i + 1]) {
      if (run.length > 0) runs.push(run.join('\n'));
      run = [];
    } else {
      kept.push(line);
      run.push(line);
    }
  });
  if (run.length > 0) runs.push(run.join('\n'));

  return {
    article: {
      text: kept.join('\n'),
      searchable: runs.map(normaliseForQuote).join(GAP),
      removed: ranges.map((range) => ({
        ...range,
        searchable: normaliseForQuote(lines.slice(range.first - 1, range.last).join('\n')),
      })),
      archivePath,
    },
    issues,
  };
}

function parseRange(lines: string): [number, number] {
  const [first, last = first] = lines.split('-').map(Number);
  return [first!, last!];
}
