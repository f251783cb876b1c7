/**
 * The full-text index over facts, query side: a sorted term dictionary; for the text fields
 * (statement, quote) per-term postings with a precomputed BM25+ weight; for the entity fields
 * (places, meta — see fact-fields.ts) per-term lists of entities, each with its facts. All flat typed
 * arrays. Built by text-build.ts.
 *
 * Why not MiniSearch's own index: measured on 100,000 synthetic facts (bench/), MiniSearch with
 * tuned options took 10 s to build, 347 MB of heap, and 100–900 ms per query whose words are common
 * (every fact here says "patrol"), because it keeps postings in nested Maps and creates a result
 * object per matching document. The same scoring over flat arrays builds in about a second, fits in
 * tens of MB outside the JS heap, answers in a few ms, and serialises as raw bytes (see cache.ts).
 * The ranking follows MiniSearch's: BM25+ with its parameters and per-field document frequencies,
 * field boosts, prefix and fuzzy matches weighted down by how far they are from the typed word, and a
 * score multiplied by the number of query words matched.
 */
import { ENTITY_FIELDS } from './fact-fields.ts';
import { fuzzyBound, fuzzyKeys } from './fuzzy-keys.ts';
import { RangeTop } from './range-top.ts';
import { indexOfKey, prefixRange } from './sorted-keys.ts';
import { searchTerms } from './terms.ts';
import { TopHeap } from './top-heap.ts';
import { float64Map } from './arrays.ts';

/** Everything the index is made of; plain typed arrays, so it can be cached as bytes. */
export interface TextIndexData {
  readonly docCount: number;
  /** Index terms in code-unit order; a term's id is its position. */
  readonly terms: readonly string[];
  /** Text fields. Facts with the term in their statement or quote. */
  readonly textDf: Int32Array;
  /** Postings of term t are positions offsets[t] … offsets[t+1]-1 of `docs` and `impacts`. */
  readonly offsets: Int32Array;
  /** Fact positions (in base.facts), ascending within each term. */
  readonly docs: Int32Array;
  /** Σ over text fields of boost × BM25+ term-frequency part; times the term's IDF at query time. */
  readonly impacts: Float32Array;
  /** Entity fields. The entities whose text has term t: termEntities[termEntityOffsets[t] …]. */
  readonly termEntityOffsets: Int32Array;
  readonly termEntities: Int32Array;
  /** Per entity: what it is (`place:ain-hawr`, see fact-fields.ts), its field (index into ENTITY_FIELDS) and its facts, entityDocs[entityDocOffsets[e] …]. */
  readonly entityKeys: readonly string[];
  readonly entityField: Uint8Array;
  readonly entityDocOffsets: Int32Array;
  readonly entityDocs: Int32Array;
  /** boost × BM25+ part of one term in entity field f of fact d, at [f × docCount + d]. */
  readonly entityImpact: Float32Array;
}

export interface TextHit {
  readonly doc: number;
  readonly score: number;
  /** Index terms that matched in this fact (what to highlight). */
  readonly terms: readonly string[];
}

const PREFIX_WEIGHT = 0.375;
const FUZZY_WEIGHT = 0.45;
/** Bounds that keep a query's cost flat however large the vocabulary grows. */
const MAX_QUERY_TERMS = 12;
const MAX_PREFIX_EXPANSIONS = 16;
/** Prefix completions of one word stop adding up once their postings exceed this (the first always counts). */
const MAX_PREFIX_POSTINGS = 250_000;
/** Completions and misspellings of all words together bring at most this many postings (by default). */
const MAX_QUERY_POSTINGS = 1_000_000;
const MAX_FUZZY_EXPANSIONS = 8;
const MIN_PREFIX_LENGTH = 3;
/** Fact count from which `skipCommonAbove` applies. */
const SKIP_COMMON_FROM_FACTS = 5000;
export interface SearchOptions {
  /** The last word is still being typed: complete it even when it is short. */
  readonly lastIsPrefix?: boolean;
  /** Budget of postings for completions and misspellings (exact words always count). */
  readonly maxPostings?: number;
  /**
   * Leave out words found in more than this share of the facts, as long as a rarer word is left:
   * they barely change the ranking (BM25 gives them almost no weight) and cost the most postings.
   */
  readonly skipCommonAbove?: number;
  /** Facts of these entities (keys such as `place:ain-hawr`) have their score multiplied by `factor`. */
  readonly boost?: { readonly entities: readonly string[]; readonly factor: number };
}

interface Expansion {
  readonly term: number;
  readonly weight: number;
  /** Which query word it stands for (bit position in the match mask). */
  readonly queryTerm: number;
}

export class TextIndex {
  readonly data: TextIndexData;
  /** Facts with each term in any field (capped at the fact count): how common a completion is. */
  readonly df: Int32Array;
  /** Terms by `df`, for "most used completions of this prefix". */
  readonly byFrequency: RangeTop;
  /** IDF of each term in the text fields, and per entity field at [f × termCount + t]. */
  readonly #textIdf: Float64Array;
  readonly #entityIdf: Float64Array;
  // Scratch space reused by every query (queries run one at a time on the event loop).
  readonly #score: Float64Array;
  readonly #mask: Uint32Array;
  readonly #touched: Int32Array;
  readonly #boosted: Uint8Array;
  readonly #entityByKey: ReadonlyMap<string, number>;

