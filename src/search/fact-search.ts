/**
 * Free-text search over facts: MiniSearch's ranking over the facts' words (fact-text.ts) and over the
 * names they point to (names.ts), put together per fact, and only the real matches kept.
 *
 * Putting the two together: MiniSearch scores a document by BM25+ over its fields (with the field
 * boosts), weights prefix and fuzzy matches down, and multiplies by how many query words matched.
 * A fact's score here is the same sum over both indexes — its text score and, for each name that
 * matched, that name's score — multiplied by the query words matched anywhere. A name's score is
 * rescaled on the way: BM25 in the names index weighs a word by how rare it is among names, where
 * what counts for a fact is how rare the name is among facts (what BM25 would have seen had the
 * names been copied into every fact). Facts at a place the query names outright rank twice as high.
 */
import type MiniSearch from 'minisearch';
import type { SearchOptions, SearchResult } from 'minisearch';
import type { FactBase } from '../domain/types.ts';
import { NAME_BOOST, type NameIndex, type NameMatch } from './names.ts';
import type { PlaceDirectory } from './places.ts';
import { fuzzyDistance, MAX_FUZZY, MIN_PREFIX, searchTerms, termQuery } from './terms.ts';
import type { FactHit, FactSearchResult } from './types.ts';
import type { Vocabulary } from './vocabulary.ts';

/** Words of a query beyond these are ignored: no question needs more, and each costs a pass. */
const MAX_QUERY_TERMS = 12;
/**
 * A word that reaches more than this share of the facts (itself, its completions and near
 * spellings together) is left out of a query that has a rarer one; a query of such words only is
 * searched for its rarest word, as typed. Such a word barely moves the ranking — BM25 gives a word
 * in most facts almost no weight — but it is what a search costs: at 10,000 facts "patrol" is 8,500
 * postings and each becomes a result object. With them left in, searches at 10,000 facts took 46 ms
 * at p99. Small bases keep every word: there it costs nothing.
 */
const COMMON_SHARE = 0.2;
const COMMON_FROM_FACTS = 2000;
/**
 * While a query is typed (autocomplete) every keystroke searches, so words count as common from a
 * smaller share, and a query of common words only finds nothing: its statements would be any of
 * thousands of facts, at the cost of all of them.
 */
const TYPING_COMMON_SHARE = 0.1;
/** Results scoring under this share of the best are not real matches of the query. */
const RELATIVE_CUTOFF = 0.2;
const PLACE_NAMED_BOOST = 2;

export interface SearchSettings {
  /** The query is being typed into autocomplete (see TYPING_COMMON_SHARE). */
  readonly typing?: boolean;
}

/** The words to search for, and those among them to take only as typed (no completions). */
interface Plan {
  readonly words: readonly string[];
  readonly asTyped: ReadonlySet<string>;
}

export class FactSearch {
  // Per fact position, reused by every search (searches run one at a time on the event loop): the
  // score so far, which query words matched (one bit each), whether one matched as typed, and the
  // text index's result. `touched` lists the positions to read and reset.
  readonly #score: Float64Array;
  readonly #words: Uint16Array;
  readonly #exact: Uint8Array;
  readonly #text: Array<SearchResult | undefined>;
  readonly #touched: Int32Array;

  constructor(
    private readonly base: FactBase,
    private readonly text: MiniSearch<number>,
    private readonly names: NameIndex,
    private readonly vocabulary: Vocabulary,
    private readonly places: PlaceDirectory,
  ) {
    const n = base.facts.length;
    this.#score = new Float64Array(n);
    this.#words = new Uint16Array(n);
    this.#exact = new Uint8Array(n);
    this.#text = new Array<SearchResult | undefined>(n);
    this.#touched = new Int32Array(n);
  }

