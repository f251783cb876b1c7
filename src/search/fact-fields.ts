/**
 * What is indexed for each fact, and how much each part counts.
 *
 * Two kinds of fields. The *text* fields (statement, quote) are different in every fact and are
 * tokenised fact by fact. The *entity* fields are what a fact points to — its places (every name and
 * alias), and in `meta` its claimant, the claimants it was reported via, its source (title and
 * publisher), kind, tags and patrol numbers. Those are shared by thousands of facts, so each entity's
 * terms are indexed once, with the list of facts pointing to it; a query word matching "Ain Hour"
 * reaches every fact at Ain Hawr through that list. This keeps a third of all postings (and of the
 * build time) out of the per-fact work.
 *
 * Statement and places count most — a fact *about* Ain Hawr should rank above one whose quote
 * mentions it in passing.
 */
import type { Fact, FactBase } from '../domain/types.ts';
import { GrowableInt32 } from './growable.ts';
import type { TermInterner } from './terms.ts';

export const TEXT_FIELDS = ['statement', 'quote'] as const;
export const ENTITY_FIELDS = ['places', 'meta'] as const;
export type TextField = (typeof TEXT_FIELDS)[number];
export type EntityField = (typeof ENTITY_FIELDS)[number];

export const FIELD_BOOST: Readonly<Record<TextField | EntityField, number>> = {
  statement: 3,
  places: 3,
  quote: 1.5,
  meta: 1,
};

/** Field number of an entity field: its position in ENTITY_FIELDS. */
const PLACES = 0;
const META = 1;

/**
 * The entities facts point to, each with its field, its distinct terms and the facts pointing to it
 * (added in fact order, so each list is ascending).
 */
export class FactEntities {
  /** Per entity: what it is (see entityKey), field number (ENTITY_FIELDS index), term ids. */
  readonly keys: string[] = [];
  readonly field: number[] = [];
  readonly terms: Int32Array[] = [];
  /** Every (entity, fact) link, in fact order: `linkEntity[i]` points to `linkDoc[i]`. */
  readonly linkEntity = new GrowableInt32(1 << 16);
  readonly linkDoc = new GrowableInt32(1 << 16);
  readonly #places = new Map<string, number>();
  readonly #claimants = new Map<string, number>();
  readonly #sources = new Map<string, number>();
  readonly #kinds = new Map<string, number>();
  readonly #tags = new Map<string, number>();
  /** By ordinal: a patrol number needs no string (and no string hashing) per fact. */
  readonly #patrols: number[] = [];

  constructor(
    private readonly base: FactBase,
    private readonly interner: TermInterner,
  ) {}

  /**
   * Record that fact `doc` points to its entities, and write the length (in terms) of its places
   * and meta fields to lengths[lengthsAt] and lengths[lengthsAt + 1], for BM25.
   */
  addFact(fact: Fact, doc: number, lengths: Uint16Array, lengthsAt: number): void {
    let places = 0;
    let meta = 0;
    for (const id of fact.places) places += this.#link(this.#places.get(id) ?? this.#place(id), doc);
    meta += this.#link(this.#claimants.get(fact.claimant) ?? this.#claimant(fact.claimant), doc);
    for (const id of fact.reported_via) meta += this.#link(this.#claimants.get(id) ?? this.#claimant(id), doc);
    meta += this.#link(this.#sources.get(fact.source) ?? this.#source(fact.source), doc);
    meta += this.#link(this.#kinds.get(fact.kind) ?? this.#label(this.#kinds, 'kind', fact.kind), doc);
    for (const tag of fact.tags) meta += this.#link(this.#tags.get(tag) ?? this.#label(this.#tags, 'tag', tag), doc);
    for (const n of fact.patrols) meta += this.#link(this.#patrols[n] ?? this.#patrol(n), doc);
    lengths[lengthsAt] = Math.min(places, 0xffff);
    lengths[lengthsAt + 1] = Math.min(meta, 0xffff);
  }

  get count(): number {
    return this.field.length;
  }

