/** `npm run knowledge:check`: exit codes and output, run as a real process. */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { formatIssue, loadKnowledge } from '../../src/knowledge/load.ts';
import { mutate, PROJECT_DIR, VALID_DIR, validFiles, writeKnowledgeDir } from './helpers.ts';

const CLI = join(PROJECT_DIR, 'src/knowledge/check-cli.ts');
const TSX = pathToFileURL(join(PROJECT_DIR, 'node_modules/tsx/dist/loader.mjs')).href;
const LINE_FORMAT = /^[^:\s]+:\d+: \S+: .+$/;

/** Run the checker from `cwd` (by default an unrelated one, so nothing can depend on it). */
function checkFrom(cwd: string, args: readonly string[], env: Record<string, string> = {}) {
  // npm's variables of the run that started the tests, if any, are not the checker's.
  // Nor is a KNOWLEDGE_DIR set around the tests: each test says which directory it checks.
  const { INIT_CWD: _init, npm_lifecycle_event: _event, KNOWLEDGE_DIR: _dir, ...inherited } = process.env;
  const run = spawnSync(process.execPath, ['--import', TSX, CLI, ...args], { cwd, encoding: 'utf8', env: { ...inherited, ...env } });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

function check(...args: string[]) {
  return checkFrom(tmpdir(), args);
}

/** The path of each problem line. */
const pathsIn = (stderr: string) => stderr.trimEnd().split('\n').map((line) => line.slice(0, line.indexOf(':')));

describe('knowledge:check', () => {
  it('prints a summary and exits 0 on valid knowledge', () => {
    expect(check(VALID_DIR)).toEqual({
      code: 0,
      stdout: 'ok: 6 facts, 2 sources, 4 places, 3 claimants, 1 dispute, 2 events\n',
      stderr: '',
    });
  });

  it('checks KNOWLEDGE_DIR when given no directory, as the bot, ask and the preview read it', () => {
    const broken = writeKnowledgeDir(mutate(validFiles(), 'facts/beta-report.yaml', 'kind: attack', 'kind: atack'));
    expect(checkFrom(tmpdir(), [], { KNOWLEDGE_DIR: broken }).code).toBe(1);
    // An explicit directory still wins.
    expect(checkFrom(tmpdir(), [VALID_DIR], { KNOWLEDGE_DIR: broken }).code).toBe(0);
  });

  it('prints one path:line: field: message line per problem on stderr and exits 1', () => {
    let files = mutate(validFiles(), 'facts/beta-report.yaml', 'kind: attack', 'kind: atack');
    files = mutate(files, 'places.yaml', '  name: Ariha', '  name: Ain-Hawr');
    const dir = writeKnowledgeDir(files);
    const result = checkFrom(dirname(dir), ['knowledge']);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    const lines = result.stderr.trimEnd().split('\n');
    expect(lines).toEqual([
      'knowledge/facts/beta-report.yaml:7: facts[0].kind: must be one of patrol, attack, casualties, agreement, ' +
        'training, statement, military-action, humanitarian, context; got "atack"',
      'knowledge/places.yaml:15: places[2].name: "Ain-Hawr" collides with "Ain Hawr" of place ain-hawr ' +
        '(knowledge/places.yaml:9): both read as "ain hawr", so a user typing it could mean either',
    ]);
  });

  it('reports a YAML syntax error with its line', () => {
    const files = mutate(validFiles(), 'disputes.yaml', '  aspect: outcome', '  aspect: [outcome');
    const dir = writeKnowledgeDir(files);
    const result = checkFrom(dirname(dir), [dir]);
    expect(result.code).toBe(1);
    // The bracket opens on line 5; the parser finds it unclosed on line 6, and says so there.
    expect(result.stderr).toMatch(/^knowledge\/disputes\.yaml:6: disputes: YAML syntax error: Flow sequence in block collection must be sufficiently indented and end with a ]/);
    for (const line of result.stderr.trimEnd().split('\n')) expect(line).toMatch(LINE_FORMAT);
  });

  it('exits 1 without a stack trace when the directory does not exist', () => {
    const result = check(join(tmpdir(), 'no-such-knowledge-dir'));
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      `no-such-knowledge-dir:1: no-such-knowledge-dir: knowledge directory not found: ${join(tmpdir(), 'no-such-knowledge-dir')}\n`,
    );
  });

  it('names each file so that it opens from where the checker ran: relative inside it, else absolute', () => {
    const dir = writeKnowledgeDir(mutate(validFiles(), 'places.yaml', '  name: Ariha', '  name: Ain-Hawr'));
    const parent = dirname(dir);
    const elsewhere = mkdtempSync(join(tmpdir(), 'knowledge-check-elsewhere-'));
    try {
      for (const [cwd, arg, path] of [
        [parent, 'knowledge', 'knowledge/places.yaml'],
        [parent, dir, 'knowledge/places.yaml'],
        [dir, '.', './places.yaml'],
        [join(dir, 'facts'), '..', `${dir}/places.yaml`],
        [elsewhere, dir, `${dir}/places.yaml`],
      ] as const) {
        const result = checkFrom(cwd, [arg]);
        expect(pathsIn(result.stderr), `from ${cwd}, checking ${arg}`).toEqual([path]);
        expect(existsSync(resolve(cwd, path))).toBe(true);
      }
    } finally {
      rmSync(elsewhere, { recursive: true, force: true });
    }
  });

  it('under npm run, takes and names paths from the directory the command was typed in', () => {
    const dir = writeKnowledgeDir(mutate(validFiles(), 'places.yaml', '  name: Ariha', '  name: Ain-Hawr'));
    // npm runs scripts from the project root and says in INIT_CWD where the command was typed.
    const result = checkFrom(PROJECT_DIR, ['knowledge'], { npm_lifecycle_event: 'knowledge:check', INIT_CWD: dirname(dir) });
    expect(pathsIn(result.stderr)).toEqual(['knowledge/places.yaml']);
  });

  it("checks the project's knowledge/ when given no directory, whatever the cwd", async () => {
    const expected = await loadKnowledge(undefined, { cwd: tmpdir() });
    const result = check();
    if (expected.ok) {
      expect(result.code).toBe(0);
      expect(result.stdout).toMatch(new RegExp(`^ok: ${expected.base.facts.length} facts?, ${expected.base.sources.length} sources?`));
    } else {
      expect(result.code).toBe(1);
      expect(result.stderr.trimEnd().split('\n')).toEqual(expected.issues.map(formatIssue));
    }
  });
});
