/**
 * `npm run serve`: the bot as an HTTP interactions endpoint instead of a gateway connection. Needs
 * DISCORD_PUBLIC_KEY (the application's public key from the developer portal); listens on HOST:PORT
 * (default 127.0.0.1:3000, put a TLS-terminating reverse proxy in front), loads and watches the
 * knowledge files, and shuts down cleanly on SIGINT/SIGTERM.
 */
import type { KeyObject } from 'node:crypto';
import { ConfigError, loadConfig, type Config } from '../../runtime/config.ts';
import { createService, loadAndWatch, stopOnSignals } from '../../runtime/service.ts';
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

const service = createService(config);
const { log, store, metrics } = service;
const server = createInteractionServer({
  publicKey,
  store,
  log,
  metrics,
  apiUrl: config.DISCORD_API_URL,
  limits: {
    bodyTimeoutMs: config.HTTP_BODY_TIMEOUT_MS,
    headersTimeoutMs: config.HTTP_HEADERS_TIMEOUT_MS,
    requestTimeoutMs: config.HTTP_REQUEST_TIMEOUT_MS,
    maxConnections: config.HTTP_MAX_CONNECTIONS,
    maxBodies: config.HTTP_MAX_BODIES,
  },
});

// Listen first: /healthz answers 503 while the fact base loads, so a load balancer holds traffic
// back until it is ready, and commands that arrive early are deferred rather than lost.
let url: string;
try {
  url = await server.listen(config.PORT, config.HOST);
} catch (err) {
  fail(`could not listen on ${config.HOST}:${config.PORT}: ${(err as Error).message}`);
}
log.info(
  { url: `${url}/interactions`, health: `${url}/healthz`, metrics: `${url}/metrics` },
  `listening on ${url} (POST /interactions, GET /healthz, GET /metrics)`,
);

stopOnSignals(service, async () => {
  await server.close();
  log.info('stopped');
});

await loadAndWatch(service, 'serving without a fact base: /healthz answers 503 and commands wait until the knowledge files are fixed');
