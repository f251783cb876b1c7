/**
 * Building the full-text index (text-index.ts) from a fact base, as a generator that pauses every few
 * dozen facts so that an async driver can give the event loop a turn (a sync driver simply runs it to
 * the end).
 */
import type { FactBase } from '../domain/types.ts';
import { ENTITY_FIELDS, FactEntities, FIELD_BOOST, TEXT_FIELDS, textOf } from './fact-fields.ts';
import { GrowableInt32 } from './growable.ts';
import { compareKeys } from './sorted-keys.ts';
import { TermInterner, type TermSink } from './terms.ts';
import type { TextIndexData } from './text-index.ts';
import { range } from './arrays.ts';

// MiniSearch's BM25+ defaults, so ranking behaves like the library the contract was written for.
const BM25 = { k: 1.2, b: 0.7, d: 0.5 } as const;

/** How many facts are indexed between two chances for the async builder to yield. */
const DOCS_PER_STEP = 32;
const ENTRIES_PER_STEP = 1 << 18;

export function* buildTextIndex(base: FactBase): Generator<void, TextIndexData, undefined> {
  const docCount = base.facts.length;
  const interner = new TermInterner();
  const entities = new FactEntities(base, interner);
  const textLength = TEXT_FIELDS.map(() => new Uint16Array(docCount));
  const entityLength = new Uint16Array(ENTITY_FIELDS.length * docCount);
  const entries = new DocEntries(docCount);
  const counts = new TermCounts();

  for (let doc = 0; doc < docCount; doc++) {
    const fact = base.facts[doc]!;
    entries.startDoc(doc);
    for (let f = 0; f < TEXT_FIELDS.length; f++) {
      counts.startField(f);
      interner.collect(textOf(fact, f), counts);
      textLength[f]![doc] = Math.min(counts.fieldTokens, 0xffff);
    }
    counts.flushInto(entries);
    entities.addFact(fact, doc, entityLength, ENTITY_FIELDS.length * doc);
    if (doc === 1023) entries.reserveFor(doc + 1);
    if (doc % DOCS_PER_STEP === DOCS_PER_STEP - 1) yield;
  }
  entries.startDoc(docCount);

  // Term ids in code-unit order, so that a prefix is one contiguous range of ids.
  const termCount = interner.terms.length;
  const order = range(termCount).sort((a, b) => compareKeys(interner.terms[a]!, interner.terms[b]!));
  const rankOf = new Int32Array(termCount);
  order.forEach((oldId, rank) => (rankOf[oldId] = rank));
  const terms = order.map((oldId) => interner.terms[oldId]!);
  yield;

  const text = yield* textPostings(entries, rankOf, textLength, docCount);
  const entity = entityTables(entities, rankOf, entityLength, docCount);
  yield;
  return { docCount, terms, ...text, ...entity };
}

/** Postings of the text fields: a counting sort of the (term, doc) entries by term, with BM25+ impacts. */
function* textPostings(entries: DocEntries, rankOf: Int32Array, textLength: readonly Uint16Array[], docCount: number) {
  const termCount = rankOf.length;
  const termOf = entries.terms.view();
  const tfOf = entries.tfs.view();
  const total = termOf.length;
  const textDf = new Int32Array(termCount);
  for (let e = 0; e < total; e++) {
    const rank = rankOf[termOf[e]!]!;
    termOf[e] = rank;
    textDf[rank]!++;
    if (e % ENTRIES_PER_STEP === ENTRIES_PER_STEP - 1) yield;
  }
  const offsets = new Int32Array(termCount + 1);
  for (let t = 0; t < termCount; t++) offsets[t + 1] = offsets[t]! + textDf[t]!;
  const cursor = offsets.slice(0, termCount);
  const docs = new Int32Array(total);
  const impacts = new Float32Array(total);
  const average = textLength.map(averageOf);
  const boosts = TEXT_FIELDS.map((field) => FIELD_BOOST[field]);
  const norms = new Float64Array(TEXT_FIELDS.length);
  const { docStart } = entries;
  for (let doc = 0; doc < docCount; doc++) {
    // BM25 length normalisation of each field of this doc, shared by all its terms.
    for (let f = 0; f < norms.length; f++) norms[f] = BM25.k * (1 - BM25.b + (BM25.b * textLength[f]![doc]!) / average[f]!);
    const end = docStart[doc + 1]!;
    for (let e = docStart[doc]!; e < end; e++) {
      // Docs are visited in order, so each term's docs come out ascending.
      const at = cursor[termOf[e]!]!++;
      docs[at] = doc;
      const packed = tfOf[e]!;
      let impact = 0;
      for (let f = 0; f < norms.length; f++) {
        const tf = (packed >>> (8 * f)) & 0xff;
        if (tf !== 0) impact += boosts[f]! * (BM25.d + (tf * (BM25.k + 1)) / (tf + norms[f]!));
      }
      impacts[at] = impact;
    }
    if (doc % (DOCS_PER_STEP * 8) === DOCS_PER_STEP * 8 - 1) yield;
  }
  return { textDf, offsets, docs, impacts };
}

/** The entity side: each entity's facts, each term's entities, and each fact's per-field impact. */
function entityTables(entities: FactEntities, rankOf: Int32Array, entityLength: Uint16Array, docCount: number) {
  const entityCount = entities.count;
  const entityField = Uint8Array.from(entities.field);
  const { offsets: entityDocOffsets, docs: entityDocs } = entities.factsByEntity();

  const termCount = rankOf.length;
  const termEntityOffsets = new Int32Array(termCount + 1);
  for (let e = 0; e < entityCount; e++) for (const term of entities.terms[e]!) termEntityOffsets[rankOf[term]! + 1]!++;
  for (let t = 0; t < termCount; t++) termEntityOffsets[t + 1]! += termEntityOffsets[t]!;
  const termEntities = new Int32Array(termEntityOffsets[termCount]!);
  const cursor = termEntityOffsets.slice(0, termCount);
  for (let e = 0; e < entityCount; e++) for (const term of entities.terms[e]!) termEntities[cursor[rankOf[term]!]!++] = e;

  // A fact mentions an entity's term once (tf 1); what differs between facts is the field's length.
  const fields = ENTITY_FIELDS.length;
  const entityImpact = new Float32Array(fields * docCount);
  for (let f = 0; f < fields; f++) {
    let sum = 0;
    for (let doc = 0; doc < docCount; doc++) sum += entityLength[fields * doc + f]!;
    const average = docCount > 0 ? Math.max(sum / docCount, 1) : 1;
    const boost = FIELD_BOOST[ENTITY_FIELDS[f]!];
    for (let doc = 0; doc < docCount; doc++) {
      const norm = BM25.k * (1 - BM25.b + (BM25.b * entityLength[fields * doc + f]!) / average);
      entityImpact[f * docCount + doc] = boost * (BM25.d + (BM25.k + 1) / (1 + norm));
    }
  }
  return { entityKeys: entities.keys, termEntityOffsets, termEntities, entityField, entityDocOffsets, entityDocs, entityImpact };
}

function averageOf(lengths: Uint16Array): number {
  let sum = 0;
  for (let i = 0; i < lengths.length; i++) sum += lengths[i]!;
  return lengths.length > 0 ? Math.max(sum / lengths.length, 1) : 1;
}

/** Term frequencies of the doc being indexed, packed 8 bits per text field, fed term by term. */
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

/** (term, packed frequencies) of every doc, docs one after another; docStart[d] is where doc d begins. */
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
