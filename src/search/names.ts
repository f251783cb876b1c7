/**
 * What facts point to — places, sources, claimants, patrol numbers, kinds and tags — each with the
 * facts that point to it (in date order), and every spelling of every one of them in a small
 * MiniSearch of its own: the names index.
 *
 * Why not copy a place's names into each of its facts: a place with five spellings is named by
 * thousands of facts, a patrol number by hundreds. Copied into every fact they made up a third of
 * all postings and of the build time (measured with our earlier index), and a query word that
 * matched them touched every copy. Indexed once here, a query word meets a handful of names, and
 * each name's fact list carries the match to its facts (fact-search.ts).
 *
 * One document per spelling (a name, an alias, a slug), so a search says which spelling matched;
 * the field a spelling sits in says what it names, so that `fields: ['place']` asks for places only.
 */
import MiniSearch, { type SearchOptions, type SearchResult } from 'minisearch';
import type { Fact, FactBase } from '../domain/types.ts';
import { nameKey } from '../text/normalise.ts';
import { asIs, fuzzyDistance, MAX_FUZZY, MIN_PREFIX, splitWords, termProcessor, termQuery, typedTerms } from './terms.ts';

export type EntityKind = 'place' | 'source' | 'claimant' | 'patrol' | 'kind' | 'tag';
export type NameField = 'place' | 'source' | 'other';

export interface Entity {
  readonly kind: EntityKind;
  /** Its id in the fact base: a place or source slug, a claimant id, a patrol number, a kind, a tag. */
  readonly id: string;
  /** Facts pointing to it, in date order, and their positions in the fact base's list. */
  readonly facts: readonly Fact[];
  readonly positions: readonly number[];
}

export interface Spelling {
  readonly id: number;
  readonly entity: Entity;
  readonly text: string;
  /** Its `nameKey`: "Ain al-Hawr" → "ain hawr". */
  readonly key: string;
  readonly via: 'name' | 'alias' | 'id';
  readonly field: NameField;
}

export interface NameMatch {
  readonly entity: Entity;
  readonly spelling: Spelling;
  readonly result: SearchResult;
}

/** Facts at a place count most; the source, claimant, patrol, kind and tags as much as the quote's words do not. */
export const NAME_BOOST: Readonly<Record<NameField, number>> = { place: 3, source: 1, other: 1 };

const KINDS: readonly EntityKind[] = ['place', 'source', 'claimant', 'patrol', 'kind', 'tag'];
const SPELLINGS_PER_STEP = 512;

/**
 * Every entity of the base with its facts: one walk over the facts in date order (`order`, positions
 * in base.facts), so that each list is in date order.
 */
