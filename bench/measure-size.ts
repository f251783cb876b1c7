/**
 * Measure one size of fact base, in a process of its own (so that cold start is really cold and
 * heap/RSS belong to this size alone). Started by run.ts; reports one SizeResult over IPC.
 */
import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { answer, buildQuery, type CommandName } from '../src/answers/index.ts';
import type { Fact, FactBase } from '../src/domain/types.ts';
import { DEFAULT_KNOWLEDGE_DIR, formatIssue, loadKnowledge } from '../src/knowledge/load.ts';
import { renderDiscord } from '../src/render/discord.ts';
import { buildKnowledgeIndexAsync, type KnowledgeIndex } from '../src/search/index.ts';
import { buildFuseBaseline, sampleWithin } from './baseline-fuse.ts';
import { factBaseFrom } from './fact-base.ts';
import { forceGc } from './gc.ts';
import { autocompleteTargets, commandMix, keystrokes, type CommandCase } from './queries.ts';
import { latency, median, megabytes, round, timed, timedAsync, type Latency } from './stats.ts';
import { generateKnowledge } from './synthetic.ts';
import { writeKnowledgeDir } from './write-files.ts';

export interface SizeRequest {
  /** 'real' for knowledge/, else the number of synthetic facts. */
  readonly size: 'real' | number;
  readonly seed: number;
  readonly quick: boolean;
  /** Only the cold start (run.ts repeats it in fresh processes and reports the median). */
  readonly coldOnly?: boolean;
}

export interface ColdResult {
  readonly coldStartMs: number;
  readonly maxEventLoopBlockMs: number;
}

export interface ByLength {
  readonly length: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly count: number;
}

export interface AutocompleteResult extends Latency {
  readonly byLength: readonly ByLength[];
}

export interface SizeResult {
  readonly label: string;
  readonly facts: number;
  readonly places: number;
  readonly terms: number;
  /** Knowledge files read, parsed and validated (sizes written as files). */
  readonly loadMs: number | null;
  readonly coldStartMs: number;
  /** Every cold start measured (each in a fresh process); coldStartMs is their median. */
  readonly coldStartRunsMs?: readonly number[];
  /** Longest time the event loop was held during the async cold build. */
  readonly maxEventLoopBlockMs: number;
  readonly cachedStartMs: number;
  readonly heapMb: number;
  /** Typed-array memory outside the JS heap (the postings live there). */
  readonly arrayBuffersMb: number;
  readonly rssMb: number;
  readonly answer: Latency;
  readonly commands: Partial<Record<CommandName, Latency>>;
  /** The part of each command's time spent inside the index's methods. */
  readonly commandsInIndex: Partial<Record<CommandName, Latency>>;
  readonly autocomplete: Latency;
  readonly where: AutocompleteResult;
  readonly search: AutocompleteResult;
  readonly patrols: Latency;
  readonly sources: Latency;
  readonly reload: { readonly ms: number; readonly loadMs: number | null; readonly indexMs: number; readonly path: 'files' | 'memory' };
  readonly baseline: {
    readonly name: 'fuse.js';
    readonly buildMs: number;
    readonly answer: Latency;
    /** Our search on exactly the queries the baseline ran. */
    readonly ours: Latency;
    readonly ratio: number;
    readonly sampled: number;
    readonly of: number;
    readonly autocomplete: Latency;
    readonly oursAutocomplete: Latency;
    readonly autocompleteRatio: number;
  };
}

