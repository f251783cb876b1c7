/**
 * Measure one size of fact base, in a process of its own (so that cold start is really cold and
 * heap/RSS belong to this size alone). Started by run.ts; reports one SizeResult over IPC.
 */
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CommandName } from '../src/answers/index.ts';
import type { FactBase } from '../src/domain/types.ts';
import { DEFAULT_KNOWLEDGE_DIR, formatIssue, loadKnowledge } from '../src/knowledge/load.ts';
import { measureBaseline, type BaselineResult } from './baseline-fuse.ts';
import { factBaseFrom } from './fact-base.ts';
import { forceGc } from './gc.ts';
import { measureAnswers, measureKeystrokes, type AutocompleteResult } from './measure-commands.ts';
import { cachedStarts, coldStart, measureReload, type ReloadResult } from './measure-start.ts';
import { autocompleteTargets, commandMix } from './queries.ts';
import { latency, megabytes, round, timed, timedAsync, type Latency } from './stats.ts';
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
  /** A start that reads the cache the previous start wrote. */
  readonly cachedStartMs: number;
  /** A start that builds and writes the cache (what follows a knowledge edit when a cache is kept). */
  readonly cacheWriteStartMs: number;
  /** Longest time the event loop was held while writing or reading the cache. */
  readonly cacheLoopHeldMs: number;
  readonly heapMb: number;
  /** Memory outside the JS heap (ArrayBuffers). */
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
  readonly reload: ReloadResult;
  readonly baseline: BaselineResult;
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
  const cached = await cachedStarts(base, cacheDir);

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

  const reload = await measureReload(base, dir, cacheDir);
  const baseline = measureBaseline(request.quick ? 4000 : 15_000, base, index, queries, targets);

  return {
    label,
    facts: base.facts.length,
    places: base.places.length,
    terms: index.buildInfo?.terms ?? 0,
    loadMs: loadMs === null ? null : round(loadMs),
    coldStartMs: round(coldStartMs),
    maxEventLoopBlockMs: round(maxLoopLagMs),
    cachedStartMs: round(cached.readMs),
    cacheWriteStartMs: round(cached.writeMs),
    cacheLoopHeldMs: round(Math.max(cached.writeLoopHeldMs, cached.readLoopHeldMs)),
    heapMb: megabytes(memory.heapUsed),
    arrayBuffersMb: megabytes(memory.arrayBuffers),
    rssMb: megabytes(memory.rss),
    answer: answers.overall,
    commands: answers.byCommand,
    commandsInIndex: answers.inIndex,
    autocomplete: latency([...where.samples, ...search.samples]),
    where: where.result,
    search: search.result,
    patrols,
    sources,
    reload,
    baseline,
  };
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
