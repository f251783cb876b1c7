/**
 * Test helpers: the valid fixture as in-memory files, one-line mutations of it, and writing a
 * knowledge directory to a temp dir for the disk loader and the CLI.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, expect, it } from 'vitest';
import type { KnowledgeIssue } from '../../src/domain/types.ts';
import { buildFactBase } from '../../src/knowledge/load.ts';

export const VALID_DIR = fileURLToPath(new URL('./fixtures/valid/knowledge', import.meta.url));
export const PROJECT_DIR = fileURLToPath(new URL('../../', import.meta.url));

export type Files = Map<string, string>;

/** The valid fixture, keyed by path inside the knowledge directory. */
export function validFiles(): Files {
  const files: Files = new Map();
  const walk = (dir: string, prefix: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.isDirectory()) walk(join(dir, entry.name), `${prefix}${entry.name}/`);
      else files.set(`${prefix}${entry.name}`, readFileSync(join(dir, entry.name), 'utf8'));
    }
  };
  walk(VALID_DIR, '');
  return files;
}

/** A copy of `files` with `from` (which must occur exactly once in `name`) replaced by `to`. */
export function mutate(files: Files, name: string, from: string, to: string): Files {
  const text = files.get(name);
  if (text === undefined) throw new Error(`no file ${name}`);
  const at = text.indexOf(from);
  if (at < 0 || text.indexOf(from, at + 1) >= 0) throw new Error(`"${from}" must occur exactly once in ${name}`);
  return new Map(files).set(name, text.slice(0, at) + to + text.slice(at + from.length));
}

/** The 1-based line of the only line of `name` containing `needle`. */
export function lineIn(files: Files, name: string, needle: string): number {
  const lines = files.get(name)!.split('\n');
  const found = lines.flatMap((line, i) => (line.includes(needle) ? [i + 1] : []));
  if (found.length !== 1) throw new Error(`"${needle}" is on ${found.length} lines of ${name}`);
  return found[0]!;
}

/** Build from `files` and return the issues, failing the test if the base was accepted. */
export function issuesOf(files: Files): KnowledgeIssue[] {
  const result = buildFactBase({ root: 'knowledge', files });
  if (result.ok) expect.fail('expected the knowledge to be rejected, but it loaded');
  return result.issues;
}

/** A change to the valid fixture: `from` (which must occur once in `file`) becomes `to`. */
export interface Change {
  readonly file: string;
  readonly from: string;
  readonly to: string;
}

/**
 * One rule broken once in the valid fixture: `from` (once in `file`) becomes `to`, giving this one
 * issue, reported in `file` unless `in` names another file (a fact changed, its event blamed).
 */
export interface BrokenRule extends Change {
  readonly rule: string;
  readonly in?: string;
  readonly line: number;
  readonly field: string;
  readonly message: string;
}

/** One test per case: the fixture with that one change is rejected with exactly the issue expected. */
export function itReportsEach(cases: readonly BrokenRule[]): void {
  for (const { rule, file, from, to, in: reportedIn = file, line, field, message } of cases) {
    it(`reports it when ${rule}`, () => {
      expect(issuesOf(mutate(validFiles(), file, from, to))).toEqual([{ path: `knowledge/${reportedIn}`, line, field, message }]);
    });
  }
}

const tempDirs: string[] = [];
// Registered in whichever test file imports these helpers: its temp dirs go when it ends.
afterAll(() => {
  for (const dir of tempDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** Write `files` to a fresh `<tmp>/knowledge` directory and return its path. */
export function writeKnowledgeDir(files: Files): string {
  const parent = mkdtempSync(join(tmpdir(), 'knowledge-test-'));
  tempDirs.push(parent);
  const dir = join(parent, 'knowledge');
  for (const [name, text] of files) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}
