/**
 * The live fact base of a running process: the last good (base, index) pair, rebuilt when the
 * knowledge files change. A broken edit never takes the bot down: the store keeps serving what it
 * had and reports every problem as `path:line: field: message`.
 */
import { EventEmitter } from 'node:events';
import type { FactBase, KnowledgeIssue } from '../domain/types.ts';
import { isEditorLitter } from '../knowledge/files.ts';
import { DEFAULT_KNOWLEDGE_DIR, formatIssue, loadKnowledge } from '../knowledge/load.ts';
import { buildKnowledgeIndexAsync } from '../search/index.ts';
import type { KnowledgeIndex } from '../search/types.ts';
import type { Logger } from './logger.ts';
import { watchDirectory, type DirectoryWatch, type WatchOptions } from './watch-files.ts';

export type ReloadOutcome =
  | { readonly ok: true; readonly changed: boolean; readonly version: string; readonly facts: number; readonly ms: number }
  | { readonly ok: false; readonly issues: readonly string[]; readonly keptVersion: string | null };

export interface StoreOptions {
  /**
   * Where the search index is cached between runs (see searchCacheDir in config.ts). A restart with
   * unchanged knowledge files then reads the index instead of rebuilding it. Left out, nothing is
   * read or written: what tests want.
   */
  readonly cacheDir?: string;
}

/** A failed reload as the `failed` event tells it: the problems as data too, for a page that groups them by file. */
export type FailedReload = ReloadOutcome & { readonly ok: false; readonly problems: readonly KnowledgeIssue[] };

export class KnowledgeStore extends EventEmitter<{ reloaded: [ReloadOutcome & { ok: true }]; failed: [FailedReload] }> {
  #index: KnowledgeIndex | null = null;
  #loadedAt: Date | null = null;
  #watcher: DirectoryWatch | null = null;
  /** Reloads are serialised: a change during a rebuild queues exactly one more. */
  #running: Promise<ReloadOutcome> | null = null;
  #queued = false;
  /** One promise for everyone waiting on the first index (a burst of early commands adds no listeners). */
  #resolveFirst!: (index: KnowledgeIndex) => void;
  readonly #firstIndex = new Promise<KnowledgeIndex>((resolve) => (this.#resolveFirst = resolve));

  constructor(
    readonly dir: string | undefined,
    private readonly log: Logger,
    private readonly options: StoreOptions = {},
  ) {
    super();
  }

  /** The index to answer from, or null before the first successful load. */
  get current(): KnowledgeIndex | null {
    return this.#index;
  }

  get base(): FactBase | null {
    return this.#index?.base ?? null;
  }

  /** When the index being served was swapped in (null before the first load). */
  get loadedAt(): Date | null {
    return this.#loadedAt;
  }

  /** Resolves with the index once one is loaded (immediately if it already is). */
  ready(): Promise<KnowledgeIndex> {
    return this.#index ? Promise.resolve(this.#index) : this.#firstIndex;
  }

  /** Load the files, validate them and swap in a new index; on failure keep the old one. */
  async reload(): Promise<ReloadOutcome> {
    if (this.#running) {
      this.#queued = true;
      return this.#running;
    }
    this.#running = this.#reloadOnce();
    try {
      return await this.#running;
    } finally {
      this.#running = null;
      if (this.#queued) {
        this.#queued = false;
        void this.reload();
      }
    }
  }

  async #reloadOnce(): Promise<ReloadOutcome> {
    const started = performance.now();
    const result = await loadKnowledge(this.dir).catch((err: unknown) => unreadable(err));
    if (!result.ok) {
      const outcome: FailedReload = {
        ok: false as const,
        issues: result.issues.map((i: KnowledgeIssue) => formatIssue(i)),
        problems: result.issues,
        keptVersion: this.#index?.base.version ?? null,
      };
      this.log.error(
        { problems: outcome.issues.length, keptVersion: outcome.keptVersion },
        `knowledge reload failed, keeping the last good fact base:\n${outcome.issues.join('\n')}`,
      );
      this.emit('failed', outcome);
      return outcome;
    }
    const changed = result.base.version !== this.#index?.base.version;
    if (changed) {
      this.#index = await buildKnowledgeIndexAsync(result.base, this.options.cacheDir ? { cacheDir: this.options.cacheDir } : {});
      this.#loadedAt = new Date();
      this.#resolveFirst(this.#index);
    }
    const outcome = {
      ok: true as const,
      changed,
      version: result.base.version,
      facts: result.base.facts.length,
      ms: Math.round(performance.now() - started),
    };
    this.log.info({ ...outcome, index: this.#index?.buildInfo?.from }, changed ? 'knowledge loaded' : 'knowledge unchanged');
    this.emit('reloaded', outcome);
    return outcome;
  }

  /**
   * Watch the knowledge directory and reload (debounced) on any change but to editor litter, which
   * the loader skips as well; resolves once watching.
   */
  watch(options: WatchOptions = {}): Promise<void> {
    this.#watcher ??= watchDirectory(this.dir ?? DEFAULT_KNOWLEDGE_DIR, () => void this.reload(), this.log, { ignore: isEditorLitter, ...options });
    return this.#watcher.ready;
  }

  async close(): Promise<void> {
    const watcher = this.#watcher;
    this.#watcher = null;
    await watcher?.close();
  }
}

/**
 * A read that threw rather than reporting issues (a file that cannot be read, a file deleted
 * between listing and reading it, is reported as an issue at its path): a folder that cannot be
 * listed, or one deleted while being read (a `git checkout` in progress). The change that caused
 * it also triggers the next reload, so this one only fails like any bad edit.
 */
function unreadable(err: unknown): { readonly ok: false; readonly issues: readonly KnowledgeIssue[] } {
  const e = err as { path?: unknown; code?: unknown; message?: unknown };
  const path = typeof e?.path === 'string' ? e.path : '(knowledge directory)';
  return { ok: false, issues: [{ path, line: 1, field: 'file', message: `could not be read (${String(e?.code ?? e?.message ?? err)})` }] };
}
