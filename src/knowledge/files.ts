/**
 * The knowledge directory as in-memory text, and reading it from disk.
 *
 * Everything after reading works on `KnowledgeFiles`, so tests and the benchmark can build a fact
 * base from strings without touching the disk.
 */
import type { Dirent } from 'node:fs';
import { readdir, readFile, readlink, stat } from 'node:fs/promises';
import { basename, isAbsolute, join, relative, resolve, sep } from 'node:path';
import type { KnowledgeIssue } from '../domain/types.ts';

export interface KnowledgeFiles {
  /**
   * How reported paths begin: the knowledge directory as a path that opens from where the command
   * ran (see `reportedRoot`), normally `knowledge`.
   */
  readonly root: string;
  /**
   * File text keyed by path inside the knowledge directory with `/` separators:
   * `sources.yaml`, `facts/sofrep.yaml`, `archive/sofrep.txt`.
   */
  readonly files: ReadonlyMap<string, string> | Readonly<Record<string, string>>;
  /**
   * What is in the directory but could not be read as a file, keyed like `files`, with why: each is
   * reported as a problem at its path (`facts/x.yaml`: "is a symbolic link to …, which does not exist").
   */
  readonly unreadable?: ReadonlyMap<string, string> | Readonly<Record<string, string>>;
}

/** The files at the top of the knowledge directory, each a list of one kind of entry. */
export const TOP_LEVEL_FILES = ['sources.yaml', 'places.yaml', 'claimants.yaml', 'disputes.yaml', 'events.yaml'] as const;

/**
 * Names that editors and operating systems leave beside the files they touch, anywhere in the
 * knowledge directory: hidden files (`.x.yaml.swp`, `.#x.yaml`, `.DS_Store`), backups (`x.yaml~`),
 * emacs autosaves (`#x.yaml#`), swap and temporary files (`x.swp`, `x.swo`, `x.tmp`) and the
 * `4913` vim writes to test a directory. They are never knowledge, so they are neither read nor
 * reported: having a file open in an editor must not fail the check.
 */
export function isEditorLitter(name: string): boolean {
  return name.startsWith('.') || name.endsWith('~') || /^#.*#$/.test(name) || /\.(sw[a-px]|tmp)$/i.test(name) || name === '4913';
}

/**
 * The knowledge directory as problems name it, so that `path:line` opens from where the command
 * ran: relative to the working directory when the directory is inside it (`knowledge`, run from
 * the project, whether given or the default), else absolute (`/srv/kb`, or the project's
 * knowledge/ when run from elsewhere). The checker, the bot's log, /reload and the preview page
 * all read the files through here, so they all name a file the same way.
 */
export function reportedRoot(dir: string, cwd: string = process.cwd()): string {
  const absolute = resolve(dir);
  const inside = relative(cwd, absolute);
  if (inside === '') return '.';
  if (inside === '..' || inside.startsWith(`..${sep}`) || isAbsolute(inside)) return absolute.split(sep).join('/');
  return inside.split(sep).join('/');
}

/**
 * Read every file the fact base is built from: the YAML files at the top (unknown ones too, so the
 * checker can say they are not read), everything in facts/ (anything but a facts file is a
 * problem there), and the .txt files in archive/. Editor litter is skipped everywhere.
 *
 * Symbolic links are followed, as a Kubernetes ConfigMap mount makes every file one. What is there
 * but cannot be read as a file (a link to nothing, a loop of links, a subfolder of facts/, a file
 * the process may not read) is listed in `unreadable`, for the loader to report with the rest.
 */
