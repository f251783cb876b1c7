/**
 * The full-text index over facts: a sorted term dictionary and, per term, the facts containing it
 * with a precomputed BM25+ weight — all in flat typed arrays.
 *
 * Why not MiniSearch's own index: measured on 100,000 synthetic facts (bench/), MiniSearch with
 * tuned options took 10 s to build, 347 MB of heap, and 100–900 ms per query whose words are common
 * (every fact here says "patrol"), because it keeps postings in nested Maps and creates a result
 * object per matching document. The same scoring over flat arrays builds in about a second, fits in
 * tens of MB outside the JS heap, answers in a few ms, and serialises as raw bytes (see cache.ts).
 * The ranking follows MiniSearch's: BM25+ with its parameters, per-field boosts, prefix and fuzzy
 * matches weighted down by how far they are from the typed word, and a score multiplied by the
 * number of query words matched.
 */
import type { FactBase } from '../domain/types.ts';
import { FactFieldTerms, FIELD_BOOST, FIELDS } from './fact-fields.ts';
import { fuzzyBound, fuzzyKeys } from './fuzzy-keys.ts';
import { GrowableInt32 } from './growable.ts';
import { RangeTop } from './range-top.ts';
import { compareKeys, indexOfKey, prefixRange } from './sorted-keys.ts';
import { searchTerms, TermInterner, type TermSink } from './terms.ts';

/** Everything the index is made of; plain typed arrays, so it can be cached as bytes. */
export interface TextIndexData {
  readonly docCount: number;
  /** Index terms in code-unit order; a term's id is its position. */
  readonly terms: readonly string[];
  /** Number of facts containing each term. */
  readonly df: Int32Array;
  /** Postings of term t are positions offsets[t] … offsets[t+1]-1 of `docs` and `impacts`. */
  readonly offsets: Int32Array;
  /** Fact positions (in base.facts), ascending within each term. */
  readonly docs: Int32Array;
  /** Σ over fields of boost × BM25+ term-frequency part; multiplied by the term's IDF at query time. */
  readonly impacts: Float32Array;
}

export interface TextHit {
  readonly doc: number;
  readonly score: number;
  /** Index terms that matched in this fact (what to highlight). */
  readonly terms: readonly string[];
}

// MiniSearch's BM25+ defaults, so ranking behaves like the library the contract was written for.
export const BM25 = { k: 1.2, b: 0.7, d: 0.5 } as const;
const PREFIX_WEIGHT = 0.375;
const FUZZY_WEIGHT = 0.45;
/** Bounds that keep a query's cost flat however large the vocabulary grows. */
const MAX_QUERY_TERMS = 16;
const MAX_PREFIX_EXPANSIONS = 16;
/** Prefix completions of one word stop adding up once their postings exceed this (the first always counts). */
const MAX_PREFIX_POSTINGS = 250_000;
const MAX_FUZZY_EXPANSIONS = 8;
const MIN_PREFIX_LENGTH = 3;
/** How many docs are indexed between two chances for the async builder to yield. */
const DOCS_PER_STEP = 32;
const POSTINGS_PER_STEP = 1 << 18;

/**
 * Build the index; a generator that pauses (yields) every few hundred facts so that an async driver
 * can give the event loop a turn, while a sync driver simply runs it to the end.
 */
