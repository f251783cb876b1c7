/**
 * `npm start`. With a DISCORD_TOKEN: connect to Discord, watch the knowledge files, and shut down
 * cleanly on SIGINT/SIGTERM. Without one: say so in one line and open the offline console, so a
 * newcomer sees the bot answer at once.
 */
import { ConfigError, loadConfig, searchCacheDir, type Config } from './runtime/config.ts';
import { KnowledgeStore } from './runtime/knowledge-store.ts';
import { createLogger } from './runtime/logger.ts';
import { createBot } from './transports/discord/bot.ts';
import { runConsole } from './transports/terminal/console.ts';

let config: Config;
try {
  config = loadConfig();
} catch (err) {
  console.error(err instanceof ConfigError ? `configuration: ${err.message}` : String(err));
  process.exit(1);
}

if (!config.DISCORD_TOKEN) {
  console.error('DISCORD_TOKEN is not set: starting the offline console (type /help, or Ctrl-D to quit).');
  process.exitCode = await runConsole({ input: process.stdin, output: process.stdout, knowledgeDir: config.KNOWLEDGE_DIR });
} else {
  const token = config.DISCORD_TOKEN;
  const log = createLogger({ level: config.LOG_LEVEL, secrets: [token] });
  process.on('unhandledRejection', (reason) => log.error({ err: reason }, 'unhandled promise rejection'));

  const store = new KnowledgeStore(config.KNOWLEDGE_DIR, log, { cacheDir: searchCacheDir(config) });
  const first = await store.reload();
  if (!first.ok) log.warn('starting without a fact base: commands will wait until the knowledge files are fixed');
  store.watch();

  const bot = createBot({ token, apiUrl: config.DISCORD_API_URL, store, log });
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'shutting down');
    store.close();
    await bot.stop();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));

  try {
    await bot.start();
  } catch (err) {
    log.fatal({ err }, 'could not log in to Discord');
    store.close();
    process.exit(1);
  }
}

