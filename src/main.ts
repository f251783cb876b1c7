/**
 * `npm start`. With a DISCORD_TOKEN: connect to Discord, watch the knowledge files, and shut down
 * cleanly on SIGINT/SIGTERM. Without one: say so in one line and open the offline console, so a
 * newcomer sees the bot answer at once.
 */
import { ConfigError, loadConfig, type Config } from './runtime/config.ts';
import { serveMetrics, type MetricsServer } from './runtime/metrics-server.ts';
import { createService, loadAndWatch, stopOnSignals } from './runtime/service.ts';
import { createBot } from './transports/discord/bot.ts';
import { managedShardIds, shardOptions } from './transports/discord/sharding.ts';
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
  const service = createService(config);
  const { log, store, metrics } = service;
  const bot = createBot({ token: config.DISCORD_TOKEN, apiUrl: config.DISCORD_API_URL, store, log, metrics, shards: shardOptions(config) });
  let metricsServer: MetricsServer | undefined;
  if (config.METRICS_PORT !== undefined) {
    // Under the ShardingManager every shard is a process on this host: each takes the port plus its shard id.
    const port = config.METRICS_PORT === 0 ? 0 : config.METRICS_PORT + (managedShardIds()[0] ?? 0);
    try {
      metricsServer = await serveMetrics(metrics, port, config.HOST, log);
      log.info({ url: metricsServer.url }, `metrics on ${metricsServer.url}`);
    } catch (err) {
      log.error({ err, port }, 'could not serve the metrics; running without them');
    }
  }
  stopOnSignals(service, async () => {
    await metricsServer?.close();
    await bot.stop();
  });

  // Log in while the fact base loads: a command that arrives first is acknowledged and answered once it is ready.
  const loading = loadAndWatch(service, 'starting without a fact base: commands will wait until the knowledge files are fixed');
  try {
    await bot.start();
  } catch (err) {
    log.fatal({ err }, 'could not log in to Discord');
    await store.close();
    process.exit(1);
  }
  await loading;
}
