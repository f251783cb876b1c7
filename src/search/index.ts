/**
 * The search layer's entry point: build a KnowledgeIndex (src/search/types.ts) from a FactBase.
 *
 * - `buildKnowledgeIndex(base)`: synchronous, no cache — for tests and small tools.
 * - `buildKnowledgeIndexAsync(base, options)`: the same index, built in time slices that leave the
 *   event loop free every few ms (a bot rebuilding after a knowledge edit keeps answering), and —
 *   only when `cacheDir` is given — the facts' index read from / written to a cache keyed by the
 *   fact base version.
 */
import { fileURLToPath } from 'node:url';
import type { FactBase } from '../domain/types.ts';
import { readCache, writeCache } from './cache.ts';
import { buildTextParts } from './fact-text.ts';
import { FactIndex } from './knowledge-index.ts';
import { DEFAULT_SLICE_MS, runInSlices, runToEnd } from './slices.ts';
import type { KnowledgeIndex } from './types.ts';

export type { FactHit, FactSearchResult, IndexBuildInfo, KnowledgeIndex, PlaceResolution, Suggestion } from './types.ts';
export { searchTerms } from './terms.ts';

/** The git-ignored cache directory of this checkout: `<repo>/.cache/search`. */
export const DEFAULT_CACHE_DIR = fileURLToPath(new URL('../../.cache/search', import.meta.url));

export interface BuildOptions {
  /**
   * Where to keep the serialised index (e.g. DEFAULT_CACHE_DIR). Without it nothing is read or
   * written, which is what tests want: an index never depends on what an earlier run left behind.
   */
  readonly cacheDir?: string;
  /** Longest stretch of work between two turns of the event loop, in ms (default 8). */
  readonly sliceMs?: number;
}

export function buildKnowledgeIndex(base: FactBase): KnowledgeIndex {
  const started = performance.now();
  return runToEnd(FactIndex.assemble(base, runToEnd(buildTextParts(base.facts)), 'built', started));
}

export async function buildKnowledgeIndexAsync(base: FactBase, options: BuildOptions = {}): Promise<KnowledgeIndex> {
  const started = performance.now();
  const sliceMs = options.sliceMs ?? DEFAULT_SLICE_MS;
  const fromCache = options.cacheDir ? await readCache(options.cacheDir, base) : null;
  const text = fromCache ?? (await runInSlices(buildTextParts(base.facts), sliceMs));
  const index = await runInSlices(FactIndex.assemble(base, text, fromCache ? 'cache' : 'built', started), sliceMs);
  if (!fromCache && options.cacheDir) {
    // A cache only ever saves time: failing to write one (read-only disk, full disk) is not an error.
    await writeCache(options.cacheDir, base, text).catch(() => undefined);
  }
  return index;
}
