/**
 * Every command through the HTTP endpoint against the real knowledge files: the response is a
 * valid Discord interaction response (checked with the test Discord server's validators), never
 * pings anyone, and carries exactly what the shared dispatcher answers — the same payload the
 * gateway transport sends.
 */
import { MessageFlags } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storeContext } from '../../src/interactions/context.ts';
import { handleInteraction } from '../../src/interactions/dispatch.ts';
import type { CommandContext, Incoming } from '../../src/interactions/types.ts';
import { KnowledgeStore } from '../../src/runtime/knowledge-store.ts';
import { validateAutocompleteResult } from '../discord-server/validate/interaction-responses.ts';
import { validateMessagePayload } from '../discord-server/validate/message-payload.ts';
import { startHarness, type Endpoint, type Harness } from './harness.ts';
import { ASKER, autocomplete, buttonPress, messageCommand, OptionType, selectChoice, slash, SOMEONE_ELSE, userInstallSlash } from './payloads.ts';
import { cardText, customIds, displayed, menuValues, payloadProblems } from '../render/discord-limits.ts';
import type { MessageData } from '../../src/interactions/types.ts';
import type { RawResponse } from './signed-client.ts';

let harness: Harness;
let endpoint: Endpoint;
let store: KnowledgeStore;
let ctx: CommandContext;

beforeAll(async () => {
  harness = await startHarness();
  store = new KnowledgeStore(undefined, harness.logs.log);
  const loaded = await store.reload();
  expect(loaded.ok).toBe(true);
  endpoint = await harness.endpoint(store);
  ctx = storeContext(store, harness.logs.log);
});
afterAll(() => harness.stop());

/** A response of `type` with a message Discord would accept, that pings nobody. */
function expectMessage(res: RawResponse, type = 4) {
  expect(res.status).toBe(200);
  expect(res.json.type).toBe(type);
  expect(() => validateMessagePayload(res.json.data, { kind: 'interaction-message', path: ['data'], fileCount: 0 })).not.toThrow();
  expect(payloadProblems(res.json.data)).toEqual([]);
  return res.json.data as MessageData;
}

/** What the dispatcher answers for the same interaction, i.e. what the gateway would send. */
async function dispatched(incoming: Incoming) {
  const outgoing = await handleInteraction(incoming, ctx);
  if (outgoing.kind !== 'message' && outgoing.kind !== 'update') throw new Error(`expected a message, got ${outgoing.kind}`);
  return outgoing.data;
}

const text = (data: MessageData) => displayed(`${data.content ?? ''}\n${cardText(data)}`);

