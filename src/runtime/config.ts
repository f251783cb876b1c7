/**
 * Configuration, read once from `.env` (dotenv) and the environment and validated with zod, so that a
 * missing or malformed variable is reported in one clear line at start instead of failing later.
 * `.env.example` documents every variable listed here.
 */
import { isIPv4 } from 'node:net';
import { config as loadDotenv } from 'dotenv';
import { z } from 'zod';
import { DEFAULT_CACHE_DIR } from '../search/index.ts';

const Snowflake = z.string().regex(/^\d{17,20}$/, 'must be a Discord id (17–20 digits)');
/** An empty or blank variable counts as unset, so `.env.example` copied as it is gives the defaults. */
const blankAsUnset = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const optionalText = (schema: z.ZodType<string>) => z.preprocess(blankAsUnset, schema.optional());
/** Milliseconds or a count: a positive whole number, with a default. */
const positive = (fallback: number) => z.preprocess(blankAsUnset, z.coerce.number().int().positive().default(fallback));
/** `0,1,5`: shard ids for this process. */
const ShardIds = z
  .string()
  .regex(/^\s*\d{1,5}(\s*,\s*\d{1,5})*\s*$/, 'must be shard ids separated by commas, e.g. 0,1')
  .transform((text) => [...new Set(text.split(',').map((id) => Number(id.trim())))]);

const EnvSchema = z.object({
  DISCORD_TOKEN: optionalText(z.string().min(20, 'looks too short to be a bot token')),
  DISCORD_APPLICATION_ID: optionalText(Snowflake),
  DISCORD_GUILD_ID: optionalText(Snowflake),
  DISCORD_API_URL: z.preprocess(blankAsUnset, z.url({ protocol: /^https?$/ }).default('https://discord.com/api')),
  DISCORD_PUBLIC_KEY: optionalText(z.string().regex(/^[0-9a-fA-F]{64}$/, 'must be 64 hex characters (an Ed25519 public key)')),
  LOG_LEVEL: z.preprocess(blankAsUnset, z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info')),
  KNOWLEDGE_DIR: optionalText(z.string()),
  SEARCH_CACHE_DIR: optionalText(z.string()),
  PORT: z.preprocess(blankAsUnset, z.coerce.number().int().min(0).max(65535).default(3000)),
  HOST: z.preprocess(blankAsUnset, z.string().default('127.0.0.1')),
  // The HTTP endpoint's limits (defaults in src/transports/http/limits.ts).
  HTTP_BODY_TIMEOUT_MS: positive(5_000),
  HTTP_HEADERS_TIMEOUT_MS: positive(10_000),
  HTTP_REQUEST_TIMEOUT_MS: positive(15_000),
  HTTP_MAX_CONNECTIONS: positive(1_000),
  HTTP_MAX_BODIES: positive(128),
  /** Where the gateway bot serves GET /metrics (on HOST); unset, it serves none. */
  METRICS_PORT: z.preprocess(blankAsUnset, z.coerce.number().int().min(0).max(65535).optional()),
  SHARD_COUNT: z.preprocess(blankAsUnset, z.coerce.number().int().min(1).max(100_000).optional()),
  SHARD_IDS: z.preprocess(blankAsUnset, ShardIds.optional()),
  /** `npm run preview`: where the maintainers' preview page listens. Loopback only, unless PREVIEW_ALLOW_REMOTE. */
  PREVIEW_HOST: z.preprocess(blankAsUnset, z.string().default('127.0.0.1')),
  PREVIEW_PORT: z.preprocess(blankAsUnset, z.coerce.number().int().min(0).max(65535).default(4000)),
  PREVIEW_ALLOW_REMOTE: z.preprocess(blankAsUnset, z.stringbool().default(false)),
}).superRefine((env, ctx) => {
  // Zod runs this even when a field above failed; only fields that parsed are compared.
  const ids = Array.isArray(env.SHARD_IDS) ? env.SHARD_IDS : undefined;
  // Node refuses a headers timeout longer than the whole request's.
  if (env.HTTP_HEADERS_TIMEOUT_MS > env.HTTP_REQUEST_TIMEOUT_MS) {
    ctx.addIssue({ code: 'custom', path: ['HTTP_HEADERS_TIMEOUT_MS'], message: 'must not be longer than HTTP_REQUEST_TIMEOUT_MS' });
  }
  // The preview page has no authentication: others on the network could read drafts. Say so rather than bind quietly.
  if (typeof env.PREVIEW_HOST === 'string' && !isLoopback(env.PREVIEW_HOST) && env.PREVIEW_ALLOW_REMOTE !== true) {
    ctx.addIssue({ code: 'custom', path: ['PREVIEW_HOST'], message: 'is not a loopback address; the preview page has no login, so set PREVIEW_ALLOW_REMOTE=true to serve it to the network anyway' });
  }
  if (ids && env.SHARD_COUNT === undefined) {
    ctx.addIssue({ code: 'custom', path: ['SHARD_IDS'], message: 'needs SHARD_COUNT, the total number of shards over every process' });
  }
  if (ids && typeof env.SHARD_COUNT === 'number' && ids.some((id) => id >= env.SHARD_COUNT!)) {
    ctx.addIssue({ code: 'custom', path: ['SHARD_IDS'], message: `shard ids must be below SHARD_COUNT (${env.SHARD_COUNT})` });
  }
});

export type Config = z.infer<typeof EnvSchema>;

/** 127.0.0.0/8, ::1 (also as ::ffff:127.x) and localhost: addresses only this machine reaches. */
export function isLoopback(host: string): boolean {
  const h = host.trim().toLowerCase().replace(/^\[(.*)\]$/, '$1');
  if (h === 'localhost' || h === '::1' || h === '0:0:0:0:0:0:0:1') return true;
  const v4 = h.startsWith('::ffff:') ? h.slice(7) : h;
  return isIPv4(v4) && v4.startsWith('127.');
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/**
 * Parse configuration from an environment object. Throws ConfigError whose message is one line per
 * problem, naming the variable — never echoing its value, since it may be the token.
 */
export function parseConfig(env: NodeJS.ProcessEnv): Config {
  const result = EnvSchema.safeParse(env);
  if (result.success) return result.data;
  const lines = result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
  throw new ConfigError(lines.join('\n'));
}

/** Load `.env` (without overriding variables already set) and parse the result. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  loadDotenv({ quiet: true });
  return parseConfig(env);
}

/** The variables a Discord transport cannot run without. */
export function requireDiscord(config: Config): { token: string; applicationId: string } {
  const missing = [
    config.DISCORD_TOKEN ? null : 'DISCORD_TOKEN',
    config.DISCORD_APPLICATION_ID ? null : 'DISCORD_APPLICATION_ID',
  ].filter((v): v is string => v !== null);
  if (missing.length > 0) throw new ConfigError(`missing ${missing.join(' and ')} (see .env.example)`);
  return { token: config.DISCORD_TOKEN!, applicationId: config.DISCORD_APPLICATION_ID! };
}

/**
 * Where the search index is cached: SEARCH_CACHE_DIR, `.cache/search` in the checkout when unset, or
 * nowhere for `off` (a read-only deployment; a cache that cannot be written is skipped anyway).
 */
export function searchCacheDir(config: Config): string | undefined {
  if (config.SEARCH_CACHE_DIR === undefined) return DEFAULT_CACHE_DIR;
  return config.SEARCH_CACHE_DIR.trim().toLowerCase() === 'off' ? undefined : config.SEARCH_CACHE_DIR;
}
