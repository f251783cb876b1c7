/**
 * Starts the real bot (src/transports/discord/bot.ts, the real discord.js client) against the
 * Discord-compatible test server, with its own copy of the knowledge files so a test can break
 * them while the bot runs.
 */
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { Events } from 'discord.js';
import { DEFAULT_KNOWLEDGE_DIR } from '../../src/knowledge/load.ts';
import { parseConfig } from '../../src/runtime/config.ts';
import { KnowledgeStore } from '../../src/runtime/knowledge-store.ts';
import { createLogger } from '../../src/runtime/logger.ts';
import { createBot, type Bot } from '../../src/transports/discord/bot.ts';
import { deployCommands } from '../../src/transports/discord/deploy.ts';
import { startDiscordServer, type DiscordServer, type DiscordServerOptions } from '../discord-server/index.ts';

export interface Harness {
  readonly server: DiscordServer;
  readonly bot: Bot;
  readonly store: KnowledgeStore;
  readonly knowledgeDir: string;
  /** Every log line the bot wrote, parsed. */
  readonly logs: Record<string, unknown>[];
  /** Register the commands in the test guild, or with `global` for every server and user install. */
  deploy(options?: { global?: boolean }): ReturnType<typeof deployCommands>;
  close(): Promise<void>;
}

export async function startHarness(options: DiscordServerOptions = {}): Promise<Harness> {
  const knowledgeDir = await mkdtemp(join(tmpdir(), 'm4-e2e-knowledge-'));
  await cp(DEFAULT_KNOWLEDGE_DIR, knowledgeDir, { recursive: true });
  const server = await startDiscordServer({ heartbeatIntervalMs: 1_000, ...options });
  const logs: Record<string, unknown>[] = [];
  const destination = new Writable({
    write(chunk, _encoding, done) {
      for (const line of String(chunk).split('\n')) if (line.trim()) logs.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  const log = createLogger({ level: 'debug', destination, secrets: [server.token] });
  const store = new KnowledgeStore(knowledgeDir, log);
  const first = await store.reload();
  if (!first.ok) throw new Error(`test knowledge does not load: ${first.issues.join('\n')}`);
  await store.watch({ debounceMs: 50 });
  const bot = createBot({ token: server.token, apiUrl: server.apiUrl, store, log });
  const config = parseConfig({
    DISCORD_TOKEN: server.token,
    DISCORD_APPLICATION_ID: server.applicationId,
    DISCORD_GUILD_ID: server.guild.id,
    DISCORD_API_URL: server.apiUrl,
  });
  const ready = new Promise<void>((resolve) => bot.client.once(Events.ClientReady, () => resolve()));
  await bot.start();
  await ready;
  return {
    server,
    bot,
    store,
    knowledgeDir,
    logs,
    deploy: (options = {}) => deployCommands(options.global ? { ...config, DISCORD_GUILD_ID: undefined } : config),
    async close() {
      await store.close();
      await bot.stop();
      await server.close();
      await rm(knowledgeDir, { recursive: true, force: true });
      // A route that threw answered 500: a bug in the test server, not something the bot did.
      if (server.rest.internalErrors.length > 0) throw new Error(`the test server failed internally: ${server.rest.internalErrors.map(String).join('; ')}`);
    },
  };
}
