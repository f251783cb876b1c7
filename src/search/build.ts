/**
 * Building an index from a fact base. The work is one generator that pauses every few milliseconds'
 * worth of work; the sync builder runs it straight through, the async builder gives the event loop a
 * turn whenever a time slice is used up — so a running bot keeps answering while it rebuilds, and
 * both builders produce the same index by construction.
 */
import type { Fact, FactBase, FactKind } from '../domain/types.ts';
import { DatedList, dateOrder, firstDayNumber, lastDayNumber } from './date-order.ts';
import { FactIndex, type IndexParts } from './knowledge-index.ts';
import { FactSearch } from './fact-search.ts';
import { PatrolDirectory } from './patrols.ts';
import { PlaceDirectory } from './places.ts';
import { SearchSuggester } from './search-suggest.ts';
import { SourceDirectory } from './sources.ts';
import { buildTextIndex, TextIndex, type TextIndexData } from './text-index.ts';

/** What is worth caching: the full-text index and the date order (everything else rebuilds in ms). */
export interface CachedParts {
  readonly text: TextIndexData;
  /** Fact positions in date order. */
  readonly order: Int32Array;
}

const STARTERS = 25;

/** The expensive, cacheable parts. */
export function* buildCachedParts(base: FactBase): Generator<void, CachedParts, undefined> {
  const text = yield* buildTextIndex(base);
  yield;
  const order = dateOrder(base.facts, Int32Array.from(base.facts, firstDayNumber));
  yield;
  return { text, order };
}

/** Everything else, from the cacheable parts. */
export function* assembleParts(base: FactBase, cached: CachedParts): Generator<void, IndexParts, undefined> {
  const n = base.facts.length;
  const timeline: Fact[] = new Array<Fact>(n);
  const first = new Int32Array(n);
  const last = new Int32Array(n);
  const byPlace = new Map<string, Fact[]>();
  const byPatrol = new Map<number, Fact[]>();
  const byKindPositions = new Map<FactKind, number[]>();
  const bySource = new Map<string, Fact[]>();
  const tagCounts = new Map<string, number>();
  for (let i = 0; i < n; i++) {
    const fact = base.facts[cached.order[i]!]!;
    timeline[i] = fact;
    first[i] = firstDayNumber(fact);
    last[i] = lastDayNumber(fact);
    for (const place of fact.places) pushTo(byPlace, place, fact);
    for (const patrol of fact.patrols) pushTo(byPatrol, patrol, fact);
    pushTo(byKindPositions, fact.kind, i);
    pushTo(bySource, fact.source, fact);
    for (const tag of fact.tags) tagCounts.set(tag, (tagCounts.get(tag) ?? 0) + 1);
    if (i % 4096 === 4095) yield;
  }
  yield;
  const timelineList = new DatedList(timeline, first, last);
  const byKind = new Map(
    [...byKindPositions].map(([kind, positions]) => [
      kind,
      new DatedList(
        positions.map((i) => timeline[i]!),
        Int32Array.from(positions, (i) => first[i]!),
        Int32Array.from(positions, (i) => last[i]!),
      ),
    ]),
  );
  yield;
  const text = new TextIndex(cached.text);
  yield;
  const places = new PlaceDirectory(base.places, countsOf(byPlace));
  yield;
  const sources = new SourceDirectory(base.sources, countsOf(bySource));
  yield;
  const patrols = new PatrolDirectory(byPatrol);
  yield;
  const starters = [...tagCounts]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, STARTERS)
    .map(([tag]) => tag.replace(/-/g, ' '));
  const search = new FactSearch(text, places, base.facts);
  const searchSuggester = new SearchSuggester(
    search,
    base.facts.map((fact) => fact.statement),
    base.facts.map((fact) => fact.quote),
    starters,
  );
  return { text, search, timeline: timelineList, byKind, bySource, byPlace, byPatrol, places, sources, patrols, searchSuggester };
}

function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
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
    terms: parts.text.data.terms.length,
  });
}
