/**
 * The KnowledgeIndex handed to the answers layer: full-text search and autocomplete (MiniSearch, see
 * fact-search.ts and names.ts), place resolution, and the date-ordered, per-place, per-patrol and
 * per-source lists — plain sorted arrays and maps, since those are look-ups, not search. All made
 * once per fact base (see build.ts).
 */
import type MiniSearch from 'minisearch';
import type { Fact, FactBase, FactKind } from '../domain/types.ts';
import { boundDay, type DatedList } from './date-order.ts';
import type { FactSearch } from './fact-search.ts';
import type { Entities } from './entities.ts';
import type { PatrolDirectory } from './patrols.ts';
import type { PlaceDirectory } from './places.ts';
import type { SearchSuggester } from './search-suggest.ts';
import type { SourceDirectory } from './sources.ts';
import type { FactHit, FactSearchResult, IndexBuildInfo, KnowledgeIndex, PlaceResolution, Suggestion } from './types.ts';

const DEFAULT_SEARCH_LIMIT = 10;
const NOTHING: readonly Fact[] = Object.freeze([]);

export interface IndexParts {
  readonly text: MiniSearch<number>;
  readonly search: FactSearch;
  readonly timeline: DatedList;
  readonly byKind: ReadonlyMap<FactKind, DatedList>;
  /** Each place, source, patrol… with its facts in date order. */
  readonly entities: Entities;
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
    return this.searchFactsWithCount(query, options).hits;
  }

  searchFactsWithCount(query: string, options?: { limit?: number }): FactSearchResult {
    const limit = Math.max(0, Math.floor(options?.limit ?? DEFAULT_SEARCH_LIMIT));
    return this.parts.search.search(query, limit);
  }

  resolvePlace(input: string): PlaceResolution {
    return this.parts.places.resolve(input);
  }

  factsAtPlace(placeId: string): readonly Fact[] {
    return this.parts.entities.get('place')!.get(placeId)?.facts ?? NOTHING;
  }

  factsForPatrol(ordinal: number): readonly Fact[] {
    return this.parts.entities.get('patrol')!.get(String(ordinal))?.facts ?? NOTHING;
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
    return this.parts.entities.get('source')!.get(sourceId)?.facts ?? NOTHING;
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
