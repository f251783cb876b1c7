/**
 * Start-up as the bot lives it: a cold build (nothing cached), a start from the cache, and a reload
 * after one fact changes — each watched for how long it kept the event loop from other work.
 */
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import type { Fact, FactBase } from '../src/domain/types.ts';
import { formatIssue, loadKnowledge } from '../src/knowledge/load.ts';
import { buildKnowledgeIndexAsync, type KnowledgeIndex } from '../src/search/index.ts';
import { factBaseFrom } from './fact-base.ts';
import { forceGc } from './gc.ts';
import { round, timedAsync } from './stats.ts';

export interface ReloadResult {
  readonly ms: number;
  readonly loadMs: number | null;
  readonly indexMs: number;
  readonly path: 'files' | 'memory';
}

/** From the loaded fact list to a ready index, with nothing cached, watching the event loop. */
export async function coldStart(base: FactBase): Promise<{ index: KnowledgeIndex; coldStartMs: number; maxLoopLagMs: number }> {
  forceGc();
  const probe = loopProbe();
  const [index, coldStartMs] = await timedAsync(() => buildKnowledgeIndexAsync(base));
  return { index, coldStartMs, maxLoopLagMs: probe.stop() };
}

/**
 * With a cache directory: the first start (which builds and writes the cache) and the next one (which
 * reads it), each with the longest the event loop was held.
 */
export async function cachedStarts(base: FactBase, cacheDir: string) {
  const writing = loopProbe();
  const [, writeMs] = await timedAsync(() => buildKnowledgeIndexAsync(base, { cacheDir }));
  const writeLoopHeldMs = writing.stop();
  const reading = loopProbe();
  const [index, readMs] = await timedAsync(() => buildKnowledgeIndexAsync(base, { cacheDir }));
  const readLoopHeldMs = reading.stop();
  if (index.buildInfo?.from !== 'cache') throw new Error('the cache written a moment ago was not used');
  return { writeMs, writeLoopHeldMs, readMs, readLoopHeldMs };
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

/** One fact's statement edited, then the new base loaded (from files when there are files) and indexed. */
export async function measureReload(base: FactBase, dir: string | null, cacheDir: string): Promise<ReloadResult> {
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
