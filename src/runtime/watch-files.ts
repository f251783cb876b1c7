/**
 * Watching a directory tree for edits, debounced into one callback per burst of changes.
 *
 * chokidar, not Node's own `fs.watch(dir, { recursive: true })`: on Linux, Node 20's recursive
 * watch stops reporting a file once another file was renamed over it, which is how `sed -i`, `git
 * checkout` and most editors' safe save write. Every later edit of that file was then missed.
 * chokidar watches each directory and re-attaches to a path when it is replaced.
 */
import { watch, type FSWatcher } from 'chokidar';
import { basename, resolve } from 'node:path';
import type { Logger } from './logger.ts';

export interface WatchOptions {
  /** Quiet time after the last change before `onChange` runs: one reload for a burst of saves. */
  readonly debounceMs?: number;
  /**
   * Names (of files or directories below `dir`) whose changes are not reported: what the reader
   * skips too, so that an editor's swap file written every few seconds causes no reload at all.
   */
  readonly ignore?: (name: string) => boolean;
}

export interface DirectoryWatch {
  /** Resolves once the initial scan is done: changes from then on are reported. */
  readonly ready: Promise<void>;
  close(): Promise<void>;
}

export function watchDirectory(dir: string, onChange: () => void, log: Logger, options: WatchOptions = {}): DirectoryWatch {
  const debounceMs = options.debounceMs ?? 200;
  let timer: NodeJS.Timeout | null = null;
  const root = resolve(dir);
  const ignore = options.ignore;
  const watcher: FSWatcher = watch(dir, {
    // The files already there were just loaded; only what changes afterwards matters.
    ignoreInitial: true,
    // A file deleted and re-created within moments (an editor's save) is one change, not two.
    atomic: true,
    // Never the directory itself, whatever its name. A ConfigMap mount's hidden `..data` link is
    // skipped too: the swap of its target shows as a change of each top-level file linked through it.
    ...(ignore ? { ignored: (path: string) => resolve(path) !== root && ignore(basename(path)) } : {}),
  });
  watcher.on('all', () => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = null;
      onChange();
    }, debounceMs);
  });
  watcher.on('error', (err) => log.warn({ err }, 'knowledge watcher error'));
  const ready = new Promise<void>((resolve) => watcher.once('ready', () => resolve()));
  return {
    ready,
    async close() {
      if (timer) clearTimeout(timer);
      timer = null;
      await watcher.close();
    },
  };
}