// Cards with a picture (/timeline, /attacks, the /patrol list) are deferred to upload it: pictures.test.ts.
describe('slash commands answer with the same Components V2 card as the gateway', () => {
  const cases: Array<[string, Array<{ name: string; type: number; value: string | number | boolean }>, Record<string, string | number>, RegExp]> = [
    ['patrol', [{ name: 'number', type: OptionType.Integer, value: 22 }], { number: 22 }, /^## Patrol 22 · /],
    ['attacks', [{ name: 'from', type: OptionType.String, value: '2019-01-01' }, { name: 'to', type: OptionType.String, value: '2019-02-01' }], { from: '2019-01-01', to: '2019-02-01' }, /records no attacks/],
    ['where', [{ name: 'place', type: OptionType.String, value: 'Ain Hour' }], { place: 'Ain Hour' }, /^## 📍 Ain Hawr\n[^]*“Ain Hour” is a spelling of Ain Hawr/],
    ['search', [{ name: 'query', type: OptionType.String, value: 'IED' }], { query: 'IED' }, /IED/],
    ['source', [{ name: 'id', type: OptionType.String, value: 'sofrep-26th-patrol-attacked' }], { id: 'sofrep-26th-patrol-attacked' }, /\*\*Publisher\*\* SOFREP/],
    ['help', [], {}, /\/patrol[^]*\/where/],
  ];
  for (const [name, options, values, expected] of cases) {
    it(`/${name} ${JSON.stringify(values)}`, async () => {
      const data = expectMessage(await endpoint.client.post(slash(name, options)));
      expect(data.flags).toBe(MessageFlags.IsComponentsV2);
      expect(text(data).trim()).toMatch(expected);
      expect(data.components).toEqual((await dispatched({ kind: 'command', name, options: values, userId: ASKER })).components);
    });
  }

  it('/patrol hide:true answers only to the asker', async () => {
    const data = expectMessage(await endpoint.client.post(slash('patrol', [{ name: 'number', type: OptionType.Integer, value: 22 }, { name: 'hide', type: OptionType.Boolean, value: true }])));
    expect(data.flags).toBe(MessageFlags.IsComponentsV2 | MessageFlags.Ephemeral);
  });

  it('/search never lets user text ping anyone', async () => {
    const data = expectMessage(await endpoint.client.post(slash('search', [{ name: 'query', type: OptionType.String, value: '@everyone <@1200000000000000003> patrol' }])));
    expect(data.allowed_mentions).toEqual({ parse: [] });
  });

  it('a member who installed the bot to their account gets the same card in a DM, with no guild or member', async () => {
    const data = expectMessage(await endpoint.client.post(userInstallSlash('patrol', [{ name: 'number', type: OptionType.Integer, value: 22 }])));
    expect(data.components).toEqual((await dispatched({ kind: 'command', name: 'patrol', options: { number: 22 }, userId: ASKER })).components);
  });

  it('a command the bot no longer has gets a short ephemeral notice', async () => {
    const data = expectMessage(await endpoint.client.post(slash('convoy')));
    expect(data.flags).toBe(MessageFlags.Ephemeral);
    expect(data.content).toMatch(/\/help/);
  });
});

describe('buttons and menus, pressed by anyone', () => {
  it('“Quotes & sources” opens the panel for whoever pressed, ephemeral, as the dispatcher does', async () => {
    const card = expectMessage(await endpoint.client.post(slash('patrol', [{ name: 'number', type: OptionType.Integer, value: 22 }])));
    const quotes = customIds(card).find((id) => id.startsWith('q:'))!;
    const data = expectMessage(await endpoint.client.post(buttonPress(quotes, SOMEONE_ELSE)));
    expect(data.flags).toBe(MessageFlags.IsComponentsV2 | MessageFlags.Ephemeral);
    expect(text(data)).toMatch(/quotes & sources/);
    expect(data.components).toEqual((await dispatched({ kind: 'component', customId: quotes, userId: SOMEONE_ELSE, ephemeral: false })).components);
  });

  it('“Patrol 25 ▶” under a public card sends that card to the presser; under their own ephemeral card it replaces it', async () => {
    const card = expectMessage(await endpoint.client.post(slash('patrol', [{ name: 'number', type: OptionType.Integer, value: 22 }])));
    const next = customIds(card).find((id) => id.startsWith('o:patrol:'))!;
    const fresh = expectMessage(await endpoint.client.post(buttonPress(next, SOMEONE_ELSE)));
    expect(fresh.flags).toBe(MessageFlags.IsComponentsV2 | MessageFlags.Ephemeral);
    const replaced = expectMessage(await endpoint.client.post(buttonPress(next, SOMEONE_ELSE, true)), 7);
    // An update keeps the message's visibility, and its Components V2 flag.
    expect(replaced.flags).toBe(MessageFlags.IsComponentsV2);
    expect(replaced.components).toEqual(fresh.components);
  });

  it('a select menu choice opens the chosen card', async () => {
    const list = (await dispatched({ kind: 'command', name: 'patrol', options: {}, userId: ASKER })) as MessageData;
    const [value] = menuValues(list);
    const data = expectMessage(await endpoint.client.post(selectChoice('o:menu', [value!], SOMEONE_ELSE)));
    expect(text(data)).toMatch(/^\s*## Patrol \d+ · /);
  });
});

describe('the "Find patrol facts" message command', () => {
  it('answers only to the invoker, recognising the patrol the message names', async () => {
    const target = { id: '1700000000000000002', content: 'Was the 26th patrol attacked with an IED near Ariha?' };
    const data = expectMessage(await endpoint.client.post(messageCommand('Find patrol facts', target)));
    expect(data.flags).toBe(MessageFlags.IsComponentsV2 | MessageFlags.Ephemeral);
    expect(text(data)).toMatch(/^\s*## Patrol 26 · /);
    expect(data.components).toEqual((await dispatched({ kind: 'command', name: 'Find patrol facts', options: {}, userId: ASKER, targetMessage: target })).components);
  });
});

describe('autocomplete', () => {
  async function choices(command: string, option: { name: string; type: number; value: string }, others: Array<{ name: string; type: number; value: string | number }> = []) {
    const res = await endpoint.client.post(autocomplete(command, [...others, { ...option, focused: true }]));
    expect(res.status).toBe(200);
    expect(res.json.type).toBe(8);
    expect(() => validateAutocompleteResult(res.json.data, option.type)).not.toThrow();
    return res.json.data.choices as Array<{ name: string; value: string | number }>;
  }

  it('/where suggests places for a partial name in any spelling', async () => {
    const found = await choices('where', { name: 'place', type: OptionType.String, value: 'Ain H' });
    expect(found.length).toBeGreaterThan(0);
    expect(found.map((c) => c.value)).toContain('ain-hawr');
  });

  it('/search suggests completions', async () => {
    const found = await choices('search', { name: 'query', type: OptionType.String, value: 'patr' });
    expect(found.map((c) => c.value)).toContain('patrol');
  });

  it('/source suggests sources by outlet or title', async () => {
    const found = await choices('source', { name: 'id', type: OptionType.String, value: 'sofrep' });
    expect(found.map((c) => c.value)).toContain('sofrep-26th-patrol-attacked');
  });

  it('/patrol suggests known patrols as integers, even while the typed value is partial text', async () => {
    const found = await choices('patrol', { name: 'number', type: OptionType.Integer, value: '2' });
    expect(found.map((c) => c.value)).toContain(22);
    // Discord sends whatever is typed so far, even for an integer option; it must not break anything.
    expect(await choices('patrol', { name: 'number', type: OptionType.Integer, value: 'x' })).toBeInstanceOf(Array);
  });

  it('answers an unknown command with no choices', async () => {
    expect(await choices('convoy', { name: 'q', type: OptionType.String, value: 'a' })).toEqual([]);
  });
});

describe('/healthz', () => {
  it('answers 200 with the fact base version and size once it is loaded', async () => {
    const res = await fetch(`${endpoint.url}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok', version: store.current!.base.version, facts: store.current!.base.facts.length });
  });
});
