/**
 * Sharding end to end against the Discord test server, which recommends two shards and puts its
 * guild on shard 1 (DMs always reach shard 0): `npm start`'s client runs both shards in one
 * process, SHARD_COUNT/SHARD_IDS split them over two clients, and `npm run start:sharded` runs
 * them as two processes under discord.js's ShardingManager. Each answers on both shards.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { Events, InteractionResponseType } from 'discord.js';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { parseConfig } from '../../src/runtime/config.ts';
import { KnowledgeStore } from '../../src/runtime/knowledge-store.ts';
import { createLogger } from '../../src/runtime/logger.ts';
import { createMetrics, type Metrics } from '../../src/runtime/metrics.ts';
import { createBot, type Bot } from '../../src/transports/discord/bot.ts';
import { deployCommands } from '../../src/transports/discord/deploy.ts';
import { shardOptions } from '../../src/transports/discord/sharding.ts';
import { startDiscordServer, type DiscordServer } from '../discord-server/index.ts';

const log = createLogger({ level: 'silent' });
let store: KnowledgeStore;
let server: DiscordServer;
const bots: Bot[] = [];

beforeAll(async () => {
  store = new KnowledgeStore(undefined, log);
  expect((await store.reload()).ok).toBe(true);
});

afterEach(async () => {
  await Promise.all(bots.splice(0).map((bot) => bot.stop()));
  await server?.close();
});

async function startServer(): Promise<DiscordServer> {
  server = await startDiscordServer({ shards: 2, heartbeatIntervalMs: 1_000 });
  // Global commands, so that they can be used in a DM as well as in the guild.
  await deployCommands(parseConfig({ DISCORD_TOKEN: server.token, DISCORD_APPLICATION_ID: server.applicationId, DISCORD_API_URL: server.apiUrl }));
  expect(Number((BigInt(server.guild.id) >> 22n) % 2n)).toBe(1);
  return server;
}

async function startBot(env: Record<string, string>, metrics: Metrics = createMetrics()): Promise<Bot> {
  const bot = createBot({ token: server.token, apiUrl: server.apiUrl, store, log, metrics, shards: shardOptions(parseConfig(env), {}) });
  bots.push(bot);
  const ready = new Promise<void>((resolve) => bot.client.once(Events.ClientReady, () => resolve()));
  await bot.start();
  await ready;
  return bot;
}

/** Asks /patrol 22 in the guild (shard 1) and in a DM (shard 0); both must be answered. */
async function answersOnBothShards(): Promise<void> {
  for (const invoker of [{}, { dm: true }]) {
    const r = await server.slashCommand('patrol', { number: 22 }, invoker);
    expect(r.timedOut).toBe(false);
    // A process still loading its fact base defers; either way the user ends up with the answer.
    expect([InteractionResponseType.ChannelMessageWithSource, InteractionResponseType.DeferredChannelMessageWithSource]).toContain(r.initial?.type);
    expect(JSON.stringify(await r.waitForMessage())).toContain('## Patrol 22 · ');
  }
}

const identifiedShards = () => server.identifies.filter((i) => i.accepted).map((i) => i.shard).sort();

describe('sharding', () => {
  it('npm start runs the recommended number of shards in one process and answers on each', async () => {
    await startServer();
    const metrics = createMetrics();
    const bot = await startBot({}, metrics);
    expect(identifiedShards()).toEqual([[0, 2], [1, 2]]);
    expect([...bot.client.ws.shards.keys()].sort()).toEqual([0, 1]);
    await answersOnBothShards();
    // The gateway transport counts what it answered, as the HTTP endpoint does (once discord.js saw the reply go out).
    await vi.waitFor(async () => expect((await metrics.render()).body).toMatch(/^m4_interactions_total\{kind="command",command="patrol",outcome="message"\} 2$/m));
  });

  it('SHARD_COUNT and SHARD_IDS split the shards over processes, each answering for its own', async () => {
    await startServer();
    const [first, second] = [await startBot({ SHARD_COUNT: '2', SHARD_IDS: '0' }), await startBot({ SHARD_COUNT: '2', SHARD_IDS: '1' })];
    expect(identifiedShards()).toEqual([[0, 2], [1, 2]]);
    const seen = { first: 0, second: 0 };
    first!.client.on(Events.InteractionCreate, () => seen.first++);
    second!.client.on(Events.InteractionCreate, () => seen.second++);
    await answersOnBothShards();
    // The guild's interaction reached the process running shard 1, the DM the one running shard 0.
    expect(seen).toEqual({ first: 1, second: 1 });
  });
});

describe('npm run start:sharded', () => {
  const ROOT = fileURLToPath(new URL('../..', import.meta.url));
  let stop: (() => Promise<number | null>) | undefined;
  afterAll(async () => {
    await stop?.();
  });

  it('runs each shard in a process of its own under the ShardingManager, and stops them all on SIGTERM', async () => {
    await startServer();
    const child = spawn(join(ROOT, 'node_modules', '.bin', 'tsx'), [join(ROOT, 'src', 'transports', 'discord', 'sharded.ts')], {
      // An empty working directory, so that no developer's .env is read.
      cwd: mkdtempSync(join(tmpdir(), 'sharded-test-')),
      env: {
        PATH: process.env.PATH ?? '',
        HOME: process.env.HOME ?? '',
        DISCORD_TOKEN: server.token,
        DISCORD_API_URL: server.apiUrl,
        SEARCH_CACHE_DIR: 'off',
        LOG_LEVEL: 'info',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    stop = async () => {
      if (child.exitCode === null) child.kill('SIGTERM');
      return exited;
    };
    const lines: Array<Record<string, unknown>> = [];
    createInterface({ input: child.stdout! }).on('line', (line) => {
      try {
        lines.push(JSON.parse(line) as Record<string, unknown>);
      } catch {
        lines.push({ msg: line });
      }
    });
    let stderr = '';
    child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));

    // Shards start 5.5 s apart (Discord's identify rate), each a fresh tsx process: allow a minute.
    const deadline = Date.now() + 60_000;
    while (!lines.some((l) => l.msg === 'every shard is connected')) {
      if (child.exitCode !== null) throw new Error(`start:sharded exited (${child.exitCode}): ${stderr}`);
      if (Date.now() > deadline) throw new Error(`the shards did not all connect: ${JSON.stringify(lines)} ${stderr}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(identifiedShards()).toEqual([[0, 2], [1, 2]]);
    // Two clients, one shard each: two processes (one client per process). A child's own log line
    // may reach us after the manager's, so wait for both rather than read them once.
    await vi.waitFor(() => expect(lines.filter((l) => l.msg === 'connected to Discord').map((l) => l.shards).sort()).toEqual([[0], [1]]), { timeout: 10_000 });
    await answersOnBothShards();

    expect(await stop()).toBe(0);
    // Both shard processes went with it: their gateway connections close.
    const closing = Date.now() + 20_000;
    while (server.connections.some((c) => c.closedAt === null)) {
      if (Date.now() > closing) throw new Error('a shard process outlived the manager');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  });
});
