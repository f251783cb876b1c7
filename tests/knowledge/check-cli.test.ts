/** `npm run knowledge:check`: exit codes and output, run as a real process. */
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { formatIssue, loadKnowledge } from '../../src/knowledge/load.ts';
import { mutate, PROJECT_DIR, VALID_DIR, validFiles, writeKnowledgeDir } from './helpers.ts';

const CLI = join(PROJECT_DIR, 'src/knowledge/check-cli.ts');
const TSX = pathToFileURL(join(PROJECT_DIR, 'node_modules/tsx/dist/loader.mjs')).href;
const LINE_FORMAT = /^[^:\s]+:\d+: \S+: .+$/;

/** Run the checker from an unrelated cwd, so nothing can depend on it. */
function check(...args: string[]) {
  return checkWith({}, ...args);
}

function checkWith(env: Record<string, string>, ...args: string[]) {
  const run = spawnSync(process.execPath, ['--import', TSX, CLI, ...args], { cwd: tmpdir(), encoding: 'utf8', env: { ...process.env, KNOWLEDGE_DIR: '', ...env } });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

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
    expect(checkWith({ KNOWLEDGE_DIR: broken }).code).toBe(1);
    // An explicit directory still wins.
    expect(checkWith({ KNOWLEDGE_DIR: broken }, VALID_DIR).code).toBe(0);
  });

  it('prints one path:line: field: message line per problem on stderr and exits 1', () => {
    let files = mutate(validFiles(), 'facts/beta-report.yaml', 'kind: attack', 'kind: atack');
    files = mutate(files, 'places.yaml', '  name: Ariha', '  name: Ain-Hawr');
    const result = check(writeKnowledgeDir(files));
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
    const result = check(writeKnowledgeDir(files));
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

  it("checks the project's knowledge/ when given no directory, whatever the cwd", async () => {
    const expected = await loadKnowledge();
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
