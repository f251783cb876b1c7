import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig, requireDiscord, searchCacheDir } from '../../src/runtime/config.ts';
import { DEFAULT_CACHE_DIR } from '../../src/search/index.ts';

const token = 'MTIzNDU2Nzg5MDEyMzQ1Njc4.GaBcDe.abcdefghijklmnopqrstuvwxyz0123456789';

describe('configuration', () => {
  it('applies defaults and treats empty values as unset', () => {
    const config = parseConfig({ DISCORD_TOKEN: '', LOG_LEVEL: '' });
    expect(config.DISCORD_TOKEN).toBeUndefined();
    expect(config.DISCORD_API_URL).toBe('https://discord.com/api');
    expect(config.LOG_LEVEL).toBe('info');
    expect(config.PORT).toBe(3000);
  });

  it('names every malformed variable in one line each, without echoing values', () => {
    let error: unknown;
    try {
      parseConfig({ DISCORD_TOKEN: 'Zq9secret', DISCORD_APPLICATION_ID: 'abc', DISCORD_API_URL: 'not a url', LOG_LEVEL: 'loud', PORT: '99999' });
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const lines = (error as Error).message.split('\n');
    expect(lines.map((l) => l.split(':')[0]).sort()).toEqual(['DISCORD_API_URL', 'DISCORD_APPLICATION_ID', 'DISCORD_TOKEN', 'LOG_LEVEL', 'PORT']);
    expect((error as Error).message).not.toContain('Zq9secret');
  });

  it('says which variables deploy is missing', () => {
    expect(() => requireDiscord(parseConfig({ DISCORD_TOKEN: token }))).toThrow(/DISCORD_APPLICATION_ID/);
    expect(requireDiscord(parseConfig({ DISCORD_TOKEN: token, DISCORD_APPLICATION_ID: '123456789012345678' }))).toEqual({ token, applicationId: '123456789012345678' });
  });

  it('puts the search cache in the checkout unless told where, or told off', () => {
    expect(searchCacheDir(parseConfig({}))).toBe(DEFAULT_CACHE_DIR);
    expect(searchCacheDir(parseConfig({ SEARCH_CACHE_DIR: ' ' }))).toBe(DEFAULT_CACHE_DIR);
    expect(searchCacheDir(parseConfig({ SEARCH_CACHE_DIR: '/var/cache/m4' }))).toBe('/var/cache/m4');
    expect(searchCacheDir(parseConfig({ SEARCH_CACHE_DIR: 'OFF' }))).toBeUndefined();
  });

  it('reads the HTTP limits, and refuses a headers timeout longer than the request timeout', () => {
    const config = parseConfig({ HTTP_BODY_TIMEOUT_MS: '2000', HTTP_MAX_BODIES: '16' });
    expect(config).toMatchObject({ HTTP_BODY_TIMEOUT_MS: 2000, HTTP_MAX_BODIES: 16, HTTP_HEADERS_TIMEOUT_MS: 10_000, HTTP_REQUEST_TIMEOUT_MS: 15_000, HTTP_MAX_CONNECTIONS: 1_000 });
    expect(() => parseConfig({ HTTP_MAX_CONNECTIONS: '0' })).toThrow(/^HTTP_MAX_CONNECTIONS: /);
    expect(() => parseConfig({ HTTP_HEADERS_TIMEOUT_MS: '20000', HTTP_REQUEST_TIMEOUT_MS: '10000' })).toThrow(/^HTTP_HEADERS_TIMEOUT_MS: must not be longer than HTTP_REQUEST_TIMEOUT_MS$/);
  });

  it('reads SHARD_COUNT and SHARD_IDS, which need each other to make sense', () => {
    expect(parseConfig({ SHARD_COUNT: '4', SHARD_IDS: ' 2, 3 ,3' })).toMatchObject({ SHARD_COUNT: 4, SHARD_IDS: [2, 3] });
    expect(parseConfig({}).SHARD_IDS).toBeUndefined();
    expect(() => parseConfig({ SHARD_IDS: '0,1' })).toThrow(/^SHARD_IDS: needs SHARD_COUNT/);
    expect(() => parseConfig({ SHARD_COUNT: '2', SHARD_IDS: '2' })).toThrow(/^SHARD_IDS: shard ids must be below SHARD_COUNT \(2\)$/);
    expect(() => parseConfig({ SHARD_COUNT: '2', SHARD_IDS: 'one' })).toThrow(/^SHARD_IDS: must be shard ids/);
  });

  it('serves the preview page on 127.0.0.1:4000, and refuses a non-loopback host without PREVIEW_ALLOW_REMOTE', () => {
    expect(parseConfig({ PREVIEW_HOST: '', PREVIEW_PORT: '' })).toMatchObject({ PREVIEW_HOST: '127.0.0.1', PREVIEW_PORT: 4000, PREVIEW_ALLOW_REMOTE: false });
    for (const host of ['localhost', '127.0.0.2', '::1', '[::1]']) expect(parseConfig({ PREVIEW_HOST: host }).PREVIEW_HOST).toBe(host);
    for (const host of ['0.0.0.0', '::', '192.0.2.7', 'preview.example']) {
      expect(() => parseConfig({ PREVIEW_HOST: host })).toThrow(/^PREVIEW_HOST: is not a loopback address; .* PREVIEW_ALLOW_REMOTE=true/);
    }
    expect(parseConfig({ PREVIEW_HOST: '0.0.0.0', PREVIEW_ALLOW_REMOTE: 'true' })).toMatchObject({ PREVIEW_HOST: '0.0.0.0', PREVIEW_ALLOW_REMOTE: true });
    expect(() => parseConfig({ PREVIEW_PORT: '70000' })).toThrow(/^PREVIEW_PORT: /);
  });
});
