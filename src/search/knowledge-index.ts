/**
 * The KnowledgeIndex handed to the answers layer: full-text search and autocomplete (MiniSearch, see
 * fact-search.ts and names.ts), place resolution, and the date-ordered, per-place, per-patrol and
 * per-source lists — plain sorted arrays and maps, since those are look-ups, not search. All made
 * once per fact base, from the facts' index (built or cached, see fact-text.ts) by `assemble`.
 */
import type { Fact, FactBase, FactKind } from '../domain/types.ts';
import { boundDay, dateOrder, DatedList, daysOf } from './date-order.ts';
import { entitiesOf, type Entities } from './entities.ts';
import { FactSearch } from './fact-search.ts';
import type { TextParts } from './fact-text.ts';
import { NameIndex } from './names.ts';
import { PatrolDirectory } from './patrols.ts';
import { PlaceDirectory } from './places.ts';
import { SearchSuggester } from './search-suggest.ts';
import type { Steps } from './slices.ts';
import { SourceDirectory } from './sources.ts';
import type { FactHit, FactSearchResult, IndexBuildInfo, KnowledgeIndex, PlaceResolution, Suggestion } from './types.ts';
import { Vocabulary } from './vocabulary.ts';

const DEFAULT_SEARCH_LIMIT = 10;
const NOTHING: readonly Fact[] = Object.freeze([]);
/** Tags offered when nothing is typed into /search. */
const STARTERS = 25;

interface Parts {
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
  readonly buildInfo: IndexBuildInfo;

  private constructor(
    readonly base: FactBase,
    private readonly parts: Parts,
    info: Omit<IndexBuildInfo, 'facts'>,
  ) {
    this.buildInfo = { ...info, facts: base.facts.length };
  }

  /**
   * The index, from the facts' index: everything else is per place, source, patrol and name, or a
   * sort — cheap enough to redo at every start. `started` is when the build began (for buildInfo).
   */
  static *assemble(base: FactBase, { text, frequencies }: TextParts, from: IndexBuildInfo['from'], started: number): Steps<FactIndex> {
    const days = daysOf(base.facts);
    yield;
    const order = dateOrder(base.facts, days);
    yield;
    const timeline = new DatedList(base.facts, order, days);
    const entities = yield* entitiesOf(base, order);
    const names = yield* NameIndex.build(base, entities);
    const vocabulary = new Vocabulary(frequencies, names, base.facts.length);
    yield;
    const places = new PlaceDirectory(base, names, entities.get('place')!);
    const search = new FactSearch(base, text, names, vocabulary, places);
    yield;
    const byKind = new Map([...entities.get('kind')!].map(([kind, entity]) => [kind as FactKind, new DatedList(base.facts, entity.positions, days)]));
    yield;
    const starters = [...entities.get('tag')!.values()]
      .sort((a, b) => b.facts.length - a.facts.length || (a.id < b.id ? -1 : 1))
      .slice(0, STARTERS)
      .map((tag) => tag.id.replace(/-/g, ' '));
    const parts: Parts = {
      search,
      timeline,
      byKind,
      entities,
      places,
      sources: new SourceDirectory(base.sourceById, names, entities.get('source')!),
      patrols: new PatrolDirectory(entities.get('patrol')!, base.events),
      searchSuggester: new SearchSuggester(search, vocabulary, names, starters),
    };
    return new FactIndex(base, parts, { from, ms: performance.now() - started, terms: text.termCount });
  }

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
