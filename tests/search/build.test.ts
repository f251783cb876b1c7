/**
 * Building: the async build (time-sliced, optionally cached) must give the very same index as the
 * sync build, must give the event loop turns while it works, and a cache must only ever make it
 * faster — reused for the same fact base and code, ignored for anything else.
 */
import { readFileSync } from 'node:fs';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { FactBase } from '../../src/domain/types.ts';
import { cacheFilePath, INDEXING_MODULES } from '../../src/search/cache.ts';
import { buildKnowledgeIndex, buildKnowledgeIndexAsync } from '../../src/search/index.ts';
import type { KnowledgeIndex } from '../../src/search/types.ts';
import { realBase } from '../fixtures/real.ts';
import { syntheticBase } from './fixtures.ts';

const QUERIES = ['human shields', 'Ain Hour', 'joint patrol attacked', 'explosve devise', 'patrol 22', 'the', 'M-4', 'kaf', 'Türkiye'];
const TYPED = ['', 'a', 'k', 'ai', 'ain h', 'tar', 'sofrep', 'human sh', 'joint patrol ', '2', '22', 'july', 'zzz'];

/** Everything an index answers, for the inputs above: two indexes are the same if this is. */
function answers(index: KnowledgeIndex) {
  return {
    search: QUERIES.map((q) => index.searchFacts(q, { limit: 20 }).map((h) => [h.fact.id, h.score, h.terms])),
    resolve: [...QUERIES, ...TYPED].map((q) => index.resolvePlace(q)),
    suggest: TYPED.map((t) => [index.suggestPlaces(t), index.suggestSearch(t), index.suggestPatrols(t), index.suggestSources(t)]),
    timeline: index.timeline().map((f) => f.id),
    patrols: index.knownPatrols(),
    places: index.base.places.map((p) => index.factsAtPlace(p.id).map((f) => f.id)),
  };
}

let base: FactBase;
let synthetic: FactBase;
beforeAll(async () => {
  base = await realBase();
  synthetic = await syntheticBase(2500);
});

const tempDirs: string[] = [];
async function tempCacheDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'm4-search-test-'));
  tempDirs.push(dir);
  return dir;
}
afterEach(async () => {
  await Promise.all(tempDirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

describe('async build', () => {
  it('gives exactly the sync build’s answers', async () => {
    for (const b of [base, synthetic]) {
      expect(answers(await buildKnowledgeIndexAsync(b))).toEqual(answers(buildKnowledgeIndex(b)));
    }
  });

  it('lets other work run while it builds', async () => {
    let turns = 0;
    let running = true;
    const tick = () => {
      if (!running) return;
      turns++;
      setImmediate(tick);
    };
    setImmediate(tick);
    await buildKnowledgeIndexAsync(synthetic, { sliceMs: 0 });
    running = false;
    // With no time allowed per slice, the builder yields at every step: many turns, not one.
    expect(turns).toBeGreaterThan(10);
  });

  it('reports how it was built', async () => {
    const index = await buildKnowledgeIndexAsync(base);
    expect(index.buildInfo).toMatchObject({ from: 'built', facts: base.facts.length });
    expect(index.buildInfo!.terms).toBeGreaterThan(0);
  });
});

describe('index cache', () => {
  it('is not used unless a directory is given', async () => {
    expect((await buildKnowledgeIndexAsync(base)).buildInfo?.from).toBe('built');
    expect((await buildKnowledgeIndexAsync(base)).buildInfo?.from).toBe('built');
  });

  it('is written on the first build and read on the next, with the same answers', async () => {
    const cacheDir = await tempCacheDir();
    for (const b of [base, synthetic]) {
      const first = await buildKnowledgeIndexAsync(b, { cacheDir });
      const second = await buildKnowledgeIndexAsync(b, { cacheDir });
      expect(first.buildInfo?.from).toBe('built');
      expect(second.buildInfo?.from).toBe('cache');
      expect(answers(second)).toEqual(answers(first));
    }
  });

  it('is not reused when the fact base version changes', async () => {
    const cacheDir = await tempCacheDir();
    await buildKnowledgeIndexAsync(base, { cacheDir });
    const changed: FactBase = { ...base, version: `${base.version}-edited` };
    expect((await buildKnowledgeIndexAsync(changed, { cacheDir })).buildInfo?.from).toBe('built');
    expect((await buildKnowledgeIndexAsync(changed, { cacheDir })).buildInfo?.from).toBe('cache');
  });

  it('is not reused for other facts under the same version', async () => {
    const cacheDir = await tempCacheDir();
    await buildKnowledgeIndexAsync(base, { cacheDir });
    const reordered: FactBase = { ...base, facts: [...base.facts].reverse() };
    const index = await buildKnowledgeIndexAsync(reordered, { cacheDir });
    expect(index.buildInfo?.from).toBe('built');
    expect(answers(index)).toEqual(answers(buildKnowledgeIndex(reordered)));
  });

  it('survives a damaged cache file by rebuilding (and repairing it)', async () => {
    const cacheDir = await tempCacheDir();
    await buildKnowledgeIndexAsync(base, { cacheDir });
    for (const damage of ['', 'M4IX garbage', 'not a cache at all']) {
      await writeFile(cacheFilePath(cacheDir, base), damage);
      const rebuilt = await buildKnowledgeIndexAsync(base, { cacheDir });
      expect(rebuilt.buildInfo?.from).toBe('built');
      expect(answers(rebuilt)).toEqual(answers(buildKnowledgeIndex(base)));
      expect((await buildKnowledgeIndexAsync(base, { cacheDir })).buildInfo?.from).toBe('cache');
    }
  });

  it('keeps only the newest few cache files', async () => {
    const cacheDir = await tempCacheDir();
    for (let i = 0; i < 6; i++) await buildKnowledgeIndexAsync({ ...base, version: `v${i}` }, { cacheDir });
    const files = (await readdir(cacheDir)).filter((name) => name.endsWith('.idx'));
    expect(files.length).toBe(3);
    expect(files.some((name) => name.startsWith('v5-'))).toBe(true);
  });

  it('is keyed by the code of every module the cached parts are made with', () => {
    // What the cached parts are made with: the facts' index and its word counts, the file format,
    // and all they import (but not `import type`, which leaves no code behind).
    const searchDir = new URL('../../src/search/', import.meta.url);
    const used = new Set<string>();
    const pending = ['./fact-text.ts', './cache.ts'].map((module) => new URL(module, searchDir).href);
    for (let url = pending.pop(); url !== undefined; url = pending.pop()) {
      if (used.has(url)) continue;
      used.add(url);
      for (const [, module] of readFileSync(fileURLToPath(url), 'utf8').matchAll(/^import (?!type )[^;]*? from '(\.[^']+)'/gm)) {
        pending.push(new URL(module!, url).href);
      }
    }
    const hashed = new Set(INDEXING_MODULES.map((module) => new URL(module, searchDir).href));
    expect([...used].filter((url) => !hashed.has(url))).toEqual([]);
  });

  it('does not stop a build when the directory cannot be written', async () => {
    const file = join(await tempCacheDir(), 'a-file');
    await writeFile(file, 'not a directory');
    const index = await buildKnowledgeIndexAsync(base, { cacheDir: join(file, 'cache') });
    expect(index.buildInfo?.from).toBe('built');
  });
});