  /** The real matches for `query`, best first, at most `limit`, and how many weaker ones were left out. */
  search(query: string, limit: number, settings: SearchSettings = {}): FactSearchResult {
    const plan = this.#plan([...new Set(searchTerms(query))].slice(0, MAX_QUERY_TERMS), settings);
    if (plan.words.length === 0 || limit <= 0) return { hits: [], leftOut: 0 };
    const options: SearchOptions = {
      prefix: (term) => term.length >= MIN_PREFIX && !plan.asTyped.has(term),
      fuzzy: this.#fuzzy,
      maxFuzzy: MAX_FUZZY,
    };
    const bit = new Map(plan.words.map((word, i) => [word, 1 << i]));
    const bitsOf = (result: SearchResult) => result.queryTerms.reduce((bits, term) => bits | (bit.get(term) ?? 0), 0);
    let touched = 0;
    const add = (position: number, score: number, bits: number, exact: boolean) => {
      if (this.#words[position] === 0) this.#touched[touched++] = position;
      this.#score[position]! += score;
      this.#words[position]! |= bits;
      if (exact) this.#exact[position] = 1;
    };

    for (const result of this.text.search(termQuery(plan.words), options)) {
      add(result.id as number, raw(result), bitsOf(result), matchedAsTyped(result));
      this.#text[result.id as number] = result;
    }
    const matches = this.names.match(termQuery(plan.words), { ...options, boost: { ...NAME_BOOST } });
    const rarestName = idf(1, this.names.search.documentCount);
    for (const { entity, result } of matches) {
      const score = (raw(result) * idf(entity.facts.length, this.base.facts.length)) / rarestName;
      const bits = bitsOf(result);
      const exact = matchedAsTyped(result);
      for (const position of entity.positions) add(position, score, bits, exact);
    }

    const named = new Set(this.places.mentionedIn(query).map((place) => place.id));
    for (let i = 0; i < touched; i++) {
      const position = this.#touched[i]!;
      const atNamedPlace = named.size > 0 && this.base.facts[position]!.places.some((id) => named.has(id));
      this.#score[position]! *= bitCount(this.#words[position]!) * (atNamedPlace ? PLACE_NAMED_BOOST : 1);
    }
    const { best, real } = this.#realMatches(touched, limit);
    const hits = best.map((position) => this.#hit(position, matches));
    this.#reset(touched);
    return { hits, leftOut: touched - real };
  }

  /**
   * The exact-over-approximate rule and the relative cut-off: a fact that matched only a completion
   * or a misspelling of the query words is left out when other facts matched the words themselves
   * ("human shields" is not "Spring Shield" nor "humanitarian"), and so is anything scoring far below
   * the best. (MiniSearch's `filter` sees one result at a time; both rules depend on all of them.)
   * Returns the best `limit` positions, best first (ties: earlier in the fact base first), and how
   * many facts are real matches.
   */
  #realMatches(touched: number, limit: number): { best: number[]; real: number } {
    let exactOnly = false;
    let top = 0;
    for (let i = 0; i < touched; i++) exactOnly ||= this.#exact[this.#touched[i]!] === 1;
    for (let i = 0; i < touched; i++) {
      const position = this.#touched[i]!;
      if (!exactOnly || this.#exact[position] === 1) top = Math.max(top, this.#score[position]!);
    }
    const floor = top * RELATIVE_CUTOFF;
    const before = (a: number, b: number) => this.#score[a]! > this.#score[b]! || (this.#score[a] === this.#score[b] && a < b);
    const best: number[] = [];
    let real = 0;
    for (let i = 0; i < touched; i++) {
      const position = this.#touched[i]!;
      if ((exactOnly && this.#exact[position] === 0) || this.#score[position]! < floor) continue;
      real++;
      // The best `limit` so far, in order: a short insertion, since limit is at most 25.
      if (best.length === limit && !before(position, best[limit - 1]!)) continue;
      let at = Math.min(best.length, limit - 1);
      best[at] = position;
      for (; at > 0 && before(position, best[at - 1]!); at--) [best[at], best[at - 1]] = [best[at - 1]!, position];
    }
    return { best, real };
  }

  /** A hit, with the terms that matched in the fact's words and in the names it points to. */
  #hit(position: number, matches: readonly NameMatch[]): FactHit {
    const fact = this.base.facts[position]!;
    const terms = new Set(this.#text[position]?.terms);
    const matched = new Map(matches.map((match) => [match.entity, match.result]));
    for (const entity of this.names.entitiesOf(fact)) for (const term of matched.get(entity)?.terms ?? []) terms.add(term);
    return { fact, score: this.#score[position]!, terms: [...terms], exact: this.#exact[position] === 1 };
  }

  #reset(touched: number): void {
    for (let i = 0; i < touched; i++) {
      const position = this.#touched[i]!;
      this.#score[position] = 0;
      this.#words[position] = 0;
      this.#exact[position] = 0;
      this.#text[position] = undefined;
    }
  }

  /**
   * Which words to search, and how. Every word is completed from 3 characters, and a word the fact
   * base never uses is taken for a misspelling (one edit from 4 characters, two from 8) — a word it
   * does use is what was meant: "shields" should not also find "shield". On a large base, common
   * words go (see COMMON_SHARE).
   */
  #plan(words: string[], settings: SearchSettings): Plan {
    const factCount = this.base.facts.length;
    if (factCount < COMMON_FROM_FACTS || words.length === 0) return { words, asTyped: new Set() };
    const threshold = (settings.typing ? TYPING_COMMON_SHARE : COMMON_SHARE) * factCount;
    const reach = new Map(words.map((word) => [word, this.vocabulary.reach(word, word.length >= MIN_PREFIX, this.#fuzzy(word), threshold)]));
    const rare = words.filter((word) => reach.get(word)! <= threshold);
    if (rare.length > 0 || settings.typing) return { words: rare, asTyped: new Set() };
    const rarest = words.reduce((a, b) => (this.vocabulary.frequency(b) < this.vocabulary.frequency(a) ? b : a));
    return { words: [rarest], asTyped: new Set([rarest]) };
  }

  readonly #fuzzy = (term: string): number => (this.vocabulary.frequency(term) > 0 ? 0 : fuzzyDistance(term));
}

/** A MiniSearch result's score before it was multiplied by the number of query words it matched. */
function raw(result: SearchResult): number {
  return result.score / Math.max(1, result.queryTerms.length);
}

/** Whether some query word matched as typed: it is itself among the document's matching terms. */
function matchedAsTyped(result: SearchResult): boolean {
  return result.queryTerms.some((term) => Object.hasOwn(result.match, term));
}

/** BM25's inverse document frequency (as MiniSearch computes it) of something in `n` of `count` documents. */
function idf(n: number, count: number): number {
  return Math.log(1 + (count - n + 0.5) / (n + 0.5));
}

function bitCount(bits: number): number {
  let count = 0;
  for (let rest = bits; rest !== 0; rest &= rest - 1) count++;
  return count;
}
