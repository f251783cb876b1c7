/**
 * The knowledge store and the search cache: a restart with unchanged files reads the index back, an
 * edit is never answered from a stale cache, and without a cache directory nothing is written.
 */
import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_KNOWLEDGE_DIR } from '../../src/knowledge/load.ts';
import { KnowledgeStore } from '../../src/runtime/knowledge-store.ts';
import { createLogger } from '../../src/runtime/logger.ts';

const log = createLogger({ level: 'silent' });
let scratch: string;
let knowledgeDir: string;
let cacheDir: string;

beforeEach(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'm4-store-'));
  knowledgeDir = join(scratch, 'knowledge');
  cacheDir = join(scratch, 'cache');
  await cp(DEFAULT_KNOWLEDGE_DIR, knowledgeDir, { recursive: true });
});

afterEach(async () => {
  await rm(scratch, { recursive: true, force: true });
});

async function started(options: { cacheDir?: string } = { cacheDir }) {
  const store = new KnowledgeStore(knowledgeDir, log, options);
  const outcome = await store.reload();
  if (!outcome.ok) throw new Error(outcome.issues.join('\n'));
  return store;
}

describe('KnowledgeStore with a search cache', () => {
  it('builds on the first start and reads the cache on the next, with the same answers', async () => {
    const first = await started();
    expect(first.current?.buildInfo?.from).toBe('built');
    const second = await started();
    expect(second.current?.buildInfo?.from).toBe('cache');
    expect(second.base?.version).toBe(first.base?.version);
    const ids = (store: KnowledgeStore) => store.current!.searchFacts('ain hawr patrol attack').map((hit) => hit.fact.id);
    expect(ids(second)).toEqual(ids(first));
    expect(ids(first).length).toBeGreaterThan(0);
  });

  it('rebuilds after an edit instead of answering from the old cache', async () => {
    await started();
    const file = join(knowledgeDir, 'facts', (await readdir(join(knowledgeDir, 'facts')))[0]!);
    const text = await readFile(file, 'utf8');
    const match = /statement: (.+)/.exec(text);
    expect(match).not.toBeNull();
    await writeFile(file, text.replace(match![0], `statement: ${match![1]!.replace(/\.?$/, ' zanzibarword.')}`));
    const edited = await started();
    expect(edited.current?.buildInfo?.from).toBe('built');
    expect(edited.current!.searchFacts('zanzibarword')).toHaveLength(1);
  });

  it('writes nothing when no cache directory is given', async () => {
    const store = await started({});
    expect(store.current?.buildInfo?.from).toBe('built');
    await expect(readdir(cacheDir)).rejects.toThrow(/ENOENT/);
  });
});

describe('KnowledgeStore.ready()', () => {
  it('gives everyone who asked before the first load that index, without a listener each', async () => {
    const store = new KnowledgeStore(knowledgeDir, log);
    const waiting = Array.from({ length: 20 }, () => store.ready());
    expect(store.listenerCount('reloaded')).toBe(0);
    expect((await store.reload()).ok).toBe(true);
    const indexes = await Promise.all(waiting);
    expect(indexes.every((index) => index === store.current)).toBe(true);
    expect(await store.ready()).toBe(store.current);
  });
});
