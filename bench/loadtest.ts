/**
 * `npm run loadtest`: drives `npm run serve` on 127.0.0.1 with signed interactions (slash commands,
 * autocomplete, and presses of the components the bot answered with) at several concurrencies,
 * each for a bounded time, and prints requests per second and latency percentiles.
 *
 *   npm run loadtest                                  1, 8, 32 and 64 at once, 10 s each
 *   npm run loadtest -- --concurrency=1,16 --seconds=5
 *
 * Everything stays on this machine: the endpoint listens on 127.0.0.1, and deferred answers go to a
 * stand-in for Discord's API, also on 127.0.0.1. Nothing is sent anywhere else.
 */
import { spawn } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { Agent, createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { InteractionResponseType } from 'discord.js';
import { loadKnowledge } from '../src/knowledge/load.ts';
import { LoadMix, type RequestKind, type SignedRequest } from './load-mix.ts';
import { machineInfo } from './machine.ts';
import { createRandom } from './prng.ts';
import { percentile, round } from './stats.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SEED = 20200305;
/** A hard stop per level, whatever --seconds says. */
const MAX_SECONDS = 120;
const MAX_REQUESTS_PER_LEVEL = 500_000;
/** How long after the last level the deferred answers' edits may take to arrive. */
const FOLLOW_UP_WAIT_MS = 10_000;

function parseArgs(argv: readonly string[]) {
  const value = (name: string) => argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
  const levels = (value('concurrency') ?? '1,8,32,64').split(',').map(Number);
  const seconds = Number(value('seconds') ?? 10);
  if (levels.some((n) => !Number.isInteger(n) || n < 1 || n > 256)) throw new Error('--concurrency takes whole numbers from 1 to 256');
  if (!(seconds > 0 && seconds <= MAX_SECONDS)) throw new Error(`--seconds takes a number from 1 to ${MAX_SECONDS}`);
  return { levels, seconds };
}

/** Discord's API as far as deferred answers need it: every follow-up edit is accepted. */
async function startApiSink(): Promise<{ url: string; close(): void; received: () => number }> {
  let received = 0;
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      received++;
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"id":"1600000000000000007","channel_id":"1500000000000000005","type":20}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/api`,
    close: () => {
      server.closeAllConnections();
      server.close();
    },
    received: () => received,
  };
}

/** `npm run serve` as a child process, with the load test's public key; resolves with its base URL once it has loaded the knowledge. */
async function startServe(publicKeyHex: string, apiUrl: string): Promise<{ url: string; stop(): Promise<void> }> {
  const child = spawn(process.execPath, ['--import', import.meta.resolve('tsx'), 'src/transports/http/serve.ts'], {
    cwd: ROOT,
    env: { ...process.env, DISCORD_PUBLIC_KEY: publicKeyHex, DISCORD_API_URL: apiUrl, HOST: '127.0.0.1', PORT: '0', LOG_LEVEL: 'info' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  let url: string | undefined;
  await new Promise<void>((resolve, reject) => {
    child.on('exit', (code) => reject(new Error(`npm run serve exited (${code}) before it was ready`)));
    createInterface({ input: child.stdout! }).on('line', (line) => {
      let entry: { msg?: string; url?: string; level?: string };
      try {
        entry = JSON.parse(line) as typeof entry;
      } catch {
        return;
      }
      if (entry.url) url = entry.url.replace(/\/interactions$/, '');
      if (entry.msg === 'knowledge loaded' && url) resolve();
      // Warnings (refusals, failed follow-ups) matter to the reader of the results.
      if (entry.level === 'warn' || entry.level === 'error' || entry.level === 'fatal') console.error(line);
    });
  });
  const { hostname } = new URL(url!);
  if (hostname !== '127.0.0.1') throw new Error(`refusing to load anything but 127.0.0.1 (got ${hostname})`);
  return {
    url: url!,
    async stop() {
      child.kill('SIGTERM');
      await exited;
    },
  };
}

interface Outcome {
  readonly kind: RequestKind;
  readonly ms: number;
  readonly status: number;
}

function post(agent: Agent, url: string, signed: SignedRequest): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = request(`${url}/interactions`, { method: 'POST', agent, headers: { ...signed.headers, 'content-length': Buffer.byteLength(signed.body) } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(signed.body);
  });
}

/** Answers acknowledged as deferred (a message's "thinking…" or a press's update), which the server must finish through the stand-in API. */
let deferred = 0;
const DEFERRED_TYPES = new Set([InteractionResponseType.DeferredChannelMessageWithSource, InteractionResponseType.DeferredMessageUpdate]);

async function runLevel(url: string, mix: LoadMix, concurrency: number, seconds: number): Promise<{ outcomes: Outcome[]; wallMs: number; errors: number }> {
  const agent = new Agent({ keepAlive: true, maxSockets: concurrency });
  const outcomes: Outcome[] = [];
  let errors = 0;
  const started = performance.now();
  const deadline = started + seconds * 1000;
  const worker = async () => {
    while (performance.now() < deadline && outcomes.length + errors < MAX_REQUESTS_PER_LEVEL) {
      const signed = mix.next();
      const sent = performance.now();
      try {
        const { status, text } = await post(agent, url, signed);
        outcomes.push({ kind: signed.kind, ms: performance.now() - sent, status });
        if (status === 200) {
          const response = JSON.parse(text) as { type: InteractionResponseType };
          mix.harvest(response, signed.userId);
          if (DEFERRED_TYPES.has(response.type)) deferred++;
        }
      } catch {
        errors++;
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  const wallMs = performance.now() - started;
  agent.destroy();
  return { outcomes, wallMs, errors };
}

const fmt = (ms: number) => `${round(ms)} ms`;

async function main() {
  const { levels, seconds } = parseArgs(process.argv.slice(2));
  const loaded = await loadKnowledge();
  if (!loaded.ok) throw new Error('the knowledge files do not load: run npm run knowledge:check');
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  const publicKeyHex = Buffer.from(publicKey.export({ format: 'jwk' }).x!, 'base64url').toString('hex');
  const sink = await startApiSink();
  const serve = await startServe(publicKeyHex, sink.url);
  const mix = new LoadMix(privateKey, createRandom(SEED), loaded.base);
  const machine = machineInfo();
  console.log(`npm run serve at ${serve.url}; ${machine.cores} cores (${machine.cpu}), Node ${machine.node}, load average ${machine.loadAverage}`);
  console.log(`mix: half slash commands, a quarter autocomplete, a quarter presses of components from earlier answers; ${seconds} s per level\n`);
  try {
    // A short warm-up fills the pool of components to press and lets the JIT settle.
    await runLevel(serve.url, mix, 4, Math.min(2, seconds));
    const rows: string[][] = [];
    for (const concurrency of levels) {
      const { outcomes, wallMs, errors } = await runLevel(serve.url, mix, concurrency, seconds);
      const ms = outcomes.map((o) => o.ms);
      const byKind = (kind: RequestKind) => outcomes.filter((o) => o.kind === kind).map((o) => o.ms);
      const not200 = outcomes.filter((o) => o.status !== 200).length;
      rows.push([
        String(concurrency),
        String(outcomes.length),
        String(Math.round((outcomes.length / wallMs) * 1000)),
        fmt(percentile(ms, 50)),
        fmt(percentile(ms, 90)),
        fmt(percentile(ms, 99)),
        fmt(Math.max(...ms)),
        `${fmt(percentile(byKind('command'), 99))} / ${fmt(percentile(byKind('autocomplete'), 99))} / ${fmt(percentile(byKind('component'), 99))}`,
        String(not200 + errors),
      ]);
    }
    const header = ['concurrency', 'requests', 'req/s', 'p50', 'p90', 'p99', 'max', 'p99 command / autocomplete / press', 'not 200'];
    const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
    const line = (cells: readonly string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
    console.log([line(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.map(line)].join('\n'));
    // The edits finishing deferred answers may still be on their way: wait for them, a little.
    const waitUntil = performance.now() + FOLLOW_UP_WAIT_MS;
    while (sink.received() < deferred && performance.now() < waitUntil) await new Promise((resolve) => setTimeout(resolve, 50));
    console.log(`\ncomponents pressed came from ${mix.poolSize} remembered; deferred answers: ${deferred} acknowledged, ${sink.received()} finished by an edit`);
  } finally {
    await serve.stop();
    sink.close();
  }
}

await main();
