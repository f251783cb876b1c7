/**
 * Building an index from a fact base. The work is one generator that pauses every few milliseconds'
 * worth of work; the sync builder runs it straight through, the async builder gives the event loop a
 * turn whenever a time slice is used up — so a running bot keeps answering while it rebuilds, and
 * both builders produce the same index by construction.
 */
import type { Fact, FactBase, FactKind } from '../domain/types.ts';
import { firstPossibleDay, lastPossibleDay } from '../knowledge/days.ts';
import { DatedList, dateOrder } from './date-order.ts';
import { FactIndex, type IndexParts } from './knowledge-index.ts';
import { parseEntityKey, type EntityKind } from './fact-fields.ts';
import { FactSearch } from './fact-search.ts';
import { PatrolDirectory } from './patrols.ts';
import { PlaceDirectory } from './places.ts';
import { SearchSuggester } from './search-suggest.ts';
import { SourceDirectory } from './sources.ts';
import { buildTextIndex } from './text-build.ts';
import { TextIndex, type TextIndexData } from './text-index.ts';
import { gather, int32Map } from './arrays.ts';

/** What is worth caching: everything computed per fact (the rest is per place, source, patrol). */
export interface CachedParts {
  readonly text: TextIndexData;
  /** Fact positions in date order. */
  readonly order: Int32Array;
  /** First and last possible day of each fact (by position in base.facts), as epoch days. */
  readonly first: Int32Array;
  readonly last: Int32Array;
}

const STARTERS = 25;

/** The expensive, cacheable parts. */
export function* buildCachedParts(base: FactBase): Generator<void, CachedParts, undefined> {
  const text = yield* buildTextIndex(base);
  yield;
  const first = int32Map(base.facts, firstPossibleDay);
  yield;
  const last = int32Map(base.facts, lastPossibleDay);
  yield;
  const order = dateOrder(base.facts, first);
  yield;
  return { text, order, first, last };
}

/**
 * Everything else, from the cacheable parts — without reading the facts again: which facts are at a
 * place, about a patrol, from a source or of a kind is what the index's entities already know.
 */
export function* assembleParts(base: FactBase, cached: CachedParts): Generator<void, IndexParts, undefined> {
  const { order, text: data } = cached;
  const n = base.facts.length;
  const timeline = new Array<Fact>(n);
  for (let i = 0; i < n; i++) timeline[i] = base.facts[order[i]!]!;
  const timelineList = new DatedList(
    timeline,
    gather(cached.first, order),
    gather(cached.last, order),
  );
  yield;

  const lists = entityListsInDateOrder(data, order, (kind) => kind === 'place' || kind === 'patrol' || kind === 'source' || kind === 'kind');
  yield;
  const byPlace = new Map<string, Fact[]>();
  const byPatrol = new Map<number, Fact[]>();
  const bySource = new Map<string, Fact[]>();
  const byKind = new Map<FactKind, DatedList>();
  const tagCounts = new Map<string, number>();
  for (let entity = 0; entity < data.entityKeys.length; entity++) {
    if (entity % 512 === 511) yield;
    const { kind, id } = parseEntityKey(data.entityKeys[entity]!);
    if (kind === 'tag') tagCounts.set(id, data.entityDocOffsets[entity + 1]! - data.entityDocOffsets[entity]!);
    const positions = lists.get(entity);
    if (!positions) continue;
    const facts = positions.map((position) => base.facts[position]!);
    if (kind === 'place') byPlace.set(id, facts);
    else if (kind === 'patrol') byPatrol.set(Number(id), facts);
    else if (kind === 'source') bySource.set(id, facts);
    else {
      byKind.set(
        id as FactKind,
        new DatedList(facts, gather(cached.first, positions), gather(cached.last, positions)),
      );
    }
  }
  yield;
  const text = new TextIndex(cached.text);
  yield;
  const places = yield* PlaceDirectory.build(base, countsOf(byPlace));
  yield;
  const sources = yield* SourceDirectory.build(base.sources, countsOf(bySource));
  yield;
  const patrols = new PatrolDirectory(byPatrol);
  yield;
  const starters = [...tagCounts]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, STARTERS)
    .map(([tag]) => tag.replace(/-/g, ' '));
  const search = new FactSearch(text, places);
  const searchSuggester = new SearchSuggester(search, base.facts, starters);
  return { search, timeline: timelineList, byKind, bySource, byPlace, byPatrol, places, sources, patrols, searchSuggester };
}

/**
 * The fact positions of the selected entities, each list in date order: the entities' facts are
 * turned around into "entities of each fact", then the timeline is walked once, dropping each fact
 * into its entities' lists — linear, no sorting.
 */
function entityListsInDateOrder(data: TextIndexData, order: Int32Array, select: (kind: EntityKind) => boolean): Map<number, number[]> {
  const n = order.length;
  const selected = data.entityKeys.flatMap((key, entity) => (select(parseEntityKey(key).kind) ? [entity] : []));
  const perFact = new Int32Array(n + 1);
  for (const entity of selected) {
    for (let p = data.entityDocOffsets[entity]!; p < data.entityDocOffsets[entity + 1]!; p++) perFact[data.entityDocs[p]! + 1]!++;
  }
  for (let doc = 0; doc < n; doc++) perFact[doc + 1]! += perFact[doc]!;
  const entitiesOfFact = new Int32Array(perFact[n]!);
  const cursor = perFact.slice(0, n);
  for (const entity of selected) {
    for (let p = data.entityDocOffsets[entity]!; p < data.entityDocOffsets[entity + 1]!; p++) entitiesOfFact[cursor[data.entityDocs[p]!]!++] = entity;
  }
  const lists = new Map<number, number[]>(selected.map((entity) => [entity, []]));
  for (let i = 0; i < n; i++) {
    const doc = order[i]!;
    for (let j = perFact[doc]!; j < perFact[doc + 1]!; j++) lists.get(entitiesOfFact[j]!)!.push(doc);
  }
  return lists;
}

function countsOf<K>(map: ReadonlyMap<K, readonly Fact[]>): Map<K, number> {
  return new Map([...map].map(([key, facts]) => [key, facts.length]));
}

/** Run a step generator to its end without pausing. */
export function runToEnd<T>(steps: Generator<void, T, undefined>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** How long the async builder may hold the event loop before giving it a turn. */
export const DEFAULT_SLICE_MS = 8;

/** Run a step generator, yielding to the event loop (setImmediate) whenever `sliceMs` is used up. */
export async function runInSlices<T>(steps: Generator<void, T, undefined>, sliceMs = DEFAULT_SLICE_MS): Promise<T> {
  let sliceStart = performance.now();
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    if (performance.now() - sliceStart >= sliceMs) {
      await new Promise<void>((resolve) => setImmediate(resolve));
      sliceStart = performance.now();
    }
  }
}

export function makeIndex(base: FactBase, parts: IndexParts, from: 'built' | 'cache', started: number): FactIndex {
  return new FactIndex(base, parts, {
    from,
    ms: performance.now() - started,
    facts: base.facts.length,
    terms: parts.search.text.data.terms.length,
  });
}
