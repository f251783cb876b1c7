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
});
