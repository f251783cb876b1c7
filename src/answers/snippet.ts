/**
 * The part of a text a search matched: a window around the matched words, with those words
 * marked. Words are compared through the one normaliser, so a match found on `ain hour`
 * highlights "Ain Hour" and a query for `taranba` highlights "Taranba".
 */
import { normaliseTerms } from '../text/normalise.ts';

/** Where a search matched: a window of the text, with the matched words marked. */
export interface Snippet {
  /** The window, with "…" where it was cut from a longer text. */
  readonly text: string;
  /** [start, end) offsets into `text` of the words that matched. */
  readonly highlights: readonly (readonly [number, number])[];
}

/** Longest snippet, in characters, before it is cut to a window around the first match. */
export const SNIPPET_MAX = 220;
/** How much text to keep before the first match when cutting. */
const LEAD = 60;

const WORD = /[\p{L}\p{N}][\p{L}\p{N}\p{M}’'\-]*/gu;

function wordMatches(word: string, terms: readonly string[]): boolean {
  const parts = normaliseTerms(word);
  return parts.some((part) =>
    terms.some((term) => part === term || (term.length >= 2 && part.startsWith(term)) || (part.length >= 3 && term.startsWith(part))),
  );
}

function matchRanges(text: string, terms: readonly string[]): [number, number][] {
  const ranges: [number, number][] = [];
  for (const m of text.matchAll(WORD)) {
    if (wordMatches(m[0], terms)) ranges.push([m.index, m.index + m[0].length]);
  }
  return ranges;
}

/** Move `i` back to the start of the word it falls in. */
function wordStart(text: string, i: number): number {
  while (i > 0 && !/\s/.test(text[i - 1] ?? '')) i--;
  return i;
}

/** Move `i` back to the end of the last whole word before it. */
function wordEnd(text: string, i: number): number {
  if (i >= text.length) return text.length;
  while (i > 0 && !/\s/.test(text[i] ?? '')) i--;
  while (i > 0 && /\s/.test(text[i - 1] ?? '')) i--;
  return i;
}

/** `text` around the words that match `terms`, with those words marked: what /search bolds in a statement. */
export function buildSnippet(text: string, terms: readonly string[]): Snippet {
  const ranges = matchRanges(text, terms.flatMap((t) => normaliseTerms(t)));
  if (text.length <= SNIPPET_MAX) return { text, highlights: ranges };

  const first = ranges[0]?.[0] ?? 0;
  let start = first <= LEAD ? 0 : wordStart(text, first - LEAD);
  let end = wordEnd(text, start + SNIPPET_MAX);
  if (end <= start) {
    // One unbroken word longer than the window: cut it, the ellipsis shows it was cut.
    end = Math.min(text.length, start + SNIPPET_MAX);
  }
  if (start > 0 && end === text.length) start = Math.max(0, wordStart(text, Math.max(0, end - SNIPPET_MAX)));
  const prefix = start > 0 ? '…' : '';
  const suffix = end < text.length ? '…' : '';
  const shift = prefix.length - start;
  return {
    text: prefix + text.slice(start, end) + suffix,
    highlights: ranges.filter(([a, b]) => a >= start && b <= end).map(([a, b]) => [a + shift, b + shift] as const),
  };
}
