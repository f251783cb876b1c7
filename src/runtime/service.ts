/**
 * What both long-running entry points (`npm start` with a token, `npm run serve`) set up the same
 * way: a logger that knows the token is a secret, a log line for any unhandled rejection, the
 * knowledge store with the search cache, its first load and watch, the metrics, and a clean stop
 * on a signal.
 */
import { searchCacheDir, type Config } from './config.ts';
import { KnowledgeStore } from './knowledge-store.ts';
import { createLogger, type Logger } from './logger.ts';
import { createMetrics, type Metrics } from './metrics.ts';

export interface Service {
  readonly log: Logger;
  readonly store: KnowledgeStore;
  /** What GET /metrics shows: the transport's counts, reloads, the fact base and the process. */
  readonly metrics: Metrics;
}

export function createService(config: Config): Service {
  const log = createLogger({ level: config.LOG_LEVEL, secrets: config.DISCORD_TOKEN ? [config.DISCORD_TOKEN] : [] });
  process.on('unhandledRejection', (reason) => log.error({ err: reason }, 'unhandled promise rejection'));
  const store = new KnowledgeStore(config.KNOWLEDGE_DIR, log, { cacheDir: searchCacheDir(config) });
  const metrics = createMetrics({ knowledge: store, processMetrics: true });
  metrics.countReloads(store);
  return { log, store, metrics };
}

/** The first load, then watching for edits; `withoutBase` is logged if that load fails. */
export async function loadAndWatch({ store, log }: Service, withoutBase: string): Promise<void> {
  const first = await store.reload();
  if (!first.ok) log.warn(withoutBase);
  await store.watch();
}

/** On SIGINT or SIGTERM, once: stop watching the knowledge files, run `stop`, and exit 0. */
export function stopOnSignals({ store, log }: Service, stop: () => Promise<void>): void {
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'shutting down');
    await store.close();
    await stop();
    // Idle keep-alive sockets of a REST client would otherwise hold the process a few seconds.
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
}