  constructor(data: TextIndexData) {
    this.data = data;
    const n = data.docCount;
    const termCount = data.terms.length;
    const idf = (df: number) => Math.log(1 + (n - df + 0.5) / (df + 0.5));
    // Per-field document frequency of the entity fields: the facts of the term's entities.
    const entityDf = new Float64Array(ENTITY_FIELDS.length * termCount);
    for (let t = 0; t < termCount; t++) {
      for (let i = data.termEntityOffsets[t]!; i < data.termEntityOffsets[t + 1]!; i++) {
        const e = data.termEntities[i]!;
        entityDf[data.entityField[e]! * termCount + t]! += data.entityDocOffsets[e + 1]! - data.entityDocOffsets[e]!;
      }
    }
    this.#textIdf = float64Map(data.textDf, idf);
    this.#entityIdf = float64Map(entityDf, (df) => idf(Math.min(df, n)));
    this.df = new Int32Array(termCount);
    for (let t = 0; t < termCount; t++) {
      let total = data.textDf[t]!;
      for (let f = 0; f < ENTITY_FIELDS.length; f++) total += entityDf[f * termCount + t]!;
      this.df[t] = Math.min(total, n);
    }
    this.byFrequency = new RangeTop(this.df);
    this.#score = new Float64Array(n);
    this.#mask = new Uint32Array(n);
    this.#touched = new Int32Array(n);
    this.#boosted = new Uint8Array(n);
    this.#entityByKey = new Map(data.entityKeys.map((key, entity) => [key, entity]));
  }

  /** Positions of the facts pointing to the entity (`place:ain-hawr`), ascending; empty if none. */
  entityFacts(key: string): Int32Array {
    const entity = this.#entityByKey.get(key);
    if (entity === undefined) return new Int32Array(0);
    return this.data.entityDocs.subarray(this.data.entityDocOffsets[entity]!, this.data.entityDocOffsets[entity + 1]!);
  }

  /** The best `limit` facts for `query`, best first; [] when the query has no meaningful word. */
  search(query: string, limit: number, options: SearchOptions = {}): TextHit[] {
    let words = [...new Set(searchTerms(query))].slice(0, MAX_QUERY_TERMS);
    if (words.length === 0 || limit <= 0) return [];
    // Only worth it (and only done) where postings are long enough to cost something.
    if (options.skipCommonAbove !== undefined && this.data.docCount >= SKIP_COMMON_FROM_FACTS) {
      words = this.#withoutCommon(words, options.skipCommonAbove, options.lastIsPrefix === true);
    }
    return this.#rank(this.#expand(words, options), limit, options.boost);
  }

