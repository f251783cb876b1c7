/**
 * Building an index from a fact base. The work is generators that pause every few milliseconds'
 * worth of it; the sync builder runs them straight through, the async builder gives the event loop a
 * turn whenever a time slice is used up — so a running bot keeps answering while it rebuilds, and
 * both builders produce the same index by construction.
 *
 * Why not MiniSearch's `addAllAsync`: it waits a `setTimeout(0)` — at least a millisecond — after
 * every fixed-size chunk, so small chunks add seconds of waiting at 100,000 facts and large ones hold
 * the event loop on a slow machine. Adding facts one by one and yielding by elapsed time gives the
 * loop a turn exactly as often as needed.
 */
import type MiniSearch from 'minisearch';
import type { FactBase, FactKind } from '../domain/types.ts';
import { dateOrder, DatedList, daysOf } from './date-order.ts';
import { FactTextBuilder } from './fact-text.ts';
import { FactSearch } from './fact-search.ts';
import { FactIndex, type IndexParts } from './knowledge-index.ts';
import { entitiesOf } from './entities.ts';
import { NameIndex } from './names.ts';
import { PatrolDirectory } from './patrols.ts';
import { PlaceDirectory } from './places.ts';
import { SearchSuggester } from './search-suggest.ts';
import { SourceDirectory } from './sources.ts';
import { Vocabulary } from './vocabulary.ts';

/** The part of an index worth caching (cache.ts): the facts' index and their words' frequencies. */
export interface TextParts {
  readonly text: MiniSearch<number>;
  readonly frequencies: ReadonlyMap<string, number>;
}

const FACTS_PER_STEP = 32;
/** Tags offered when nothing is typed into /search. */
const STARTERS = 25;

export function* buildTextParts(base: FactBase): Generator<void, TextParts, undefined> {
  const builder = new FactTextBuilder(base.facts);
  for (let i = 0; i < base.facts.length; i++) {
    builder.text.add(i);
    if (i % FACTS_PER_STEP === FACTS_PER_STEP - 1) yield;
  }
  return { text: builder.text, frequencies: builder.frequencies() };
}

/** Everything else, which is per place, source, patrol and name, or a sort: cheap enough to redo. */
export function* assembleParts(base: FactBase, { text, frequencies }: TextParts): Generator<void, IndexParts, undefined> {
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
  return {
    text,
    search,
    timeline,
    byKind,
    entities,
    places,
    sources: new SourceDirectory(base.sourceById, names, entities.get('source')!),
    patrols: new PatrolDirectory(entities.get('patrol')!),
    searchSuggester: new SearchSuggester(search, vocabulary, names, starters),
  };
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
  return new FactIndex(base, parts, { from, ms: performance.now() - started, facts: base.facts.length, terms: parts.text.termCount });
}