export function entitiesOf(base: FactBase, order: readonly number[]): Map<EntityKind, Map<string, Entity>> {
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
  for (const position of order) {
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

/** The spellings of an entity, each distinct key once (name before alias before slug). */
function spellingsOf(base: FactBase, entity: Entity): Array<Pick<Spelling, 'text' | 'via'>> {
  const label = (text: string) => [{ text: text.replace(/-/g, ' '), via: 'name' as const }];
  switch (entity.kind) {
    case 'place': {
      const place = base.placeById.get(entity.id);
      return [{ text: place?.name ?? entity.id, via: 'name' }, ...(place?.aliases ?? []).map((text) => ({ text, via: 'alias' as const })), { text: entity.id, via: 'id' }];
    }
    case 'source': {
      const source = base.sourceById.get(entity.id);
      const publisher = source?.publisher ? [{ text: source.publisher, via: 'alias' as const }] : [];
      return [{ text: source?.title ?? entity.id, via: 'name' }, ...publisher, { text: entity.id, via: 'id' }];
    }
    case 'claimant':
      return [{ text: base.claimantById.get(entity.id)?.name ?? entity.id, via: 'name' }];
    default:
      return label(entity.id);
  }
}

const FIELD_OF: Readonly<Record<EntityKind, NameField>> = { place: 'place', source: 'source', claimant: 'other', patrol: 'other', kind: 'other', tag: 'other' };

export class NameIndex {
  /** Per spelling: a little more weight the more facts point to its entity (ties go to the better known). */
  readonly #popularity: readonly number[];

  private constructor(
    readonly search: MiniSearch<Spelling>,
    readonly spellings: readonly Spelling[],
    readonly entities: ReadonlyMap<EntityKind, ReadonlyMap<string, Entity>>,
  ) {
    this.#popularity = spellings.map((spelling) => 1 + Math.log10(1 + spelling.entity.facts.length) / 10);
  }

  /** Built in steps, so that an async driver can give the event loop a turn between them. */
  static *build(base: FactBase, entities: Map<EntityKind, Map<string, Entity>>): Generator<void, NameIndex, undefined> {
    const spellings: Spelling[] = [];
    for (const byId of entities.values()) {
      for (const entity of byId.values()) {
        const seen = new Set<string>();
        for (const { text, via } of spellingsOf(base, entity)) {
          const key = nameKey(text);
          if (key === '' || seen.has(key)) continue;
          seen.add(key);
          spellings.push({ id: spellings.length, entity, text, key, via, field: FIELD_OF[entity.kind] });
        }
      }
    }
    const search = new MiniSearch<Spelling>({
      fields: Object.keys(NAME_BOOST),
      extractField: (spelling, field) => (field === 'id' ? spelling.id : spelling.field === field ? spelling.text : undefined),
      tokenize: splitWords,
      processTerm: termProcessor(),
      // Queries arrive as terms already (see termQuery in terms.ts).
      searchOptions: { tokenize: splitWords, processTerm: asIs },
    });
    for (let from = 0; from < spellings.length; from += SPELLINGS_PER_STEP) {
      search.addAll(spellings.slice(from, from + SPELLINGS_PER_STEP));
      yield;
    }
    return new NameIndex(search, spellings, entities);
  }

  /**
   * Entities of one kind whose spellings match what a user typed, best first: words completed (the
   * last one from its first character), misspellings forgiven. A name that starts with what was typed
   * comes before an alias that does, and both before a spelling matched some other way ("hawr" in
   * "Ain Hawr", a misspelling); of two equal matches, the one more facts point to first.
   */
  complete(input: string, field: NameField): NameMatch[] {
    const terms = typedTerms(input);
    if (terms.length === 0) return [];
    const typed = nameKey(input);
    const tiers: NameMatch[][] = [[], [], []];
    const found = this.spellingsMatching(termQuery(terms), {
      fields: [field],
      prefix: (term, i, all) => i === all.length - 1 || term.length >= MIN_PREFIX,
      fuzzy: fuzzyDistance,
      maxFuzzy: MAX_FUZZY,
      boostDocument: (id: number) => this.#popularity[id]!,
    });
    for (const match of found) tiers[match.spelling.key.startsWith(typed) ? (match.spelling.via === 'name' ? 0 : 1) : 2]!.push(match);
    return firstPerEntity(tiers.flat());
  }

  /** The entities a fact points to. */
  entitiesOf(fact: Fact): Entity[] {
    const out: Entity[] = [];
    forEachLink(fact, (kind, id) => {
      const entity = this.entities.get(kind)?.get(id);
      if (entity) out.push(entity);
    });
    return out;
  }

  /** The best spelling of each entity that matches, best first. */
  match(query: string, options: SearchOptions): NameMatch[] {
    return firstPerEntity(this.spellingsMatching(query, options));
  }

  /** Every spelling that matches, best first. */
  spellingsMatching(query: string, options: SearchOptions): NameMatch[] {
    return this.search.search(query, options).map((result) => {
      const spelling = this.spellings[result.id as number]!;
      return { entity: spelling.entity, spelling, result };
    });
  }
}

function firstPerEntity(matches: readonly NameMatch[]): NameMatch[] {
  const seen = new Set<Entity>();
  return matches.filter((match) => !seen.has(match.entity) && seen.add(match.entity));
}
