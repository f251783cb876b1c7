/**
 * The terms of a text as every index here sees them: the one normaliser (`normaliseTerms`), English
 * stop words dropped, and an ordinal also counted as its number ("22nd" is found by "patrol 22").
 * Queries and indexed text go through the same rules, which is what makes them meet.
 */
import { ARTICLE_TOKENS, normaliseTerms } from '../text/normalise.ts';
import { STOP_WORDS } from './stop-words.ts';

const ORDINAL = /^(\d+)(?:st|nd|rd|th)$/;

/** Stop words out, ordinals doubled with their number. */
function refine(words: readonly string[], keepArticles: boolean): string[] {
  const out: string[] = [];
  for (const word of words) {
    if (STOP_WORDS.has(word) || (!keepArticles && ARTICLE_TOKENS.has(word))) continue;
    out.push(word);
    const ordinal = ORDINAL.exec(word);
    if (ordinal) out.push(ordinal[1]!);
  }
  return out;
}

/** The terms of a whole text (a query), in order: [] when nothing meaningful is left. */
export function searchTerms(text: string): string[] {
  return refine(normaliseTerms(text), true);
}

/**
 * The terms of a text still being typed: as searchTerms, except that the last word is kept even if
 * it is a stop word, since it may be the start of a longer one ("a" → "Aleppo").
 */
export function typedTerms(text: string): string[] {
  const words = normaliseTerms(text);
  const last = words.at(-1);
  const terms = refine(words.slice(0, -1), true);
  return last === undefined ? terms : [...terms, last];
}

/** Completing a word from this many characters (the word being typed: from the first). */
export const MIN_PREFIX = 3;
/** MiniSearch's `maxFuzzy`: the most edits a misspelling may be away from a word. */
export const MAX_FUZZY = 2;

/** Edits forgiven in a misspelt word: none under 4 characters, one up to 7, two from 8. */
export function fuzzyDistance(term: string): number {
  return term.length < 4 ? 0 : term.length < 8 ? 1 : MAX_FUZZY;
}

/** A query's distinct terms, as one string for an index whose search-time `tokenize` is `splitWords`. */
export function termQuery(terms: readonly string[]): string {
  return [...new Set(terms)].join(' ');
}

/** MiniSearch's `tokenize`: the text between spaces (the normaliser splits further where it must). */
export function splitWords(text: string): string[] {
  return text.split(' ');
}

/** MiniSearch's `processTerm` for text that was already turned into terms (queries, see termQuery). */
export function asIs(term: string): string {
  return term;
}

/** Memoised words kept per processor before it starts afresh (a vocabulary, not every query). */
const MAX_MEMO = 200_000;

/**
 * MiniSearch's `processTerm` for indexed text: one space-separated word to its terms. Normalising
 * word by word gives what `searchTerms` gives for the whole text (no rule of the normaliser looks
 * across a space), except that a word that is only an Arabic article ("al") is dropped even when the
 * text has no other word. Each distinct word is normalised once: the regular expressions of the
 * normaliser over every word of 100,000 facts would otherwise cost more than the indexing itself.
 */
export function termProcessor(): (word: string) => string[] {
  const memo = new Map<string, string[]>();
  return (word) => {
    let terms = memo.get(word);
    if (terms === undefined) {
      if (memo.size >= MAX_MEMO) memo.clear();
      terms = refine(normaliseTerms(word), false);
      memo.set(word, terms);
    }
    return terms;
  };
}
