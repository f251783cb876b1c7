/**
 * `npm run serve`: the bot as an HTTP interactions endpoint instead of a gateway connection. Needs
 * DISCORD_PUBLIC_KEY (the application's public key from the developer portal); listens on HOST:PORT
 * (default 127.0.0.1:3000, put a TLS-terminating reverse proxy in front), loads and watches the
 * knowledge files, and shuts down cleanly on SIGINT/SIGTERM.
 */
import type { KeyObject } from 'node:crypto';
import { ConfigError, loadConfig, searchCacheDir, type Config } from '../../runtime/config.ts';
import { KnowledgeStore } from '../../runtime/knowledge-store.ts';
import { createLogger } from '../../runtime/logger.ts';
import { createInteractionServer } from './server.ts';
import { PublicKeyError, publicKeyFromHex } from './signature.ts';

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

let config: Config;
let publicKey: KeyObject;
try {
  config = loadConfig();
  if (!config.DISCORD_PUBLIC_KEY) throw new ConfigError('DISCORD_PUBLIC_KEY: missing (the application\'s public key from the developer portal, 64 hex characters; see .env.example)');
  publicKey = publicKeyFromHex(config.DISCORD_PUBLIC_KEY);
} catch (err) {
  if (err instanceof ConfigError) fail(`configuration: ${err.message}`);
  if (err instanceof PublicKeyError) fail(`configuration: DISCORD_PUBLIC_KEY: ${err.message}`);
  throw err;
}

const log = createLogger({ level: config.LOG_LEVEL, secrets: config.DISCORD_TOKEN ? [config.DISCORD_TOKEN] : [] });
process.on('unhandledRejection', (reason) => log.error({ err: reason }, 'unhandled promise rejection'));

const store = new KnowledgeStore(config.KNOWLEDGE_DIR, log, { cacheDir: searchCacheDir(config) });
const server = createInteractionServer({ publicKey, store, log, apiUrl: config.DISCORD_API_URL });

// Listen first: /healthz answers 503 while the fact base loads, so a load balancer holds traffic
// back until it is ready, and commands that arrive early are deferred rather than lost.
let url: string;
try {
  url = await server.listen(config.PORT, config.HOST);
} catch (err) {
  fail(`could not listen on ${config.HOST}:${config.PORT}: ${(err as Error).message}`);
}
log.info({ url: `${url}/interactions`, health: `${url}/healthz` }, `listening on ${url} (POST /interactions, GET /healthz)`);

let stopping = false;
async function shutdown(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  log.info({ signal }, 'shutting down');
  store.close();
  await server.close();
  log.info('stopped');
  // Idle keep-alive sockets of the REST client would otherwise hold the process a few seconds.
  process.exit(0);
}
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));

const first = await store.reload();
if (!first.ok) log.warn('serving without a fact base: /healthz answers 503 and commands wait until the knowledge files are fixed');
store.watch();
