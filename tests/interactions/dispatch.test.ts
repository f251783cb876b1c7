import { Writable } from 'node:stream';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadKnowledge } from '../../src/knowledge/load.ts';
import { handleInteraction } from '../../src/interactions/dispatch.ts';
import { commandDefinitions } from '../../src/interactions/registry.ts';
import type { CommandContext } from '../../src/interactions/types.ts';
import { createLogger } from '../../src/runtime/logger.ts';
import { buildKnowledgeIndex } from '../../src/search/index.ts';
import type { KnowledgeIndex } from '../../src/search/types.ts';

let index: KnowledgeIndex;
const logs: Record<string, unknown>[] = [];
const log = createLogger({
  level: 'debug',
  destination: new Writable({
    write(chunk, _e, done) {
      logs.push(JSON.parse(String(chunk)) as Record<string, unknown>);
      done();
    },
  }),
});

beforeAll(async () => {
  const loaded = await loadKnowledge();
  if (!loaded.ok) throw new Error('knowledge must load');
  index = buildKnowledgeIndex(loaded.base);
});

/** The real index with one method replaced (a Proxy, because the index is a class with private state). */
function breaking(method: keyof KnowledgeIndex, error: Error): KnowledgeIndex {
  return new Proxy(index, {
    get(target, prop) {
      if (prop === method) return () => { throw error; };
      const value = Reflect.get(target, prop, target) as unknown;
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

function context(overrides: Partial<CommandContext> = {}): CommandContext {
  return { index, ready: async () => index, reload: async () => ({ ok: true, changed: false, version: index.base.version, facts: 0, ms: 0 }), log, now: () => 1_700_000_000_000, ...overrides };
}

describe('command definitions', () => {
  it('stay within Discord limits for names, descriptions and options', () => {
    for (const def of commandDefinitions()) {
      expect(def.name.length).toBeLessThanOrEqual(32);
      if ('description' in def && def.description) expect(def.description.length).toBeLessThanOrEqual(100);
      for (const option of ('options' in def ? def.options : undefined) ?? []) {
        expect(option.name).toMatch(/^[a-z0-9_-]{1,32}$/);
        expect(option.description.length).toBeLessThanOrEqual(100);
      }
    }
  });
});

describe('the central error boundary', () => {
  it('a failing handler gives the user an ephemeral message with an error id, and logs it under that id', async () => {
    const broken = breaking('factsForPatrol', new Error('index exploded'));
    const out = await handleInteraction({ kind: 'command', name: 'patrol', options: { number: 22 }, userId: '123456789012345678' }, context({ index: broken }));
    expect(out.kind).toBe('message');
    const data = (out as { data: { content: string; flags: number } }).data;
    expect(data.flags).toBe(64);
    const id = /error id `([0-9a-f]{8})`/.exec(data.content)?.[1];
    expect(id).toBeDefined();
    const entry = logs.find((l) => l.errorId === id);
    expect(entry?.level).toBe('error');
    expect(JSON.stringify(entry)).toContain('index exploded');
  });

  it('a failing autocomplete answers with no choices instead of an error', async () => {
    const broken = breaking('suggestPlaces', new Error('boom'));
    const out = await handleInteraction({ kind: 'autocomplete', name: 'where', options: { place: 'ain' }, focused: 'ain', userId: '1' }, context({ index: broken }));
    expect(out).toEqual({ kind: 'choices', choices: [] });
  });

  it('an invalid option is a clear ephemeral message whose echoed input cannot format or ping', async () => {
    const out = await handleInteraction({ kind: 'command', name: 'patrol', options: { number: '**@everyone**' }, userId: '1' }, context());
    const data = (out as { data: { content: string; flags: number; allowed_mentions: unknown } }).data;
    expect(data.flags).toBe(64);
    expect(data.allowed_mentions).toEqual({ parse: [] });
    expect(data.content).toMatch(/whole number/);
    expect(data.content).not.toContain('**@everyone**');
  });

  it('before the first load, a command is deferred and answered once the index is ready', async () => {
    let release!: (i: KnowledgeIndex) => void;
    const ready = new Promise<KnowledgeIndex>((resolve) => (release = resolve));
    const out = await handleInteraction({ kind: 'command', name: 'patrol', options: { number: 22 }, userId: '1' }, context({ index: null, ready: () => ready }));
    expect(out.kind).toBe('deferred');
    release(index);
    const data = await (out as { data: Promise<{ embeds: unknown[] }> }).data;
    expect(data.embeds.length).toBeGreaterThan(0);
  });

  it('a deferred answer that fails is finished with the same messages: user-facing as it is, anything else with an error id', async () => {
    const early = context({ index: null, ready: async () => index });
    const invalid = await handleInteraction({ kind: 'command', name: 'patrol', options: { number: 'many' }, userId: '1' }, early);
    expect(invalid.kind).toBe('deferred');
    const shown = await (invalid as { data: Promise<{ content: string; flags: number }> }).data;
    expect(shown.content).toMatch(/whole number/);
    expect(shown.content).not.toMatch(/error id/);

    const broken = await handleInteraction({ kind: 'command', name: 'reload', options: {}, userId: '1', memberPermissions: '8' }, context({ reload: async () => { throw new Error('disk gone'); } }));
    expect(broken.kind).toBe('deferred');
    const failed = await (broken as { data: Promise<{ content: string }> }).data;
    const id = /error id `([0-9a-f]{8})`/.exec(failed.content)?.[1];
    expect(id).toBeDefined();
    expect(JSON.stringify(logs.find((l) => l.errorId === id))).toContain('disk gone');
  });

  it('refuses expired paging buttons', async () => {
    const first = await handleInteraction({ kind: 'command', name: 'timeline', options: {}, userId: '123456789012345678' }, context());
    const row = (first as { data: { components: { components: { custom_id: string; disabled: boolean }[] }[] } }).data.components[0]!;
    const next = row.components.find((b) => !b.disabled && b.custom_id.startsWith('pg;'))!;
    const later = await handleInteraction({ kind: 'button', customId: next.custom_id, userId: '123456789012345678' }, context({ now: () => 1_700_000_000_000 + 11 * 60_000 }));
    expect((later as { data: { content: string } }).data.content).toMatch(/expired/);
  });
});

describe('chat text: mentions and the "Find patrol facts" menu', () => {
  const asker = '123456789012345678';
  const embedsOf = (out: unknown) => JSON.stringify((out as { data: { embeds?: unknown } }).data.embeds);
  const help = () => handleInteraction({ kind: 'command', name: 'help', options: {}, userId: asker }, context());

  it('both answer a message with no meaningful words with /help, the menu only to the one who used it', async () => {
    const mention = await handleInteraction({ kind: 'mention', content: '<@111111111111111111> hey, anything?', userId: asker }, context());
    const menu = await handleInteraction(
      { kind: 'command', name: 'Find patrol facts', options: {}, userId: asker, targetMessage: { id: '1700000000000000001', content: 'Hey, please?' } },
      context(),
    );
    expect(embedsOf(mention)).toBe(embedsOf(await help()));
    expect(embedsOf(menu)).toBe(embedsOf(await help()));
    expect((menu as { data: { flags?: number } }).data.flags).toBe(64);
  });

  it('both search the words of a message that has some', async () => {
    const search = await handleInteraction({ kind: 'command', name: 'search', options: { query: 'ied near ariha' }, userId: asker }, context());
    const menu = await handleInteraction(
      { kind: 'command', name: 'Find patrol facts', options: {}, userId: asker, targetMessage: { id: '1700000000000000001', content: 'IED near Ariha?' } },
      context(),
    );
    expect(embedsOf(menu)).toBe(embedsOf(search));
  });
});
