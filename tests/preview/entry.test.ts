/** `npm run preview` as a maintainer runs it: a process that serves the page, refuses to leave loopback unasked, and stops cleanly. */
import { spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const tsx = join(root, 'node_modules', '.bin', 'tsx');
const script = join(root, 'src', 'transports', 'preview', 'preview.ts');
const env = { ...process.env, SEARCH_CACHE_DIR: 'off', NO_COLOR: '1' };

describe('npm run preview', () => {
  it('refuses a host other than loopback unless PREVIEW_ALLOW_REMOTE says so', () => {
    const run = spawnSync(tsx, [script], { cwd: root, encoding: 'utf8', env: { ...env, PREVIEW_HOST: '0.0.0.0', PREVIEW_PORT: '0' }, timeout: 60_000 });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/^configuration: PREVIEW_HOST: is not a loopback address; .*PREVIEW_ALLOW_REMOTE=true/);
  });

  it('serves the page on loopback, loads the knowledge, and stops on SIGTERM', async () => {
    const child = spawn(tsx, [script], { cwd: root, env: { ...env, PREVIEW_HOST: '127.0.0.1', PREVIEW_PORT: '0', LOG_LEVEL: 'info' } });
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let out = '';
        child.stdout.on('data', (chunk: Buffer) => {
          out += chunk.toString();
          const listening = /"url":"(http:\/\/127\.0\.0\.1:\d+)"/.exec(out);
          if (listening) resolve(listening[1]!);
        });
        child.on('exit', (code) => reject(new Error(`exited ${code} before listening:\n${out}`)));
      });
      const page = await fetch(`${url}/`);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('<script type="module" src="/app.js"></script>');
      await expect.poll(async () => ((await (await fetch(`${url}/api/status`)).json()) as { health: unknown }).health, { timeout: 20_000 }).toMatchObject({ ok: true });
    } finally {
      const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
    }
  });
});
