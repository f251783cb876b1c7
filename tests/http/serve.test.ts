/**
 * `npm run serve` as a process: configuration errors are one clear line and exit code 1; with a
 * key it logs where it listens, becomes healthy once the knowledge is loaded, answers a signed
 * PING and stops cleanly on SIGTERM.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { ping } from './payloads.ts';
import { SignedClient, testKeys } from './signed-client.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const TSX = join(ROOT, 'node_modules', '.bin', 'tsx');
const ENTRY = join(ROOT, 'src', 'transports', 'http', 'serve.ts');
// An empty working directory, so that no developer's .env is picked up.
const CWD = mkdtempSync(join(tmpdir(), 'serve-test-'));

const children: ChildProcess[] = [];
afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
});

function serve(env: Record<string, string>) {
  const child = spawn(TSX, [ENTRY], {
    cwd: CWD,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? CWD, DISCORD_PUBLIC_KEY: '', PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const lines: Array<Record<string, unknown>> = [];
  const waiters: Array<() => void> = [];
  createInterface({ input: child.stdout! }).on('line', (line) => {
    try {
      lines.push(JSON.parse(line) as Record<string, unknown>);
    } catch {
      lines.push({ msg: line });
    }
    for (const wake of waiters.splice(0)) wake();
  });
  child.on('exit', () => {
    for (const wake of waiters.splice(0)) wake();
  });
  async function logLine(match: (line: Record<string, unknown>) => boolean): Promise<Record<string, unknown>> {
    for (;;) {
      const found = lines.find(match);
      if (found) return found;
      if (child.exitCode !== null) throw new Error(`serve exited (${child.exitCode}) before logging it: ${stderr}`);
      await new Promise<void>((resolve) => waiters.push(resolve));
    }
  }
  return { child, exited, stderr: () => stderr, logLine };
}

describe('npm run serve', () => {
  it('exits 1 with one clear line when DISCORD_PUBLIC_KEY is missing', async () => {
    const run = serve({});
    expect(await run.exited).toBe(1);
    const lines = run.stderr().trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^configuration: DISCORD_PUBLIC_KEY: missing/);
  });

  it('exits 1 with one clear line when DISCORD_PUBLIC_KEY is malformed', async () => {
    const run = serve({ DISCORD_PUBLIC_KEY: 'not-a-key' });
    expect(await run.exited).toBe(1);
    const lines = run.stderr().trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^configuration: DISCORD_PUBLIC_KEY: must be 64 hex characters/);
  });

  it('listens, becomes healthy, answers a signed PING and stops on SIGTERM', async () => {
    const keys = testKeys();
    const run = serve({ DISCORD_PUBLIC_KEY: keys.publicKeyHex });
    const listening = await run.logLine((l) => typeof l.url === 'string');
    expect(listening.msg).toMatch(/^listening on http:\/\/127\.0\.0\.1:\d+/);
    const base = String(listening.url).replace(/\/interactions$/, '');

    await run.logLine((l) => l.msg === 'knowledge loaded');
    const health = await fetch(`${base}/healthz`);
    expect(health.status).toBe(200);
    expect(((await health.json()) as { status: string }).status).toBe('ok');

    const pong = await new SignedClient(base, keys).post(ping());
    expect(pong.json).toEqual({ type: 1 });

    run.child.kill('SIGTERM');
    expect(await run.exited).toBe(0);
    expect(run.stderr()).toBe('');
    await run.logLine((l) => l.msg === 'stopped');
  });
});
