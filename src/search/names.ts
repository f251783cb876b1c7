/**
 * Every spelling of everything facts point to (entities.ts) in a small MiniSearch of its own: the
 * names index. It resolves and completes place and source names, and carries a query word that
 * names a place, a source, a claimant, a patrol, a kind or a tag to that entity's facts.
 *
 * Why not copy a place's names into each of its facts: a place with five spellings is named by
 * thousands of facts, a patrol number by hundreds. Copied into every fact they made up a third of
 * all postings and of the build time (measured with our earlier index), and a query word that
 * matched them touched every copy. Indexed once here, a query word meets a handful of names.
 *
 * One document per spelling (a name, an alias, a slug), so a search says which spelling matched;
 * the field a spelling sits in says what it names, so that `fields: ['place']` asks for places only.
 */
import MiniSearch, { type SearchOptions, type SearchResult } from 'minisearch';
import type { FactBase } from '../domain/types.ts';
import { nameKey } from '../text/normalise.ts';
import type { Entities, Entity, EntityKind } from './entities.ts';
import type { Steps } from './slices.ts';
import { asIs, fuzzyDistance, MAX_FUZZY, MIN_PREFIX, splitWords, termProcessor, termQuery, typedTerms } from './terms.ts';

export type NameField = 'place' | 'source' | 'other';

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

const FIELD_OF: Readonly<Record<EntityKind, NameField>> = { place: 'place', source: 'source', claimant: 'other', patrol: 'other', kind: 'other', tag: 'other' };
const SPELLINGS_PER_STEP = 512;

/** The spellings of an entity, name before alias before slug; kinds and tags ("human-shields") as words. */
function spellingsOf(base: FactBase, entity: Entity): Array<Pick<Spelling, 'text' | 'via'>> {
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
      return [{ text: entity.id.replace(/-/g, ' '), via: 'name' }];
  }
}

export class NameIndex {
  /** Per spelling: a little more weight the more facts point to its entity (ties go to the better known). */
  readonly #popularity: readonly number[];

  private constructor(
    readonly search: MiniSearch<Spelling>,
    readonly spellings: readonly Spelling[],
    readonly entities: Entities,
  ) {
    this.#popularity = spellings.map((spelling) => 1 + Math.log10(1 + spelling.entity.facts.length) / 10);
  }

  /** Built in steps, so that an async driver can give the event loop a turn between them. */
  static *build(base: FactBase, entities: Entities): Steps<NameIndex> {
    const spellings: Spelling[] = [];
    for (const byId of entities.values()) {
      for (const entity of byId.values()) {
        // Spellings that fold alike ("M4", "M-4") are one.
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
