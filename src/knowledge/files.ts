/**
 * The knowledge directory as in-memory text, and reading it from disk.
 *
 * Everything after reading works on `KnowledgeFiles`, so tests and the benchmark can build a fact
 * base from strings without touching the disk.
 */
import { readdir, readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { KnowledgeIssue } from '../domain/types.ts';

export interface KnowledgeFiles {
  /** How reported paths begin: the knowledge directory's own name, normally `knowledge`. */
  readonly root: string;
  /**
   * File text keyed by path inside the knowledge directory with `/` separators:
   * `sources.yaml`, `facts/sofrep.yaml`, `archive/sofrep.txt`.
   */
  readonly files: ReadonlyMap<string, string> | Readonly<Record<string, string>>;
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
 * Read every file the fact base is built from: the YAML files at the top (unknown ones too, so the
 * checker can say they are not read), everything in facts/ (anything but a facts file is a
 * problem there), and the .txt files in archive/. Editor litter is skipped everywhere.
 */
export async function readKnowledgeFiles(
  dir: string,
): Promise<{ ok: true; files: KnowledgeFiles } | { ok: false; issues: KnowledgeIssue[] }> {
  const root = basename(dir);
  const top = await listFiles(dir);
  if (top === null) {
    return { ok: false, issues: [{ path: root, line: 1, field: root, message: `knowledge directory not found: ${dir}` }] };
  }
  const names = [
    ...top.filter((name) => /\.ya?ml$/i.test(name)),
    ...((await listFiles(join(dir, 'facts'))) ?? []).map((name) => `facts/${name}`),
    ...((await listFiles(join(dir, 'archive'))) ?? []).filter((name) => name.endsWith('.txt')).map((name) => `archive/${name}`),
  ];
  const texts = await Promise.all(names.map((name) => readFile(join(dir, name), 'utf8')));
  return { ok: true, files: { root, files: new Map(names.map((name, i) => [name, texts[i]!])) } };
}

/** Names of the regular files in `dir` but editor litter, sorted; null when `dir` does not exist. */
async function listFiles(dir: string): Promise<string[] | null> {
  try {
    const entries = await readdir(dir, { withFileTypes: true });
    return entries
      .filter((entry) => entry.isFile() && !isEditorLitter(entry.name))
      .map((entry) => entry.name)
      .sort();
  } catch (error) {
    if (isNodeError(error) && (error.code === 'ENOENT' || error.code === 'ENOTDIR')) return null;
    throw error;
  }
}

function isNodeError(error: unknown): error is NodeJS.ErrnoException {
  return error instanceof Error && 'code' in error;
}

export function fileEntries(files: KnowledgeFiles['files']): [string, string][] {
  return files instanceof Map ? [...files.entries()] : Object.entries(files);
}
