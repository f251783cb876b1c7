/**
 * What is indexed for each fact, and how much each part counts.
 *
 * Four fields rather than one per attribute: every field multiplies the postings, and the small
 * attributes (claimant, source, kind, tags, patrol numbers) only need to be findable, not ranked
 * apart from one another. Statement and places count most — a fact *about* Ain Hawr should rank
 * above one whose quote mentions it in passing.
 */
import type { Fact, FactBase } from '../domain/types.ts';
import type { TermInterner, TermSink } from './terms.ts';

export const FIELDS = ['statement', 'places', 'quote', 'meta'] as const;
export type FieldName = (typeof FIELDS)[number];

export const FIELD_BOOST: Readonly<Record<FieldName, number>> = {
  statement: 3,
  places: 3,
  quote: 1.5,
  meta: 1,
};

/**
 * Term ids of the fields of one fact. Places, claimants, sources, kinds, tags and patrol numbers
 * repeat across thousands of facts, so their terms are worked out once per entity and reused.
 */
export class FactFieldTerms {
  readonly #places = new Map<string, Int32Array>();
  readonly #claimants = new Map<string, Int32Array>();
  readonly #sources = new Map<string, Int32Array>();
  readonly #labels = new Map<string, Int32Array>();
  readonly #patrols: Int32Array[] = [];

  constructor(
    private readonly base: FactBase,
    private readonly interner: TermInterner,
  ) {}

  /** Send the term ids of `field` of `fact` to `out`. */
  collect(fact: Fact, field: FieldName, out: TermSink): void {
    switch (field) {
      case 'statement':
        this.interner.collect(fact.statement, out);
        return;
      case 'quote':
        this.interner.collect(fact.quote, out);
        return;
      case 'places':
        for (const placeId of fact.places) append(out, this.#places.get(placeId) ?? this.#place(placeId));
        return;
      case 'meta':
        append(out, this.#claimants.get(fact.claimant) ?? this.#claimant(fact.claimant));
        for (const via of fact.reported_via) append(out, this.#claimants.get(via) ?? this.#claimant(via));
        append(out, this.#sources.get(fact.source) ?? this.#source(fact.source));
        append(out, this.#labels.get(fact.kind) ?? this.#label(fact.kind));
        for (const tag of fact.tags) append(out, this.#labels.get(tag) ?? this.#label(tag));
        for (const patrol of fact.patrols) append(out, this.#patrols[patrol] ?? this.#patrol(patrol));
        return;
    }
  }

  // The lookups above run per fact; these compute an entity's terms the first time it is seen.

  #place(id: string): Int32Array {
    const place = this.base.placeById.get(id);
    return this.#remember(this.#places, id, place ? [place.name, ...place.aliases] : []);
  }

  #claimant(id: string): Int32Array {
    return this.#remember(this.#claimants, id, [this.base.claimantById.get(id)?.name ?? '']);
  }

  #source(id: string): Int32Array {
    const source = this.base.sourceById.get(id);
    return this.#remember(this.#sources, id, source ? [source.title, source.publisher ?? ''] : []);
  }

  /** Kinds and tags are slugs ("human-shields"): indexed as their words. */
  #label(label: string): Int32Array {
    return this.#remember(this.#labels, label, [label.replace(/-/g, ' ')]);
  }

  #patrol(ordinal: number): Int32Array {
    const ids = this.#termsOf([String(ordinal)]);
    this.#patrols[ordinal] = ids;
    return ids;
  }

  #remember(memo: Map<string, Int32Array>, key: string, texts: readonly string[]): Int32Array {
    const ids = this.#termsOf(texts);
    memo.set(key, ids);
    return ids;
  }

  #termsOf(texts: readonly string[]): Int32Array {
    const collected = new Set<number>();
    // A place named in five spellings is still one mention of it: each term once.
    const sink = { add: (id: number) => void collected.add(id) };
    for (const text of texts) this.interner.collect(text, sink);
    return Int32Array.from(collected);
  }
}

function append(out: TermSink, ids: Int32Array): void {
  for (let i = 0; i < ids.length; i++) out.add(ids[i] as number);
}
