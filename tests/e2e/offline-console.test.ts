import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));

/** `npm start` without a token, as a newcomer runs it, with commands piped in. */
function start(input: string) {
  return spawnSync(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: root,
    input,
    encoding: 'utf8',
    // An empty DISCORD_TOKEN wins over any .env a developer has: dotenv never overrides.
    env: { ...process.env, DISCORD_TOKEN: '', LOG_LEVEL: 'silent' },
    timeout: 60_000,
  });
}

describe('npm start without a token', () => {
  it('says so in one line and answers piped commands as terminal text, then exits', () => {
    const run = start('/patrol 22\n/where Ain al-Hawr\n');
    expect(run.status).toBe(0);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(/DISCORD_TOKEN is not set/);
    expect(run.stdout).toMatch(/^Patrol 22 · /m);
    expect(run.stdout).toMatch(/Ain Hawr/);
    expect(run.stdout).not.toMatch(/\*\*|<@|```/); // terminal text, no Discord markup
  });

  it('explains an unknown command and carries on', () => {
    const run = start('/bogus\n/help\n');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/bogus/i);
    expect(run.stdout).toMatch(/\/patrol/);
    expect(run.stdout).not.toMatch(/at .*\.ts:\d+/); // no stack trace
  });
});
