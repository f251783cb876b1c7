/**
 * `npm run preview`: the maintainers' preview page on PREVIEW_HOST:PREVIEW_PORT (default
 * 127.0.0.1:4000). It answers from the same knowledge store, watcher and answer layer as the bot,
 * so it shows exactly what the bot would send, and follows every saved edit of knowledge/ live.
 */
import { ConfigError, loadConfig, type Config } from '../../runtime/config.ts';
import { createService, loadAndWatch, stopOnSignals } from '../../runtime/service.ts';
import { createPreviewServer } from './server.ts';
import { PreviewState } from './state.ts';

let config: Config;
try {
  config = loadConfig();
} catch (err) {
  if (!(err instanceof ConfigError)) throw err;
  console.error(`configuration: ${err.message}`);
  process.exit(1);
}

const service = createService(config);
const { log, store } = service;
// Before the first load, so that the page knows when the version it shows was loaded.
const state = new PreviewState(store);
const server = createPreviewServer({ store, state, log });

let url: string;
try {
  url = await server.listen(config.PREVIEW_PORT, config.PREVIEW_HOST);
} catch (err) {
  console.error(`could not listen on ${config.PREVIEW_HOST}:${config.PREVIEW_PORT}: ${(err as Error).message}`);
  process.exit(1);
}
log.info({ url }, `preview page on ${url}/ (read-only; follows every saved knowledge file)`);

stopOnSignals(service, async () => {
  state.close();
  await server.close();
});

await loadAndWatch(service, 'no good fact base yet: the preview page lists every problem until the knowledge files are fixed');
