/**
 * What facts point to — places, sources, claimants, patrol numbers, kinds and tags — each with the
 * facts that point to it, in date order. These lists answer /where, /source and /patrol directly
 * (look-ups, not search), and carry a name's match in the names index to its facts (fact-search.ts).
 */
import type { Fact, FactBase } from '../domain/types.ts';
import type { Steps } from './slices.ts';

export type EntityKind = 'place' | 'source' | 'claimant' | 'patrol' | 'kind' | 'tag';

export interface Entity {
  readonly kind: EntityKind;
  /** Its id in the fact base: a place or source slug, a claimant id, a patrol number, a kind, a tag. */
  readonly id: string;
  /** Facts pointing to it, in date order, and their positions in the fact base's list. */
  readonly facts: readonly Fact[];
  readonly positions: readonly number[];
}

/** Every entity of a fact base, by kind and id. */
export type Entities = ReadonlyMap<EntityKind, ReadonlyMap<string, Entity>>;

const KINDS: readonly EntityKind[] = ['place', 'source', 'claimant', 'patrol', 'kind', 'tag'];

const FACTS_PER_STEP = 2048;

/**
 * Every entity of the base, from one walk over the facts in date order (`order`: positions in
 * base.facts); a generator that pauses every few thousand facts.
 */
export function* entitiesOf(base: FactBase, order: readonly number[]): Steps<Entities> {
  const entities = new Map(KINDS.map((kind) => [kind, new Map<string, { kind: EntityKind; id: string; facts: Fact[]; positions: number[] }>()]));
  const entity = (kind: EntityKind, id: string) => {
    const byId = entities.get(kind)!;
    let found = byId.get(id);
    if (!found) byId.set(id, (found = { kind, id, facts: [], positions: [] }));
    return found;
  };
  // Every place, source and claimant is known even when no fact names it (/where and /source list them).
  for (const place of base.places) entity('place', place.id);
  for (const source of base.sources) entity('source', source.id);
  for (const claimant of base.claimants) entity('claimant', claimant.id);
  for (const [i, position] of order.entries()) {
    if (i % FACTS_PER_STEP === FACTS_PER_STEP - 1) yield;
    const fact = base.facts[position]!;
    forEachLink(fact, (kind, id) => {
      const found = entity(kind, id);
      // A fact naming a claimant twice (as claimant and as reported-via) is one of its facts.
      if (found.positions.at(-1) === position) return;
      found.facts.push(fact);
      found.positions.push(position);
    });
  }
  return entities;
}

/** The entities a fact points to. */
export function entitiesOfFact(entities: Entities, fact: Fact): Entity[] {
  const out: Entity[] = [];
  forEachLink(fact, (kind, id) => {
    const entity = entities.get(kind)?.get(id);
    if (entity) out.push(entity);
  });
  return out;
}

/** What a fact points to, one (kind, id) at a time. */
function forEachLink(fact: Fact, visit: (kind: EntityKind, id: string) => void): void {
  for (const id of fact.places) visit('place', id);
  visit('source', fact.source);
  visit('claimant', fact.claimant);
  for (const id of fact.reported_via) visit('claimant', id);
  for (const n of fact.patrols) visit('patrol', String(n));
  visit('kind', fact.kind);
  for (const tag of fact.tags) visit('tag', tag);
}
