import { Writable } from 'node:stream';
import { MessageFlags } from 'discord.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadKnowledge } from '../../src/knowledge/load.ts';
import { handleInteraction } from '../../src/interactions/dispatch.ts';
import { commandDefinitions } from '../../src/interactions/registry.ts';
import type { CommandContext, MessageData, Outgoing } from '../../src/interactions/types.ts';
import { customIds, menuValues } from '../render/discord-limits.ts';
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
  return { index, ready: async () => index, reload: async () => ({ ok: true, changed: false, version: index.base.version, facts: 0, ms: 0 }), log, ...overrides };
}

const dataOf = (out: Outgoing) => (out as { data: MessageData }).data;

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
    const broken = breaking('searchFactsWithCount', new Error('index exploded'));
    const out = await handleInteraction({ kind: 'command', name: 'search', options: { query: 'ied' }, userId: '123456789012345678' }, context({ index: broken }));
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
    const { data } = await (out as { reply: Promise<{ data: MessageData }> }).reply;
    expect(data.flags).toBe(MessageFlags.IsComponentsV2);
    expect(data.components).toHaveLength(1);
  });

  it('a deferred answer that fails is finished with the same messages: user-facing as it is, anything else with an error id', async () => {
    const early = context({ index: null, ready: async () => index });
    const invalid = await handleInteraction({ kind: 'command', name: 'patrol', options: { number: 'many' }, userId: '1' }, early);
    expect(invalid.kind).toBe('deferred');
    const { data: shown } = await (invalid as { reply: Promise<{ data: { content: string; flags: number } }> }).reply;
    expect(shown.content).toMatch(/whole number/);
    expect(shown.content).not.toMatch(/error id/);

    const broken = await handleInteraction({ kind: 'command', name: 'reload', options: {}, userId: '1', memberPermissions: '8' }, context({ reload: async () => { throw new Error('disk gone'); } }));
    expect(broken.kind).toBe('deferred');
    const { data: failed } = await (broken as { reply: Promise<{ data: { content: string } }> }).reply;
    const id = /error id `([0-9a-f]{8})`/.exec(failed.content)?.[1];
    expect(id).toBeDefined();
    expect(JSON.stringify(logs.find((l) => l.errorId === id))).toContain('disk gone');
  });

});

describe('buttons and menus: anyone may press, what opens is only for them', () => {
  const asker = '123456789012345678';
  const other = '223456789012345678';
  const press = (customId: string, ephemeral = false, values?: string[]) =>
    handleInteraction({ kind: 'component', customId, userId: other, ephemeral, ...(values && { values }) }, context());

  it('a panel button answers whoever pressed with an ephemeral V2 message, and leaves the card as it was', async () => {
    const card = await handleInteraction({ kind: 'command', name: 'timeline', options: {}, userId: asker }, context());
    const quotes = customIds(dataOf(card)).find((id) => id.startsWith('q:'))!;
    const out = await press(quotes);
    expect(out.kind).toBe('message');
    expect(dataOf(out).flags).toBe(MessageFlags.IsComponentsV2 | MessageFlags.Ephemeral);
  });

  it('opening another card under a public one sends it to the presser alone; under their own ephemeral card it replaces it', async () => {
    const fromPublic = await press('o:patrol:');
    expect(fromPublic.kind).toBe('message');
    expect(dataOf(fromPublic).flags).toBe(MessageFlags.IsComponentsV2 | MessageFlags.Ephemeral);
    const fromOwn = await press('o:patrol:', true);
    expect(fromOwn.kind).toBe('update');
  });

  it('a menu choice opens the target its option carries', async () => {
    const list = await handleInteraction({ kind: 'command', name: 'timeline', options: {}, userId: asker }, context());
    const [month] = menuValues(dataOf(list));
    const out = await press('o:menu', false, [month!]);
    expect(out.kind).toBe('message');
    expect(JSON.stringify(dataOf(out))).toContain('Timeline');
  });

  it('a press gives the same answer as the command itself', async () => {
    const command = await handleInteraction({ kind: 'command', name: 'attacks', options: {}, userId: asker }, context({}));
    const pressed = await press('o:attacks:', true);
    expect(JSON.stringify(dataOf(pressed).components)).toBe(JSON.stringify(dataOf(command).components));
  });

  it('says plainly what is wrong with an old paging button, an unknown id, a menu with no choice or a forged target', async () => {
    expect(dataOf(await press('pg;1;123;abc;timeline;')).content).toMatch(/earlier version of the bot/);
    expect(dataOf(await press('zz:whatever')).content).toMatch(/not one I know/);
    expect(dataOf(await press('o:menu', false, [])).content).toMatch(/not one I know/);
    const forged = dataOf(await press('o:patrol:number=**@everyone**'));
    expect(forged.content).toMatch(/whole number/);
    expect(forged.flags).toBe(MessageFlags.Ephemeral);
    expect(forged.content).not.toContain('@everyone');
  });

  it('while the first load runs, says so instead of waiting past Discord’s 3 seconds', async () => {
    const out = await handleInteraction({ kind: 'component', customId: 'o:help:', userId: other, ephemeral: false }, context({ index: null }));
    expect(dataOf(out).content).toMatch(/still loading/);
  });
});

describe('chat text: mentions and the "Find patrol facts" menu', () => {
  const asker = '123456789012345678';
  const embedsOf = (out: Outgoing) => JSON.stringify(dataOf(out).components);
  const help = () => handleInteraction({ kind: 'command', name: 'help', options: {}, userId: asker }, context());

  it('both answer a message with no meaningful words with /help, the menu only to the one who used it', async () => {
    const mention = await handleInteraction({ kind: 'mention', content: '<@111111111111111111> hey, anything?', userId: asker }, context());
    const menu = await handleInteraction(
      { kind: 'command', name: 'Find patrol facts', options: {}, userId: asker, targetMessage: { id: '1700000000000000001', content: 'Hey, please?' } },
      context(),
    );
    expect(embedsOf(mention)).toBe(embedsOf(await help()));
    expect(embedsOf(menu)).toBe(embedsOf(await help()));
    expect(dataOf(menu).flags).toBe(MessageFlags.IsComponentsV2 | MessageFlags.Ephemeral);
  });

  it('both search the words of a message that has some', async () => {
    const search = await handleInteraction({ kind: 'command', name: 'search', options: { query: 'ied near ariha' }, userId: asker }, context());
    const menu = await handleInteraction(
      { kind: 'command', name: 'Find patrol facts', options: {}, userId: asker, targetMessage: { id: '1700000000000000001', content: 'IED near Ariha?' } },
      context(),
    );
    expect(embedsOf(menu)).toBe(embedsOf(search));
  });

  it('recognise a patrol or a place before searching', async () => {
    const patrol = await handleInteraction({ kind: 'command', name: 'patrol', options: { number: 26 }, userId: asker }, context());
    const where = await handleInteraction({ kind: 'command', name: 'where', options: { place: 'Tronba' }, userId: asker }, context());
    for (const content of ['<@111111111111111111> what about the 26th patrol?', 'tell me about patrol 26', 'patrol #26']) {
      expect(embedsOf(await handleInteraction({ kind: 'mention', content, userId: asker }, context()))).toBe(embedsOf(patrol));
    }
    const place = await handleInteraction({ kind: 'mention', content: '<@111111111111111111> where is Taranba?', userId: asker }, context());
    expect(embedsOf(place)).toBe(embedsOf(where));
  });
});
