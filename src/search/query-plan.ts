/**
 * Which words of a query to search for, and how. Every word is completed from 3 characters, and a
 * word the fact base never uses is taken for a misspelling (one edit from 4 characters, two from 8):
 * a word it does use is what was meant — "shields" should not also find "shield". On a large base,
 * common words go.
 */
import type { SearchOptions } from 'minisearch';
import { fuzzyDistance, MAX_FUZZY, MIN_PREFIX, searchTerms } from './terms.ts';
import type { Vocabulary } from './vocabulary.ts';

/** Words of a query beyond these are ignored: no question needs more, and each costs a pass. */
const MAX_QUERY_TERMS = 12;
/**
 * A word that reaches more than this share of the facts (itself, its completions and near
 * spellings together) is left out of a query that has a rarer one; a query of such words only is
 * searched for its rarest word, as typed, in the statements (where a fact says what it is about).
 * Such a word barely moves the ranking — BM25 gives a word in most facts almost no weight — but it is
 * what a search costs: at 10,000 facts "patrol" is 8,500 postings in each field, and each becomes a
 * result object. With them left in, searches at 10,000 facts took 46 ms at p99 (issue 12). Small
 * bases keep every word: there it costs nothing.
 */
const COMMON_SHARE = 0.2;
const COMMON_FROM_FACTS = 2000;
/**
 * While a query is typed (autocomplete) every keystroke searches, so words count as common from a
 * smaller share, and a query of common words only finds nothing: its statements would be any of
 * thousands of facts, at the cost of all of them.
 */
const TYPING_COMMON_SHARE = 0.1;

export interface QueryPlan {
  /** The query's distinct terms to search for, in order (at most 16: one bit each in a Uint16Array). */
  readonly words: readonly string[];
  /** MiniSearch's `prefix`, `fuzzy` and `maxFuzzy` for them. */
  readonly options: SearchOptions;
  /** The facts' fields to search (MiniSearch's `fields`), when not all of them. */
  readonly textFields?: readonly string[];
}

export function planQuery(query: string, vocabulary: Vocabulary, factCount: number, typing: boolean): QueryPlan {
  const fuzzy = (term: string) => (vocabulary.frequency(term) > 0 ? 0 : fuzzyDistance(term));
  const plan = (words: readonly string[], asTyped?: string): QueryPlan => ({
    words,
    options: { prefix: (term) => term.length >= MIN_PREFIX && term !== asTyped, fuzzy, maxFuzzy: MAX_FUZZY },
    ...(asTyped ? { textFields: ['statement'] } : {}),
  });
  const words = [...new Set(searchTerms(query))].slice(0, MAX_QUERY_TERMS);
  if (factCount < COMMON_FROM_FACTS || words.length === 0) return plan(words);
  const threshold = (typing ? TYPING_COMMON_SHARE : COMMON_SHARE) * factCount;
  const rare = words.filter((word) => vocabulary.reach(word, word.length >= MIN_PREFIX, fuzzy(word), threshold) <= threshold);
  if (rare.length > 0 || typing) return plan(rare);
  const rarest = words.reduce((a, b) => (vocabulary.frequency(b) < vocabulary.frequency(a) ? b : a));
  // Its completions would be as common as it is.
  return plan([rarest], rarest);
}
