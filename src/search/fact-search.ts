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
import type { SearchResult } from 'minisearch';
import type { FactBase } from '../domain/types.ts';
import { entitiesOfFact, type Entity } from './entities.ts';
import { NAME_BOOST, type NameIndex } from './names.ts';
import type { PlaceDirectory } from './places.ts';
import { planQuery } from './query-plan.ts';
import { termQuery } from './terms.ts';
import type { FactHit, FactSearchResult } from './types.ts';
import type { Vocabulary } from './vocabulary.ts';

/**
 * Results scoring under this share of the best are not real matches of the query — unless they
 * matched every query word as typed: "casualties" finds the facts of that kind or tag as well as the
 * one that says the word in its statement, whose score is several times theirs.
 */
const RELATIVE_CUTOFF = 0.2;
/** "attacks near Ain Hour": the facts at Ain Hawr first. */
const PLACE_NAMED_BOOST = 2;

export interface SearchSettings {
  /** The query is being typed into autocomplete (see query-plan.ts). */
  readonly typing?: boolean;
}

export class FactSearch {
  // Per fact position, reused by every search (searches run one at a time on the event loop): the
  // score so far, which query words matched (one bit each), which of them matched as typed, and the
  // text index's result. `touched` lists the positions to read and reset.
  readonly #score: Float64Array;
  readonly #words: Uint16Array;
  readonly #exact: Uint16Array;
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
    this.#exact = new Uint16Array(n);
    this.#text = new Array<SearchResult | undefined>(n).fill(undefined);
    this.#touched = new Int32Array(n);
  }

  /** The real matches for `query`, best first, at most `limit`, and how many weaker ones were left out. */
  search(query: string, limit: number, settings: SearchSettings = {}): FactSearchResult {
    const { words, options, textFields } = planQuery(query, this.vocabulary, this.base.facts.length, settings.typing === true);
    if (words.length === 0 || limit <= 0) return { hits: [], leftOut: 0 };
    const bit = new Map(words.map((word, i) => [word, 1 << i]));
    const bitsOf = (result: SearchResult) => {
      let bits = 0;
      for (const term of result.queryTerms) bits |= bit.get(term) ?? 0;
      return bits;
    };
    let touched = 0;
    const add = (position: number, score: number, bits: number, exact: number) => {
      if (this.#words[position] === 0) this.#touched[touched++] = position;
      this.#score[position]! += score;
      this.#words[position]! |= bits;
      this.#exact[position]! |= exact;
    };
    try {
      for (const result of this.text.search(termQuery(words), textFields ? { ...options, fields: [...textFields] } : options)) {
        add(result.id as number, raw(result), bitsOf(result), bitsAsTyped(result, bit));
        this.#text[result.id as number] = result;
      }
      const matches = this.names.match(termQuery(words), { ...options, boost: { ...NAME_BOOST } });
      const rarestName = idf(1, this.names.search.documentCount);
      for (const { entity, result } of matches) {
        const score = (raw(result) * idf(entity.facts.length, this.base.facts.length)) / rarestName;
        const bits = bitsOf(result);
        const exact = bitsAsTyped(result, bit);
        for (const position of entity.positions) add(position, score, bits, exact);
      }
      const named = new Set(this.places.mentionedIn(query).map((place) => place.id));
      for (let i = 0; i < touched; i++) {
        const position = this.#touched[i]!;
        const atNamedPlace = named.size > 0 && this.base.facts[position]!.places.some((id) => named.has(id));
        this.#score[position]! *= bitCount(this.#words[position]!) * (atNamedPlace ? PLACE_NAMED_BOOST : 1);
      }
      const { best, real } = this.#realMatches(touched, limit, (1 << words.length) - 1);
      const matched = new Map(matches.map((match) => [match.entity, match.result]));
      return { hits: best.map((position) => this.#hit(position, matched)), leftOut: touched - real };
    } finally {
      this.#reset(touched);
    }
  }

  /**
   * The exact-over-approximate rule and the relative cut-off: a fact that matched only a completion
   * or a misspelling of the query words is left out when other facts matched the words themselves
   * ("human shields" does not bring "humanitarian" missions), and so is anything scoring far below
   * the best that did not match every query word as typed (`all`: their bits). (MiniSearch's `filter`
   * sees one result at a time; both rules depend on all of them.) Returns the best `limit` positions,
   * best first (ties: earlier in the fact base first), and how many facts are real matches.
   */
  #realMatches(touched: number, limit: number, all: number): { best: number[]; real: number } {
    let exactOnly = false;
    let top = 0;
    for (let i = 0; i < touched; i++) exactOnly ||= this.#exact[this.#touched[i]!] !== 0;
    for (let i = 0; i < touched; i++) {
      const position = this.#touched[i]!;
      if (!exactOnly || this.#exact[position] !== 0) top = Math.max(top, this.#score[position]!);
    }
    const floor = top * RELATIVE_CUTOFF;
    const before = (a: number, b: number) => this.#score[a]! > this.#score[b]! || (this.#score[a] === this.#score[b] && a < b);
    const best: number[] = [];
    let real = 0;
    for (let i = 0; i < touched; i++) {
      const position = this.#touched[i]!;
      const exact = this.#exact[position]!;
      if ((exactOnly && exact === 0) || (this.#score[position]! < floor && exact !== all)) continue;
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
  #hit(position: number, matched: ReadonlyMap<Entity, SearchResult>): FactHit {
    const fact = this.base.facts[position]!;
    const terms = new Set(this.#text[position]?.terms);
    for (const entity of entitiesOfFact(this.names.entities, fact)) for (const term of matched.get(entity)?.terms ?? []) terms.add(term);
    return { fact, score: this.#score[position]!, terms: [...terms], exact: this.#exact[position] !== 0 };
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
}

/** A MiniSearch result's score before it was multiplied by the number of query words it matched. */
function raw(result: SearchResult): number {
  return result.score / Math.max(1, result.queryTerms.length);
}

/** The query words (their bits) that matched as typed: each is itself among the document's matching terms. */
function bitsAsTyped(result: SearchResult, bit: ReadonlyMap<string, number>): number {
  let bits = 0;
  for (const term of result.queryTerms) if (Object.hasOwn(result.match, term)) bits |= bit.get(term) ?? 0;
  return bits;
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