  /** `words` less those in more than `share` of the facts — unless nothing rarer would be left. */
  #withoutCommon(words: string[], share: number, lastIsPrefix: boolean): string[] {
    const threshold = share * this.data.docCount;
    const common = (word: string, i: number) => {
      // The word being typed is kept: its completions are what the user is after.
      if (lastIsPrefix && i === words.length - 1) return false;
      const term = indexOfKey(this.data.terms, word);
      return term >= 0 && this.df[term]! > threshold;
    };
    const kept = words.filter((word, i) => !common(word, i));
    return kept.length > 0 ? kept : words;
  }

  /**
   * The index terms each query word stands for: the word itself, then its completions (most frequent
   * first), then close misspellings. Exact words always count; completions and misspellings are added
   * only while the postings they bring stay within budget, which is what keeps a query's cost flat.
   */
  #expand(words: readonly string[], options: SearchOptions): Expansion[] {
    const { terms } = this.data;
    const df = this.df;
    const out: Expansion[] = [];
    const seen = words.map(() => new Set<number>());
    let budget = options.maxPostings ?? MAX_QUERY_POSTINGS;
    words.forEach((word, queryTerm) => {
      const exact = indexOfKey(terms, word);
      if (exact < 0) return;
      out.push({ term: exact, weight: 1, queryTerm });
      seen[queryTerm]!.add(exact);
      budget -= df[exact]!;
    });
    words.forEach((word, queryTerm) => {
      const forcePrefix = options.lastIsPrefix === true && queryTerm === words.length - 1;
      if (word.length < MIN_PREFIX_LENGTH && !forcePrefix) return;
      const [start, end] = prefixRange(terms, word);
      let taken = 0;
      let postings = 0;
      for (const term of this.byFrequency.best(start, end)) {
        if (taken >= MAX_PREFIX_EXPANSIONS || (taken > 0 && (postings + df[term]! > MAX_PREFIX_POSTINGS || df[term]! > budget))) break;
        if (seen[queryTerm]!.has(term)) continue;
        seen[queryTerm]!.add(term);
        taken++;
        postings += df[term]!;
        budget -= df[term]!;
        const length = terms[term]!.length;
        const distance = length - word.length;
        out.push({ term, weight: (PREFIX_WEIGHT * length) / (length + 0.3 * distance), queryTerm });
      }
    });
    words.forEach((word, queryTerm) => {
      const bound = fuzzyBound(word.length);
      if (bound === 0 || budget <= 0) return;
      const close = fuzzyKeys(terms, word, { maxDistance: bound, mode: 'full', limit: 256 })
        .filter((match) => !seen[queryTerm]!.has(match.index))
        .sort((a, b) => a.distance - b.distance || df[b.index]! - df[a.index]!)
        .slice(0, MAX_FUZZY_EXPANSIONS);
      for (const { index, distance } of close) {
        if (df[index]! > budget) continue;
        budget -= df[index]!;
        const length = terms[index]!.length;
        out.push({ term: index, weight: (FUZZY_WEIGHT * length) / (length + distance), queryTerm });
      }
    });
    return out;
  }

  #rank(expansions: readonly Expansion[], limit: number, boost: SearchOptions['boost']): TextHit[] {
    const { offsets, docs, impacts, termEntityOffsets, termEntities, entityField, entityDocOffsets, entityDocs, entityImpact, docCount } = this.data;
    const termCount = this.data.terms.length;
    const score = this.#score;
    const mask = this.#mask;
    const touched = this.#touched;
    let touchedCount = 0;
    for (const { term, weight, queryTerm } of expansions) {
      const bit = 1 << queryTerm;
      const textFactor = weight * this.#textIdf[term]!;
      for (let p = offsets[term]!, end = offsets[term + 1]!; p < end; p++) {
        const doc = docs[p]!;
        if (mask[doc] === 0) touched[touchedCount++] = doc;
        mask[doc]! |= bit;
        score[doc]! += textFactor * impacts[p]!;
      }
      for (let i = termEntityOffsets[term]!, end = termEntityOffsets[term + 1]!; i < end; i++) {
        const entity = termEntities[i]!;
        const field = entityField[entity]!;
        const factor = weight * this.#entityIdf[field * termCount + term]!;
        const impactAt = field * docCount;
        for (let p = entityDocOffsets[entity]!, last = entityDocOffsets[entity + 1]!; p < last; p++) {
          const doc = entityDocs[p]!;
          if (mask[doc] === 0) touched[touchedCount++] = doc;
          mask[doc]! |= bit;
          score[doc]! += factor * entityImpact[impactAt + doc]!;
        }
      }
    }
    const boosted = this.#boosted;
    const boostLists = boost ? boost.entities.map((key) => this.entityFacts(key)) : [];
    for (const list of boostLists) for (let i = 0; i < list.length; i++) boosted[list[i]!] = 1;
    const factor = boost?.factor ?? 1;
    // Keep the best `limit` in a small min-heap instead of sorting every match.
    const heap = new TopHeap(limit);
    for (let i = 0; i < touchedCount; i++) {
      const doc = touched[i]!;
      heap.offer(doc, score[doc]! * popcount(mask[doc]!) * (boosted[doc] === 1 ? factor : 1));
    }
    for (const list of boostLists) for (let i = 0; i < list.length; i++) boosted[list[i]!] = 0;
    const hits = heap.sorted().map(({ doc, score: value }) => ({ doc, score: value, terms: this.#matchedTerms(doc, mask[doc]!, expansions) }));
    for (let i = 0; i < touchedCount; i++) {
      const doc = touched[i]!;
      score[doc] = 0;
      mask[doc] = 0;
    }
    return hits;
  }

  #matchedTerms(doc: number, mask: number, expansions: readonly Expansion[]): string[] {
    const found = new Set<string>();
    for (const { term, queryTerm } of expansions) {
      if ((mask & (1 << queryTerm)) === 0) continue;
      if (this.contains(term, doc)) found.add(this.data.terms[term]!);
    }
    return [...found];
  }

  /** Whether term id `term` occurs in fact `doc`, in any field. */
  contains(term: number, doc: number): boolean {
    const { offsets, docs, termEntityOffsets, termEntities, entityDocOffsets, entityDocs } = this.data;
    if (includesSorted(docs, offsets[term]!, offsets[term + 1]!, doc)) return true;
    for (let i = termEntityOffsets[term]!; i < termEntityOffsets[term + 1]!; i++) {
      const entity = termEntities[i]!;
      if (includesSorted(entityDocs, entityDocOffsets[entity]!, entityDocOffsets[entity + 1]!, doc)) return true;
    }
    return false;
  }
}

/** Binary search for `value` in the ascending run values[lo, hi). */
function includesSorted(values: Int32Array, lo: number, hi: number, value: number): boolean {
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const at = values[mid]!;
    if (at === value) return true;
    if (at < value) lo = mid + 1;
    else hi = mid;
  }
  return false;
}

function popcount(value: number): number {
  let v = value - ((value >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