export function* buildTextIndex(base: FactBase): Generator<void, TextIndexData, undefined> {
  const docCount = base.facts.length;
  const interner = new TermInterner();
  const fields = new FactFieldTerms(base, interner);
  const fieldCount = FIELDS.length;
  const fieldLength = FIELDS.map(() => new Uint16Array(docCount));
  // Per doc, its distinct terms with their frequencies packed 8 bits per field; docStart[d] is
  // where doc d's entries begin.
  const entries = new DocEntries(docCount);
  const counts = new TermCounts();

  for (let doc = 0; doc < docCount; doc++) {
    const fact = base.facts[doc]!;
    entries.startDoc(doc);
    for (let f = 0; f < fieldCount; f++) {
      counts.startField(f);
      fields.collect(fact, FIELDS[f]!, counts);
      fieldLength[f]![doc] = Math.min(counts.fieldTokens, 0xffff);
    }
    counts.flushInto(entries);
    if (doc === 1023) entries.reserveFor(doc + 1);
    if (doc % DOCS_PER_STEP === DOCS_PER_STEP - 1) yield;
  }
  entries.startDoc(docCount);
  const { docStart } = entries;

  // Term ids in code-unit order, so that a prefix is one contiguous range of ids.
  const termCount = interner.terms.length;
  const order = Array.from({ length: termCount }, (_, i) => i).sort((a, b) => compareKeys(interner.terms[a]!, interner.terms[b]!));
  const rankOf = new Int32Array(termCount);
  order.forEach((oldId, rank) => (rankOf[oldId] = rank));
  const terms = order.map((oldId) => interner.terms[oldId]!);
  yield;

  // Counting sort of the entries by term; docs are visited in order, so they stay ascending per term.
  const termOf = entries.terms.view();
  const tfOf = entries.tfs.view();
  const total = termOf.length;
  const df = new Int32Array(termCount);
  for (let e = 0; e < total; e++) {
    const rank = rankOf[termOf[e]!]!;
    termOf[e] = rank;
    df[rank]!++;
    if (e % POSTINGS_PER_STEP === POSTINGS_PER_STEP - 1) yield;
  }
  const offsets = new Int32Array(termCount + 1);
  for (let t = 0; t < termCount; t++) offsets[t + 1] = offsets[t]! + df[t]!;
  const cursor = offsets.slice(0, termCount);
  const docs = new Int32Array(total);
  const impacts = new Float32Array(total);
  const averageLength = fieldLength.map((lengths) => {
    let sum = 0;
    for (let d = 0; d < lengths.length; d++) sum += lengths[d]!;
    return docCount > 0 ? Math.max(sum / docCount, 1) : 1;
  });
  const boosts = FIELDS.map((field) => FIELD_BOOST[field]);
  const norms = new Float64Array(fieldCount);
  for (let doc = 0; doc < docCount; doc++) {
    // BM25 length normalisation of each field of this doc, shared by all its terms.
    for (let f = 0; f < fieldCount; f++) norms[f] = BM25.k * (1 - BM25.b + (BM25.b * fieldLength[f]![doc]!) / averageLength[f]!);
    const end = docStart[doc + 1]!;
    for (let e = docStart[doc]!; e < end; e++) {
      const at = cursor[termOf[e]!]!++;
      docs[at] = doc;
      const packed = tfOf[e]!;
      let impact = 0;
      for (let f = 0; f < fieldCount; f++) {
        const tf = (packed >>> (8 * f)) & 0xff;
        if (tf !== 0) impact += boosts[f]! * (BM25.d + (tf * (BM25.k + 1)) / (tf + norms[f]!));
      }
      impacts[at] = impact;
    }
    if (doc % (DOCS_PER_STEP * 8) === DOCS_PER_STEP * 8 - 1) yield;
  }
  return { docCount, terms, df, offsets, docs, impacts };
}

/** Term frequencies of the doc being indexed, packed 8 bits per field, fed term by term. */
class TermCounts implements TermSink {
  #packed = new Int32Array(1 << 14);
  readonly #touched = new GrowableInt32(256);
  #shift = 0;
  fieldTokens = 0;

  startField(field: number): void {
    this.#shift = 8 * field;
    this.fieldTokens = 0;
  }

