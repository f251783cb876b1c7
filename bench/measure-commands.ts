/**
 * Answers and autocomplete as users meet them: every command of the seeded mix run as the bot runs it
 * (parse, answer, render, serialise), and every keystroke of the autocomplete texts.
 */
import { answer, buildQuery, type CommandName } from '../src/answers/index.ts';
import { renderDiscord } from '../src/render/discord.ts';
import type { KnowledgeIndex } from '../src/search/index.ts';
import { keystrokes, type CommandCase } from './queries.ts';
import { latency, timed, type Latency } from './stats.ts';

export interface ByLength {
  readonly length: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly count: number;
}

export interface AutocompleteResult extends Latency {
  readonly byLength: readonly ByLength[];
}

/** Each command as the bot runs it: parse options, answer, render the Discord payload, serialise it. */
function runCase(index: KnowledgeIndex, item: CommandCase): void {
  const parsed = buildQuery(item.command, item.values);
  if (!parsed.ok) return;
  JSON.stringify(renderDiscord(answer(index, parsed.query)));
}

export function measureAnswers(index: KnowledgeIndex, cases: readonly CommandCase[]) {
  // One pass to warm up (JIT, and whatever the answers layer computes once per base), then measure.
  for (const item of cases) runCase(index, item);
  const watched = stopwatched(index);
  const byCommand = new Map<CommandName, number[]>();
  const inIndex = new Map<CommandName, number[]>();
  const all: number[] = [];
  for (const item of cases) {
    watched.take();
    const [, ms] = timed(() => runCase(watched.index, item));
    all.push(ms);
    for (const [map, value] of [[byCommand, ms], [inIndex, watched.take()]] as const) {
      const list = map.get(item.command) ?? [];
      list.push(value);
      map.set(item.command, list);
    }
  }
  const stats = (map: Map<CommandName, number[]>) =>
    Object.fromEntries([...map].map(([command, samples]) => [command, latency(samples)])) as Partial<Record<CommandName, Latency>>;
  return { overall: latency(all), byCommand: stats(byCommand), inIndex: stats(inIndex) };
}

/**
 * The index with a stopwatch on every method, to tell how much of an answer's time is spent in the
 * search layer and how much in the answers and render layers.
 */
function stopwatched(index: KnowledgeIndex): { index: KnowledgeIndex; take(): number } {
  let spent = 0;
  const watched = new Proxy(index, {
    get(target, property, receiver) {
      const value: unknown = Reflect.get(target, property, receiver);
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        const started = performance.now();
        try {
          return (value as (...a: unknown[]) => unknown).apply(target, args);
        } finally {
          spent += performance.now() - started;
        }
      };
    },
  });
  return {
    index: watched,
    take() {
      const taken = spent;
      spent = 0;
      return taken;
    },
  };
}

/** Each keystroke timed this many times (in separate passes), so one GC pause is not a length's p99. */
const KEYSTROKE_REPEATS = 5;

export function measureKeystrokes(texts: readonly string[], suggest: (prefix: string) => unknown) {
  const byLength = [...keystrokes(texts)].sort((a, b) => a[0] - b[0]);
  for (const [, prefixes] of byLength) for (const prefix of prefixes) suggest(prefix);
  const timings = new Map<number, number[]>(byLength.map(([length]) => [length, []]));
  for (let pass = 0; pass < KEYSTROKE_REPEATS; pass++) {
    for (const [length, prefixes] of byLength) {
      for (const prefix of prefixes) timings.get(length)!.push(timed(() => suggest(prefix))[1]);
    }
  }
  const samples = [...timings.values()].flat();
  const rows: ByLength[] = byLength.map(([length]) => {
    const stats = latency(timings.get(length)!);
    return { length, p50Ms: stats.p50Ms, p99Ms: stats.p99Ms, count: stats.count };
  });
  return { samples, result: { ...latency(samples), byLength: rows } };
}

/** Our search on the queries a reference library ran, each three times (ours is too fast for one timing to say much). */
export function timeOurSearch(index: KnowledgeIndex, queries: readonly string[]): number[] {
  return queries.flatMap((query) => [0, 1, 2].map(() => timed(() => index.searchFacts(query))[1]));
}