async function measureSize(request: SizeRequest): Promise<SizeResult | ColdResult> {
  const real = await loadKnowledge();
  if (!real.ok) throw new Error(`knowledge/ does not load:\n${real.issues.map(formatIssue).join('\n')}`);
  const scratch = await mkdtemp(join(tmpdir(), 'm4-bench-'));
  try {
    const { base, dir, loadMs, label } = await prepareBase(request, real.base, scratch);
    if (request.coldOnly) {
      const { coldStartMs, maxLoopLagMs } = await coldStart(base);
      return { coldStartMs: round(coldStartMs), maxEventLoopBlockMs: round(maxLoopLagMs) };
    }
    return await measureBase(request, base, dir, loadMs, label, scratch);
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}

/** From the loaded fact list to a ready index, with nothing cached, watching the event loop. */
async function coldStart(base: FactBase) {
  forceGc();
  const probe = loopProbe();
  const [index, coldStartMs] = await timedAsync(() => buildKnowledgeIndexAsync(base));
  return { index, coldStartMs, maxLoopLagMs: probe.stop() };
}

interface Prepared {
  readonly base: FactBase;
  /** The knowledge directory the base was loaded from, when it was. */
  readonly dir: string | null;
  readonly loadMs: number | null;
  readonly label: string;
}

async function prepareBase(request: SizeRequest, realBase: FactBase, scratch: string): Promise<Prepared> {
  if (request.size === 'real') {
    const dir = join(scratch, 'knowledge');
    await cp(DEFAULT_KNOWLEDGE_DIR, dir, { recursive: true });
    const [result, loadMs] = await timedAsync(() => loadKnowledge(dir));
    if (!result.ok) throw new Error(result.issues.map(formatIssue).join('\n'));
    return { base: result.base, dir, loadMs, label: 'real' };
  }
  const knowledge = generateKnowledge({
    facts: request.size,
    seed: request.seed,
    basePlaces: realBase.places,
    baseClaimants: realBase.claimants,
  });
  const label = request.size >= 1000 ? `${request.size / 1000}k` : String(request.size);
  // Up to 10k the files go through the real loader; beyond, YAML parsing alone would take minutes.
  if (request.size <= 10_000) {
    const dir = join(scratch, 'knowledge');
    await writeKnowledgeDir(dir, knowledge);
    const [result, loadMs] = await timedAsync(() => loadKnowledge(dir));
    if (!result.ok) throw new Error(`synthetic knowledge does not load:\n${result.issues.slice(0, 10).map(formatIssue).join('\n')}`);
    return { base: result.base, dir, loadMs, label };
  }
  return { base: factBaseFrom(knowledge), dir: null, loadMs: null, label };
}

async function measureBase(request: SizeRequest, base: FactBase, dir: string | null, loadMs: number | null, label: string, scratch: string): Promise<SizeResult> {
  const { index, coldStartMs, maxLoopLagMs } = await coldStart(base);
  forceGc();
  const memory = process.memoryUsage();

  const cacheDir = join(scratch, 'cache');
  await buildKnowledgeIndexAsync(base, { cacheDir });
  const [cachedIndex, cachedStartMs] = await timedAsync(() => buildKnowledgeIndexAsync(base, { cacheDir }));
  if (cachedIndex.buildInfo?.from !== 'cache') throw new Error('the cache written a moment ago was not used');

  const cases = commandMix(base, request.quick ? 200 : 800, request.seed);
  const queries = cases.flatMap((item) => (item.command === 'search' ? [String(item.values.query)] : []));
  const answers = measureAnswers(index, cases);
  const targets = autocompleteTargets(base, request.quick ? 15 : 40, request.seed + 1);
  const where = measureKeystrokes(targets.where, (prefix) => index.suggestPlaces(prefix));
  const search = measureKeystrokes(targets.search, (prefix) => index.suggestSearch(prefix));
  const patrolInputs = ['', ...Array.from({ length: 60 }, (_, i) => String((i * 37) % 999 + 1).slice(0, 1 + (i % 3))), 'july', 'patrol 2'];
  const patrols = latency(patrolInputs.map((input) => timed(() => index.suggestPatrols(input))[1]));
  const sourceInputs = ['', ...base.sources.slice(0, 40).flatMap((source) => [source.id.slice(0, 3), source.title.slice(0, 6), source.title.slice(0, 12)])];
  const sources = latency(sourceInputs.map((input) => timed(() => index.suggestSources(input))[1]));
  const all = [...where.samples, ...search.samples];

  const reload = await measureReload(base, dir, cacheDir);
  const baseline = measureBaseline(request, base, index, queries, targets);

  return {
    label,
    facts: base.facts.length,
    places: base.places.length,
    terms: index.buildInfo?.terms ?? 0,
    loadMs: loadMs === null ? null : round(loadMs),
    coldStartMs: round(coldStartMs),
    maxEventLoopBlockMs: round(maxLoopLagMs),
    cachedStartMs: round(cachedStartMs),
    heapMb: megabytes(memory.heapUsed),
    arrayBuffersMb: megabytes(memory.arrayBuffers),
    rssMb: megabytes(memory.rss),
    answer: answers.overall,
    commands: answers.byCommand,
    commandsInIndex: answers.inIndex,
    autocomplete: latency(all),
    where: where.result,
    search: search.result,
    patrols,
    sources,
    reload,
    baseline,
  };
}

/** Our search on the queries a reference library ran, each three times (ours is too fast for one timing to say much). */
function timeOurSearch(index: KnowledgeIndex, queries: readonly string[]): number[] {
  return queries.flatMap((query) => [0, 1, 2].map(() => timed(() => index.searchFacts(query))[1]));
}

/**
 * The longest a timer waited to run while the probe was on: how long other work (a Discord
 * interaction arriving during a rebuild) could have been kept waiting.
 */
function loopProbe(): { stop(): number } {
  let longest = 0;
  let running = true;
  let pendingSince = 0;
  const ping = () => {
    pendingSince = performance.now();
    setTimeout(() => {
      longest = Math.max(longest, performance.now() - pendingSince);
      if (running) ping();
    }, 0);
  };
  ping();
  return {
    stop() {
      running = false;
      // A timer still waiting has been kept waiting this long so far.
      return Math.max(longest, performance.now() - pendingSince);
    },
  };
}

/** Each command as the bot runs it: parse options, answer, render the Discord payload, serialise it. */
function runCase(index: KnowledgeIndex, item: CommandCase): void {
  const parsed = buildQuery(item.command, item.values);
  if (!parsed.ok) return;
  JSON.stringify(renderDiscord(answer(index, parsed.query)));
}

function measureAnswers(index: KnowledgeIndex, cases: readonly CommandCase[]) {
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

function measureKeystrokes(texts: readonly string[], suggest: (prefix: string) => unknown) {
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

/** One fact's statement edited, then the new base loaded (from files when there are files) and indexed. */
async function measureReload(base: FactBase, dir: string | null, cacheDir: string): Promise<SizeResult['reload']> {
  if (dir) {
    const factsFile = await firstFactsFile(dir);
    const text = await readFile(factsFile, 'utf8');
    const facts = parse(text) as Array<Record<string, unknown>>;
    facts[0]!.statement = `${String(facts[0]!.statement)} (Edited.)`;
    await writeFile(factsFile, stringify(facts, { lineWidth: 0 }));
    const started = performance.now();
    const [result, loadMs] = await timedAsync(() => loadKnowledge(dir));
    if (!result.ok) throw new Error(`edited knowledge does not load:\n${result.issues.map(formatIssue).join('\n')}`);
    const [, indexMs] = await timedAsync(() => buildKnowledgeIndexAsync(result.base, { cacheDir }));
    return { ms: round(performance.now() - started), loadMs: round(loadMs), indexMs: round(indexMs), path: 'files' };
  }
  const started = performance.now();
  const facts: Fact[] = [...base.facts];
  facts[0] = { ...facts[0]!, statement: `${facts[0]!.statement} (Edited.)` };
  const edited = factBaseFrom({ ...base, facts, articles: base.articleText });
  const [, indexMs] = await timedAsync(() => buildKnowledgeIndexAsync(edited, { cacheDir }));
  return { ms: round(performance.now() - started), loadMs: null, indexMs: round(indexMs), path: 'memory' };
}

/** The facts file the loader reads first (it reads them in name order), whatever the files are called. */
async function firstFactsFile(dir: string): Promise<string> {
  const names = (await readdir(join(dir, 'facts'))).filter((name) => name.endsWith('.yaml')).sort();
  return join(dir, 'facts', names[0]!);
}

function measureBaseline(
  request: SizeRequest,
  base: FactBase,
  index: KnowledgeIndex,
  queries: readonly string[],
  targets: { where: string[]; search: string[] },
): SizeResult['baseline'] {
  forceGc();
  const fuse = buildFuseBaseline(base);
  const budgetMs = request.quick ? 4000 : 15_000;
  const fuseSearch = sampleWithin(queries, budgetMs, 5, (query) => fuse.facts.search(query, { limit: 10 }));
  const ours = timeOurSearch(index, queries.slice(0, fuseSearch.length));

  // Autocomplete: the same keystrokes as ours, interleaved /where and /search, sampled within budget.
  type Keystroke = { readonly kind: 'where' | 'search'; readonly prefix: string };
  const prefixes = interleave<Keystroke>(
    [...keystrokes(targets.where).values()].flat().map((prefix) => ({ kind: 'where', prefix })),
    [...keystrokes(targets.search).values()].flat().map((prefix) => ({ kind: 'search', prefix })),
  );
  const fuseAutocomplete = sampleWithin(prefixes, budgetMs, 10, ({ kind, prefix }) =>
    kind === 'where' ? fuse.places.search(prefix, { limit: 25 }) : fuse.statements.search(prefix, { limit: 25 }),
  );
  const oursAutocomplete = prefixes
    .slice(0, fuseAutocomplete.length)
    .map(({ kind, prefix }) => timed(() => (kind === 'where' ? index.suggestPlaces(prefix) : index.suggestSearch(prefix)))[1]);
  return {
    name: 'fuse.js',
    buildMs: round(fuse.buildMs),
    answer: latency(fuseSearch),
    ours: latency(ours),
    ratio: round(median(fuseSearch) / median(ours)),
    sampled: fuseSearch.length,
    of: queries.length,
    autocomplete: latency(fuseAutocomplete),
    oursAutocomplete: latency(oursAutocomplete),
    autocompleteRatio: round(median(fuseAutocomplete) / median(oursAutocomplete)),
  };
}

function interleave<T>(a: readonly T[], b: readonly T[]): T[] {
  const out: T[] = [];
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    if (i < a.length) out.push(a[i]!);
    if (i < b.length) out.push(b[i]!);
  }
  return out;
}

// Entry point when started by run.ts: measure the size asked for and send the result back.
if (process.send) {
  process.once('message', (request: SizeRequest) => {
    measureSize(request).then(
      (result) => process.send!({ ok: true, result }, () => process.exit(0)),
      (error: unknown) => process.send!({ ok: false, error: error instanceof Error ? (error.stack ?? error.message) : String(error) }, () => process.exit(1)),
    );
  });
}
