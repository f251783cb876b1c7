/**
 * The KnowledgeIndex handed to the answers layer: full-text search, place resolution, the date-ordered
 * lists, and every autocomplete — all precomputed once per fact base (see build.ts), so that each
 * call costs about the same at 60 facts and at 100,000.
 */
import type { Fact, FactBase, FactKind } from '../domain/types.ts';
import { boundDay, type DatedList } from './date-order.ts';
import type { FactSearch } from './fact-search.ts';
import type { PatrolDirectory } from './patrols.ts';
import type { PlaceDirectory } from './places.ts';
import type { SearchSuggester } from './search-suggest.ts';
import type { SourceDirectory } from './sources.ts';
import type { FactHit, IndexBuildInfo, KnowledgeIndex, PlaceResolution, Suggestion } from './types.ts';

const DEFAULT_SEARCH_LIMIT = 10;
const NOTHING: readonly Fact[] = Object.freeze([]);

export interface IndexParts {
  readonly search: FactSearch;
  readonly timeline: DatedList;
  readonly byKind: ReadonlyMap<FactKind, DatedList>;
  readonly bySource: ReadonlyMap<string, readonly Fact[]>;
  readonly byPlace: ReadonlyMap<string, readonly Fact[]>;
  readonly byPatrol: ReadonlyMap<number, readonly Fact[]>;
  readonly places: PlaceDirectory;
  readonly sources: SourceDirectory;
  readonly patrols: PatrolDirectory;
  readonly searchSuggester: SearchSuggester;
}

export class FactIndex implements KnowledgeIndex {
  constructor(
    readonly base: FactBase,
    private readonly parts: IndexParts,
    readonly buildInfo: IndexBuildInfo,
  ) {}

  searchFacts(query: string, options?: { limit?: number }): FactHit[] {
    const limit = Math.max(0, Math.floor(options?.limit ?? DEFAULT_SEARCH_LIMIT));
    return this.parts.search.search(query, limit).map((hit) => ({
      fact: this.base.facts[hit.doc]!,
      score: hit.score,
      terms: hit.terms,
    }));
  }

  resolvePlace(input: string): PlaceResolution {
    return this.parts.places.resolve(input);
  }

  factsAtPlace(placeId: string): readonly Fact[] {
    return this.parts.byPlace.get(placeId) ?? NOTHING;
  }

  factsForPatrol(ordinal: number): readonly Fact[] {
    return this.parts.byPatrol.get(ordinal) ?? NOTHING;
  }

  knownPatrols(): readonly number[] {
    return this.parts.patrols.ordinals;
  }

  timeline(): readonly Fact[] {
    return this.parts.timeline.facts;
  }

  factsBetween(range: { readonly from?: string; readonly to?: string; readonly kind?: FactKind }): readonly Fact[] {
    const list = range.kind === undefined ? this.parts.timeline : this.parts.byKind.get(range.kind);
    if (!list) return NOTHING;
    const from = boundDay(range.from, 'from');
    const to = boundDay(range.to, 'to');
    if (Number.isNaN(from) || Number.isNaN(to) || from > to) return NOTHING;
    return list.between(from, to);
  }

  factsFromSource(sourceId: string): readonly Fact[] {
    return this.parts.bySource.get(sourceId) ?? NOTHING;
  }

  suggestPlaces(prefix: string, limit?: number): Suggestion[] {
    return this.parts.places.suggest(prefix, limit);
  }

  suggestSearch(prefix: string, limit?: number): Suggestion[] {
    return this.parts.searchSuggester.suggest(prefix, limit);
  }

  suggestPatrols(prefix: string, limit?: number): Suggestion[] {
    return this.parts.patrols.suggest(prefix, limit);
  }

  suggestSources(prefix: string, limit?: number): Suggestion[] {
    return this.parts.sources.suggest(prefix, limit);
  }
}