export async function readKnowledgeFiles(
  dir: string,
  cwd: string = process.cwd(),
): Promise<{ ok: true; files: KnowledgeFiles } | { ok: false; issues: KnowledgeIssue[] }> {
  const root = reportedRoot(dir, cwd);
  const top = await listDirectory(dir);
  if (top === null) {
    return { ok: false, issues: [{ path: root, line: 1, field: basename(dir), message: `knowledge directory not found: ${dir}` }] };
  }
  const names: string[] = [];
  const unreadable = new Map<string, string>();
  /** Take the `wanted` files of a listing; report what is wanted but unreadable, and subfolders if `subfolder` says why. */
  const take = (listing: Listing, prefix: string, wanted: (name: string) => boolean, subfolder: string | null) => {
    for (const [name, entry] of listing) {
      const path = `${prefix}${name}`;
      if (entry.kind === 'file') {
        if (wanted(name)) names.push(path);
      } else if (entry.kind === 'folder') {
        if (subfolder !== null) unreadable.set(path, subfolder);
      } else if (wanted(name) || subfolder !== null) {
        unreadable.set(path, entry.problem);
      }
    }
  };
  take(top, '', (name) => /\.ya?ml$/i.test(name), null);
  for (const [sub, wanted, subfolder] of [
    ['facts', () => true, SUBFOLDER],
    ['archive', (name: string) => name.endsWith('.txt'), null],
  ] as const) {
    const entry = top.get(sub);
    if (entry === undefined) continue; // no facts yet, or no archive: judged by what needs them
    if (entry.kind !== 'folder') {
      unreadable.set(sub, entry.kind === 'file' ? `is a file: ${sub}/ must be a folder` : entry.problem);
      continue;
    }
    const listing = await listDirectory(join(dir, sub));
    if (listing === null) unreadable.set(sub, 'could not be read (ENOENT)');
    else take(listing, `${sub}/`, wanted, subfolder);
  }
  names.sort();
  const texts = await Promise.all(
    names.map((name) =>
      readFile(join(dir, name), 'utf8').catch((error: unknown) => {
        unreadable.set(name, cannotRead(error));
        return null;
      }),
    ),
  );
  const files = new Map<string, string>();
  names.forEach((name, i) => {
    const text = texts[i];
    if (text !== null && text !== undefined) files.set(name, text);
  });
  return { ok: true, files: { root, files, unreadable } };
}

const SUBFOLDER =
  'is a folder: subfolders of facts/ are not read, so nothing in it is part of the fact base: ' +
  'move its facts files up into facts/, or keep drafts outside the knowledge directory';

/**
 * A directory's entries but editor litter, by name in name order: regular files and folders,
 * symbolic links counted as what they lead to, and for anything else (a link to nothing, a loop
 * of links, a socket) the problem to report.
 */
type Entry = { readonly kind: 'file' } | { readonly kind: 'folder' } | { readonly kind: 'problem'; readonly problem: string };
type Listing = ReadonlyMap<string, Entry>;

/** The directory's entries; null when `dir` does not exist or is not a directory. */
async function listDirectory(dir: string): Promise<Listing | null> {
  let dirents: Dirent[];
  try {
    dirents = await readdir(dir, { withFileTypes: true });
  } catch (error) {
    if (isNodeError(error) && (error.code === 'ENOENT' || error.code === 'ENOTDIR')) return null;
    throw error;
  }
  const entries = new Map<string, Entry>();
  for (const dirent of dirents.filter((d) => !isEditorLitter(d.name)).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    entries.set(dirent.name, dirent.isSymbolicLink() ? await linkEntry(join(dir, dirent.name)) : entryOf(dirent));
  }
  return entries;
}

function entryOf(stats: { isFile(): boolean; isDirectory(): boolean }): Entry {
  if (stats.isFile()) return { kind: 'file' };
  if (stats.isDirectory()) return { kind: 'folder' };
  return { kind: 'problem', problem: 'is not a regular file, so it is not read' };
}

/** What a symbolic link leads to (`fs.stat` follows links), or why it leads nowhere. */
async function linkEntry(path: string): Promise<Entry> {
  try {
    return entryOf(await stat(path));
  } catch (error) {
    const target = await readlink(path).catch(() => '?');
    const code = isNodeError(error) ? error.code : undefined;
    const problem =
      code === 'ENOENT'
        ? `is a symbolic link to ${target}, which does not exist: fix the link or remove it`
        : code === 'ELOOP'
          ? `is a symbolic link to ${target}, which leads round in a loop and never reaches a file: fix the link or remove it`
          : cannotRead(error);
    return { kind: 'problem', problem };
  }
}

function cannotRead(error: unknown): string {
  return `could not be read (${isNodeError(error) ? (error.code ?? error.message) : String(error)})`;
}

function isNodeError(error: unknown): error is NodeJS.ErrnoException {
  return error instanceof Error && 'code' in error;
}

export function fileEntries(files: KnowledgeFiles['files']): [string, string][] {
  return files instanceof Map ? [...files.entries()] : Object.entries(files);
}