  add(id: number): void {
    if (id >= this.#packed.length) {
      const bigger = new Int32Array(Math.max(id + 1, this.#packed.length * 2));
      bigger.set(this.#packed);
      this.#packed = bigger;
    }
    this.fieldTokens++;
    const packed = this.#packed[id]!;
    if (packed === 0) this.#touched.push(id);
    // Saturate at 255 per field (BM25 has long stopped growing by then).
    if (((packed >>> this.#shift) & 0xff) < 0xff) this.#packed[id] = packed + (1 << this.#shift);
  }

  /** Hand the doc's distinct terms to `entries` and reset for the next doc. */
  flushInto(entries: DocEntries): void {
    const touched = this.#touched.view();
    for (let i = 0; i < touched.length; i++) {
      const id = touched[i]!;
      entries.terms.push(id);
      entries.tfs.push(this.#packed[id]!);
      this.#packed[id] = 0;
    }
    this.#touched.length = 0;
  }
}

/** (term, packed frequencies) of every doc, docs one after another. */
class DocEntries {
  readonly terms: GrowableInt32;
  readonly tfs: GrowableInt32;
  readonly docStart: Int32Array;

  constructor(readonly docCount: number) {
    this.docStart = new Int32Array(docCount + 1);
    // A first guess; corrected once the first docs show how many distinct terms a doc has.
    this.terms = new GrowableInt32(Math.min(docCount, 1024) * 64);
    this.tfs = new GrowableInt32(Math.min(docCount, 1024) * 64);
  }

  startDoc(doc: number): void {
    this.docStart[doc] = this.terms.length;
  }

  /** Grow once to the projected total, instead of doubling (and copying) repeatedly. */
  reserveFor(docsSoFar: number): void {
    const projected = Math.ceil((this.terms.length / docsSoFar) * this.docCount * 1.1);
    this.terms.reserve(projected);
    this.tfs.reserve(projected);
  }
}

export interface SearchOptions {
  /** The last word is still being typed: complete it even when it is short. */
  readonly lastIsPrefix?: boolean;
  /** A factor for a matching doc's score (1 = none), e.g. for facts at a place the query names. */
  readonly boost?: (doc: number) => number;
}

interface Expansion {
  readonly term: number;
  readonly weight: number;
  /** Which query word it stands for (bit position in the match mask). */
  readonly queryTerm: number;
}

export class TextIndex {
  readonly data: TextIndexData;
  /** Terms by document frequency, for "most used completions of this prefix". */
  readonly byFrequency: RangeTop;
  readonly #idf: Float64Array;
  // Scratch space reused by every query (queries run one at a time on the event loop).
  readonly #score: Float64Array;
  readonly #mask: Uint32Array;
  readonly #touched: Int32Array;

  constructor(data: TextIndexData) {
    this.data = data;
    this.byFrequency = new RangeTop(data.df);
    const n = data.docCount;
    this.#idf = Float64Array.from(data.df, (df) => Math.log(1 + (n - df + 0.5) / (df + 0.5)));
    this.#score = new Float64Array(n);
    this.#mask = new Uint32Array(n);
    this.#touched = new Int32Array(n);
  }

  /** The best `limit` facts for `query`, best first; [] when the query has no meaningful word. */
  search(query: string, limit: number, options: SearchOptions = {}): TextHit[] {
    const words = [...new Set(searchTerms(query))].slice(0, MAX_QUERY_TERMS);
    if (words.length === 0 || limit <= 0) return [];
    const expansions = words.flatMap((word, i) => this.#expand(word, i, options.lastIsPrefix === true && i === words.length - 1));
    return this.#rank(expansions, limit, options.boost);
  }

  /** Exact term, then prefix completions (most frequent first), then close misspellings. */
  #expand(word: string, queryTerm: number, forcePrefix: boolean): Expansion[] {
    const { terms, df } = this.data;
    const out: Expansion[] = [];
    const seen = new Set<number>();
    const exact = indexOfKey(terms, word);
    if (exact >= 0) {
      out.push({ term: exact, weight: 1, queryTerm });
      seen.add(exact);
    }
    if (word.length >= MIN_PREFIX_LENGTH || forcePrefix) {
      const [start, end] = prefixRange(terms, word);
      let taken = 0;
      let postings = 0;
      for (const term of this.byFrequency.best(start, end)) {
        if (taken >= MAX_PREFIX_EXPANSIONS || (taken > 0 && postings + df[term]! > MAX_PREFIX_POSTINGS)) break;
        if (seen.has(term)) continue;
        seen.add(term);
        taken++;
        postings += df[term]!;
        const length = terms[term]!.length;
        const distance = length - word.length;
        out.push({ term, weight: (PREFIX_WEIGHT * length) / (length + 0.3 * distance), queryTerm });
      }
    }
    const bound = fuzzyBound(word.length);
    if (bound > 0) {
      const close = fuzzyKeys(terms, word, { maxDistance: bound, mode: 'full', limit: 256 })
        .filter((match) => !seen.has(match.index))
        .sort((a, b) => a.distance - b.distance || df[b.index]! - df[a.index]!)
        .slice(0, MAX_FUZZY_EXPANSIONS);
      for (const { index, distance } of close) {
        const length = terms[index]!.length;
        out.push({ term: index, weight: (FUZZY_WEIGHT * length) / (length + distance), queryTerm });
      }
    }
    return out;
  }

  #rank(expansions: readonly Expansion[], limit: number, boost: ((doc: number) => number) | undefined): TextHit[] {
    const { offsets, docs, impacts } = this.data;
    const score = this.#score;
    const mask = this.#mask;
    const touched = this.#touched;
    let touchedCount = 0;
    for (const { term, weight, queryTerm } of expansions) {
      const factor = weight * this.#idf[term]!;
      const bit = 1 << queryTerm;
      const end = offsets[term + 1]!;
      for (let p = offsets[term]!; p < end; p++) {
        const doc = docs[p]!;
        if (mask[doc] === 0) touched[touchedCount++] = doc;
        mask[doc]! |= bit;
        score[doc]! += factor * impacts[p]!;
      }
    }
    // Keep the best `limit` in a small min-heap instead of sorting every match.
    const heap = new TopHeap(limit);
    for (let i = 0; i < touchedCount; i++) {
      const doc = touched[i]!;
      heap.offer(doc, score[doc]! * popcount(mask[doc]!) * (boost ? boost(doc) : 1));
    }
    const ranked = heap.sorted();
    const hits = ranked.map(({ doc, score: value }) => ({ doc, score: value, terms: this.#matchedTerms(doc, mask[doc]!, expansions) }));
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

  /** Whether term id `term` occurs in fact `doc` (binary search in its postings). */
  contains(term: number, doc: number): boolean {
    const { offsets, docs } = this.data;
    let lo = offsets[term]!;
    let hi = offsets[term + 1]!;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const value = docs[mid]!;
      if (value === doc) return true;
      if (value < doc) lo = mid + 1;
      else hi = mid;
    }
    return false;
  }
}

function popcount(value: number): number {
  let v = value - ((value >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

/** Min-heap of the best `capacity` (doc, score); ties broken towards the earlier doc. */
class TopHeap {
  readonly #docs: number[] = [];
  readonly #scores: number[] = [];

  constructor(readonly capacity: number) {}

  offer(doc: number, score: number): void {
    const docs = this.#docs;
    const scores = this.#scores;
    if (docs.length < this.capacity) {
      docs.push(doc);
      scores.push(score);
      this.#up(docs.length - 1);
    } else if (this.#worse(docs[0]!, scores[0]!, doc, score)) {
      docs[0] = doc;
      scores[0] = score;
      this.#down(0);
    }
  }

  sorted(): Array<{ doc: number; score: number }> {
    return this.#docs
      .map((doc, i) => ({ doc, score: this.#scores[i]! }))
      .sort((a, b) => b.score - a.score || a.doc - b.doc);
  }

  /** Whether (docA, scoreA) ranks below (docB, scoreB). */
  #worse(docA: number, scoreA: number, docB: number, scoreB: number): boolean {
    return scoreA < scoreB || (scoreA === scoreB && docA > docB);
  }

  #up(i: number): void {
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.#worse(this.#docs[i]!, this.#scores[i]!, this.#docs[parent]!, this.#scores[parent]!)) break;
      this.#swap(i, parent);
      i = parent;
    }
  }

  #down(i: number): void {
    const n = this.#docs.length;
    for (;;) {
      const left = 2 * i + 1;
      const right = left + 1;
      let worst = i;
      if (left < n && this.#worse(this.#docs[left]!, this.#scores[left]!, this.#docs[worst]!, this.#scores[worst]!)) worst = left;
      if (right < n && this.#worse(this.#docs[right]!, this.#scores[right]!, this.#docs[worst]!, this.#scores[worst]!)) worst = right;
      if (worst === i) return;
      this.#swap(i, worst);
      i = worst;
    }
  }

  #swap(a: number, b: number): void {
    [this.#docs[a], this.#docs[b]] = [this.#docs[b]!, this.#docs[a]!];
    [this.#scores[a], this.#scores[b]] = [this.#scores[b]!, this.#scores[a]!];
  }
}
