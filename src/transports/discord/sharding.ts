/**
 * Which gateway shards this process runs. A bot in more than 2,500 servers must shard: Discord
 * sends each server's events to shard (server id >> 22) % shard count. By default the process runs
 * every shard Discord recommends (GET /gateway/bot); SHARD_COUNT and SHARD_IDS split the shards
 * over processes or hosts; under discord.js's ShardingManager (`npm run start:sharded`) the
 * manager chooses, and discord.js reads its choice from the environment itself.
 */
import { REST, Routes, type ClientOptions, type RESTGetAPIGatewayBotResult } from 'discord.js';
import type { Config } from '../../runtime/config.ts';

export type ShardOptions = Pick<ClientOptions, 'shards' | 'shardCount'>;

export function shardOptions(config: Pick<Config, 'SHARD_COUNT' | 'SHARD_IDS'>, env: NodeJS.ProcessEnv = process.env): ShardOptions {
  // A child of the ShardingManager: it set SHARDS and SHARD_COUNT, which discord.js reads when
  // neither option is given. Giving one here would override the manager's choice.
  if (env.SHARDING_MANAGER) return {};
  if (config.SHARD_IDS) return { shards: [...config.SHARD_IDS], shardCount: config.SHARD_COUNT! };
  if (config.SHARD_COUNT) return { shards: Array.from({ length: config.SHARD_COUNT }, (_, id) => id), shardCount: config.SHARD_COUNT };
  return { shards: 'auto' };
}

/**
 * The shard count Discord recommends, asked through DISCORD_API_URL. discord.js's own helper for
 * the ShardingManager always asks discord.com, which a REST proxy (or the tests) would bypass.
 */
export async function recommendedShardCount(token: string, apiUrl: string): Promise<number> {
  const rest = new REST({ api: apiUrl }).setToken(token);
  const gateway = (await rest.get(Routes.gatewayBot())) as RESTGetAPIGatewayBotResult;
  return gateway.shards;
}

/** The shard ids a ShardingManager child runs (SHARDS, a JSON array), or none outside one. */
export function managedShardIds(env: NodeJS.ProcessEnv = process.env): number[] {
  if (!env.SHARDING_MANAGER || !env.SHARDS) return [];
  try {
    const ids: unknown = JSON.parse(env.SHARDS);
    return Array.isArray(ids) ? ids.filter((id): id is number => Number.isInteger(id)) : [];
  } catch {
    return [];
  }
}
