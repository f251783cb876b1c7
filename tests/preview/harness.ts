/**
 * The preview page in a test: a knowledge store on a directory (a temporary copy of knowledge/ when
 * the test edits files), its watcher, the preview's state and server on a free loopback port; and
 * Chromium from the Debian package, driven by playwright-core (nothing is downloaded).
 */
import { existsSync } from 'node:fs';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { DEFAULT_KNOWLEDGE_DIR } from '../../src/knowledge/load.ts';
import { KnowledgeStore } from '../../src/runtime/knowledge-store.ts';
import { createLogger } from '../../src/runtime/logger.ts';
import { createPreviewServer } from '../../src/transports/preview/server.ts';
import { PreviewState } from '../../src/transports/preview/state.ts';

export interface Preview {
  readonly url: string;
  readonly store: KnowledgeStore;
  readonly state: PreviewState;
  close(): Promise<void>;
}

export async function startPreview(dir: string): Promise<Preview> {
  const log = createLogger({ level: 'silent' });
  const store = new KnowledgeStore(dir, log);
  const state = new PreviewState(store);
  const first = await store.reload();
  if (!first.ok) throw new Error(`the knowledge in ${dir} does not load:\n${first.issues.join('\n')}`);
  // A short debounce: the tests wait for the page, not for the watcher.
  await store.watch({ debounceMs: 50 });
  const server = createPreviewServer({ store, state, log });
  const url = await server.listen(0, '127.0.0.1');
  return {
    url,
    store,
    state,
    async close() {
      await server.close();
      state.close();
      await store.close();
    },
  };
}

/** A copy of the project's knowledge/ in a temporary directory (outside the cwd, so problems name it in full). */
export async function knowledgeCopy(): Promise<{ dir: string; remove(): Promise<void> }> {
  const scratch = await mkdtemp(join(tmpdir(), 'm4-preview-'));
  const dir = join(scratch, 'knowledge');
  await cp(DEFAULT_KNOWLEDGE_DIR, dir, { recursive: true });
  return { dir, remove: () => rm(scratch, { recursive: true, force: true }) };
}

/** Debian's chromium (`.ci/run` installs it); CHROMIUM_PATH points elsewhere. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const HAVE_CHROMIUM = existsSync(CHROMIUM_PATH);

/**
 * Headless, without a sandbox (CI runs as root) and without the background connections Chromium
 * makes at start, which this machine's closed network refuses.
 */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}
