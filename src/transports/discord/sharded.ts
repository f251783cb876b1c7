/**
 * `npm run start:sharded`: discord.js's ShardingManager runs each shard in a process of its own
 * (`npm start`'s entry point, src/main.ts, under tsx), restarting one that dies. The count is
 * SHARD_COUNT, or the one Discord recommends; SHARD_IDS limits this host to some of them, so
 * several hosts can share one bot. Every process loads and watches the knowledge files itself.
 */
import { fileURLToPath } from 'node:url';
import { ShardingManager } from 'discord.js';
import { ConfigError, loadConfig, type Config } from '../../runtime/config.ts';
import { createLogger } from '../../runtime/logger.ts';
import { recommendedShardCount } from './sharding.ts';

const MAIN = fileURLToPath(new URL('../../main.ts', import.meta.url));

let config: Config;
try {
  config = loadConfig();
  if (!config.DISCORD_TOKEN) throw new ConfigError('DISCORD_TOKEN: missing (the sharding manager runs the gateway bot; see .env.example)');
} catch (err) {
  console.error(err instanceof ConfigError ? `configuration: ${err.message}` : String(err));
  process.exit(1);
}
const token = config.DISCORD_TOKEN!;
const log = createLogger({ level: config.LOG_LEVEL, secrets: [token] });

let totalShards: number;
try {
  totalShards = config.SHARD_COUNT ?? (await recommendedShardCount(token, config.DISCORD_API_URL));
} catch (err) {
  log.fatal({ err }, 'could not ask Discord for the recommended shard count');
  process.exit(1);
}

const manager = new ShardingManager(MAIN, {
  token,
  totalShards,
  shardList: config.SHARD_IDS ? [...config.SHARD_IDS] : 'auto',
  // The shards are TypeScript run by tsx, like `npm start`; resolved here, since a bare 'tsx' would
  // be looked up from the working directory.
  execArgv: ['--import', import.meta.resolve('tsx')],
  respawn: true,
});
manager.on('shardCreate', (shard) => {
  log.info({ shardId: shard.id, totalShards }, 'shard process started');
  shard.on('death', () => log.warn({ shardId: shard.id }, 'shard process exited'));
});

// The shards' processes would outlive a manager killed by a signal: stop them first.
let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'stopping the shards');
    // kill() does not respawn; each shard process then shuts down cleanly on its SIGTERM.
    for (const shard of manager.shards.values()) shard.kill();
    process.exit(0);
  });
}

try {
  // spawn() starts shards 5.5 s apart, as Discord's identify rate limit asks, and waits for each to be ready.
  await manager.spawn({ timeout: 60_000 });
  log.info({ shards: [...manager.shards.keys()], totalShards }, 'every shard is connected');
} catch (err) {
  log.fatal({ err }, 'a shard could not start');
  for (const shard of manager.shards.values()) shard.kill();
  process.exit(1);
}
