/**
 * The `ask` CLI as a user runs it: spawned as a process, exit codes and output checked.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answer } from '../../src/answers/index.ts';
import type { FactBase } from '../../src/domain/types.ts';
import { renderDiscord } from '../../src/render/discord.ts';
import { pictureFor } from '../../src/render/picture.ts';
import type { KnowledgeIndex } from '../../src/search/types.ts';
import { realIndex } from '../fixtures/real.ts';
import { payloadProblems } from '../render/discord-limits.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
const tsx = join(root, 'node_modules', '.bin', 'tsx');
const script = join(root, 'src', 'transports', 'terminal', 'ask.ts');

function ask(args: readonly string[], env: Record<string, string> = {}) {
  const run = spawnSync(tsx, [script, ...args], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, ...env, NO_COLOR: '1' },
    timeout: 60_000,
  });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

/** No stack trace: no "    at fn (file:line)" frames, no "Error:" dumps. */
function expectNoStackTrace(text: string) {
  expect(text).not.toMatch(/^\s+at .+[:(]/m);
  expect(text).not.toMatch(/node:internal/);
}

let index: KnowledgeIndex;
let base: FactBase;
beforeAll(async () => {
  index = await realIndex();
  base = index.base;
});

describe('npm run ask', () => {
  it('prints the card, then its quotes & sources and its disputes, as terminal text, and exits 0', () => {
    const run = ask(['/patrol 22']);
    expect(run.code).toBe(0);
    expect(run.stdout.startsWith('Patrol 22 · ')).toBe(true);
    const event = base.events.find((e) => e.patrol?.number === 22)!;
    const text = run.stdout.replace(/\s+/g, ' ');
    expect(text).toContain(event.summary.text);
    for (const id of event.reports) expect(text).toContain(base.factById.get(id)!.quote.replace(/\s+/g, ' '));
    expect(text).toContain('quotes & sources');
    expect(text).toContain('Where the sources differ');
    expect(run.stdout).not.toMatch(/\*\*|\\_/);
  });

  it('takes the command as separate words too', () => {
    const run = ask(['/where', 'place:Ain', 'Hawr']);
    expect(run.code).toBe(0);
    expect(run.stdout.startsWith('📍 Ain Hawr\n')).toBe(true);
  });

  it('--json prints exactly the first message the bot sends, flags and components included', () => {
    const run = ask(['--json', '/patrol 22']);
    expect(run.code).toBe(0);
    const body = JSON.parse(run.stdout);
    expect(body.allowed_mentions).toEqual({ parse: [] });
    expect(payloadProblems(body)).toEqual([]);
    const expected = renderDiscord(answer(index, { command: 'patrol', number: 22 }));
    expect(body).toEqual(JSON.parse(JSON.stringify(expected)));
  });

  it('--png writes the card’s picture, the same bytes the bot uploads; --json lists it under attachments', () => {
    const dir = mkdtempSync(join(tmpdir(), 'm4-ask-png-'));
    try {
      const file = join(dir, 'timeline.png');
      const run = ask(['--json', '--png', file, '/timeline']);
      expect(run.code).toBe(0);
      const picture = pictureFor(index, answer(index, { command: 'timeline' }))!;
      expect(readFileSync(file).equals(picture.png())).toBe(true);
      expect(run.stderr).toContain(`wrote ${file}`);
      const body = JSON.parse(run.stdout);
      expect(body.attachments).toEqual([{ id: 0, filename: picture.name, description: picture.description }]);
      expect(payloadProblems(body)).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('--png for a card without a picture says so and exits 2, writing nothing', () => {
    const dir = mkdtempSync(join(tmpdir(), 'm4-ask-png-'));
    try {
      const run = ask(['--png', join(dir, 'x.png'), '/patrol 22']);
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(/has no picture/);
      expect(existsSync(join(dir, 'x.png'))).toBe(false);
      expectNoStackTrace(run.stderr);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('exits 0 when nothing is found', () => {
    const missing = Math.max(0, ...base.events.flatMap((e) => (e.patrol ? [e.patrol.number] : []))) + 1;
    const run = ask([`/patrol ${missing}`]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`no record of patrol ${missing}`);
    const search = ask(['/search xylophone quasar']);
    expect(search.code).toBe(0);
    expect(search.stdout).toContain('No facts match');
  });

  it('exits 0 with the explanation for a date it cannot read (an answered command)', () => {
    const run = ask(['/attacks from:2020-09 to:2020-07']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('is after the to date');
  });

  it.each([
    [['/frobnicate'], 'There is no command /frobnicate.'],
    [['/patrol abc'], 'number must be a whole number from 1 to 999'],
    [['/patrol 1000'], 'number must be a whole number from 1 to 999'],
    [['/attacks since:2020'], '/attacks has no option since'],
    [['/where'], '/where needs place'],
    [[], 'usage: npm run ask'],
    [['--jsn', '/help'], 'unknown flag --jsn'],
    [['--page', '2', '/timeline'], 'unknown flag --page'],
  ])('exits 2 with a usage line: %j', (args, message) => {
    const run = ask(args);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain(message);
    expect(run.stderr).toContain('usage:');
    expectNoStackTrace(run.stderr);
  });

  describe('on knowledge files with problems', () => {
    let dir: string;
    beforeAll(() => {
      dir = mkdtempSync(join(tmpdir(), 'ask-broken-'));
      cpSync(join(root, 'knowledge'), join(dir, 'knowledge'), { recursive: true });
      writeFileSync(join(dir, 'knowledge', 'places.yaml'), '- id: Not A Slug\n  name: x\n');
    });
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    it('prints each problem as path:line: field: message and exits 1', () => {
      const run = ask(['/help'], { KNOWLEDGE_DIR: join(dir, 'knowledge') });
      expect(run.code).toBe(1);
      // Run from the project, the directory outside it is named in full: the path opens from anywhere.
      expect(run.stderr.split('\n')).toContainEqual(expect.stringMatching(/^\/.+\/knowledge\/places\.yaml:\d+: [\w.[\]]+: .+$/));
      expect(run.stderr).toContain(`${join(dir, 'knowledge', 'places.yaml')}:`);
      expectNoStackTrace(run.stderr);
    });

    it('reads KNOWLEDGE_DIR from the .env of the directory it runs in, as the bot does', () => {
      writeFileSync(join(dir, '.env'), 'KNOWLEDGE_DIR=knowledge\n');
      const { KNOWLEDGE_DIR: _unset, ...env } = process.env;
      const run = spawnSync(tsx, [script, '/help'], { cwd: dir, encoding: 'utf8', env: { ...env, NO_COLOR: '1' }, timeout: 60_000 });
      expect(run.status).toBe(1);
      expect(run.stderr).toMatch(/^knowledge\/places\.yaml:\d+: /m);
    });
  });
});