  /** Links `doc` to the entity, returns the entity's term count. (A repeated link is dropped later.) */
  #link(entity: number, doc: number): number {
    this.linkEntity.push(entity);
    this.linkDoc.push(doc);
    return this.terms[entity]!.length;
  }

  /** Each entity's facts, ascending and each once: (offsets per entity, fact positions). */
  factsByEntity(): { offsets: Int32Array; docs: Int32Array } {
    const count = this.count;
    const links = this.linkEntity.view();
    const linkDocs = this.linkDoc.view();
    const offsets = new Int32Array(count + 1);
    for (let i = 0; i < links.length; i++) offsets[links[i]! + 1]!++;
    for (let e = 0; e < count; e++) offsets[e + 1]! += offsets[e]!;
    const cursor = offsets.slice(0, count);
    const docs = new Int32Array(links.length);
    // Links come in fact order, so each entity's facts come out ascending; a fact that points to an
    // entity twice (as claimant and as reported-via) is kept once.
    for (let i = 0; i < links.length; i++) {
      const e = links[i]!;
      const at = cursor[e]!;
      if (at > offsets[e]! && docs[at - 1] === linkDocs[i]) continue;
      docs[at] = linkDocs[i]!;
      cursor[e] = at + 1;
    }
    // Close the gaps left by dropped repeats.
    let write = 0;
    const compact = new Int32Array(count + 1);
    for (let e = 0; e < count; e++) {
      compact[e] = write;
      for (let i = offsets[e]!; i < cursor[e]!; i++) docs[write++] = docs[i]!;
    }
    compact[count] = write;
    return { offsets: compact, docs: docs.subarray(0, write) };
  }

  // The lookups above run per fact; these create an entity the first time it is seen.

  #place(id: string): number {
    const place = this.base.placeById.get(id);
    return this.#create(this.#places, 'place', id, PLACES, place ? [place.name, ...place.aliases] : []);
  }

  #claimant(id: string): number {
    return this.#create(this.#claimants, 'claimant', id, META, [this.base.claimantById.get(id)?.name ?? '']);
  }

  #source(id: string): number {
    const source = this.base.sourceById.get(id);
    return this.#create(this.#sources, 'source', id, META, source ? [source.title, source.publisher ?? ''] : []);
  }

  /** Kinds and tags are slugs ("human-shields"): indexed as their words. */
  #label(memo: Map<string, number>, kind: 'kind' | 'tag', label: string): number {
    return this.#create(memo, kind, label, META, [label.replace(/-/g, ' ')]);
  }

  #patrol(ordinal: number): number {
    const entity = this.#new(entityKey('patrol', String(ordinal)), META, [String(ordinal)]);
    this.#patrols[ordinal] = entity;
    return entity;
  }

  #create(memo: Map<string, number>, kind: EntityKind, id: string, field: number, texts: readonly string[]): number {
    const entity = this.#new(entityKey(kind, id), field, texts);
    memo.set(id, entity);
    return entity;
  }

  #new(key: string, field: number, texts: readonly string[]): number {
    const collected = new Set<number>();
    // A place named in five spellings is still one mention of it: each term once.
    const sink = { add: (id: number) => void collected.add(id) };
    for (const text of texts) this.interner.collect(text, sink);
    const entity = this.field.length;
    this.keys.push(key);
    this.field.push(field);
    this.terms.push(Int32Array.from(collected));
    return entity;
  }
}

export type EntityKind = 'place' | 'claimant' | 'source' | 'kind' | 'tag' | 'patrol';

/** What an entity is, as a string that survives the cache: `place:ain-hawr`, `patrol:22`. */
export function entityKey(kind: EntityKind, id: string): string {
  return `${kind}:${id}`;
}

/** The kind and id of an entity key. */
export function parseEntityKey(key: string): { kind: EntityKind; id: string } {
  const colon = key.indexOf(':');
  return { kind: key.slice(0, colon) as EntityKind, id: key.slice(colon + 1) };
}

/** The text of a text field of a fact. */
export function textOf(fact: Fact, field: number): string {
  return field === 0 ? fact.statement : fact.quote;
}
