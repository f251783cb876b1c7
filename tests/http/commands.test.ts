/**
 * Every command through the HTTP endpoint against the real knowledge files: the response is a
 * valid Discord interaction response (checked with the test Discord server's validators), never
 * pings anyone, and carries exactly what the shared dispatcher answers — the same payload the
 * gateway transport sends.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storeContext } from '../../src/interactions/context.ts';
import { handleInteraction } from '../../src/interactions/dispatch.ts';
import type { CommandContext, Incoming } from '../../src/interactions/types.ts';
import { KnowledgeStore } from '../../src/runtime/knowledge-store.ts';
import { validateAutocompleteResult } from '../discord-server/validate/interaction-responses.ts';
import { validateMessagePayload } from '../discord-server/validate/message-payload.ts';
import { startHarness, type Endpoint, type Harness } from './harness.ts';
import { ASKER, autocomplete, messageCommand, OptionType, slash } from './payloads.ts';
import type { RawResponse } from './signed-client.ts';

/** A fixed clock: the paging buttons' expiry is part of the payload compared below. */
const NOW = Date.UTC(2026, 0, 15, 12, 0, 0);
const clock = () => NOW;

let harness: Harness;
let endpoint: Endpoint;
let store: KnowledgeStore;
let ctx: CommandContext;

beforeAll(async () => {
  harness = await startHarness(clock);
  store = new KnowledgeStore(undefined, harness.logs.log);
  const loaded = await store.reload();
  expect(loaded.ok).toBe(true);
  endpoint = await harness.endpoint(store);
  ctx = storeContext(store, harness.logs.log, clock);
});
afterAll(() => harness.stop());

/** A type-4 message that Discord would accept, that pings nobody, and that has something in it. */
function expectMessage(res: RawResponse) {
  expect(res.status).toBe(200);
  expect(res.json.type).toBe(4);
  expect(() => validateMessagePayload(res.json.data, { kind: 'interaction-message', path: ['data'], fileCount: 0 })).not.toThrow();
  expect(res.json.data.allowed_mentions).toEqual({ parse: [] });
  return res.json.data as Message;
}

interface Message {
  content?: string;
  embeds: Array<{ title?: string; description?: string }>;
  components: Array<{ components: Array<{ custom_id: string; label?: string; disabled?: boolean }> }>;
  allowed_mentions: unknown;
  flags?: number;
}

/** What the dispatcher answers for the same interaction, i.e. what the gateway would send. */
async function dispatched(incoming: Incoming) {
  const outgoing = await handleInteraction(incoming, ctx);
  if (outgoing.kind !== 'message') throw new Error(`expected a message, got ${outgoing.kind}`);
  return outgoing.data;
}

const text = (data: { embeds: Array<{ title?: string; description?: string }>; content?: string }) =>
  [data.content ?? '', ...data.embeds.flatMap((e) => [e.title ?? '', e.description ?? ''])].join('\n');

describe('slash commands', () => {
  it('/patrol 22 answers with the 22nd patrol, paged, as the dispatcher does', async () => {
    const res = await endpoint.client.post(slash('patrol', [{ name: 'number', type: OptionType.Integer, value: 22 }]));
    const data = expectMessage(res);
    expect(data.embeds[0]!.title).toMatch(/22/);
    expect(text(data)).toMatch(/Ain H|Tronba|Taranba|Latakia/i);
    expect(data.flags ?? 0).toBe(0);
    // Six and more facts do not fit one page: Previous (off), "Page 1 of n", Next (on).
    const [previous, label, next] = data.components[0]!.components;
    expect(previous!.disabled).toBe(true);
    expect(label!.label).toMatch(/^Page 1 of \d+$/);
    expect(next!.custom_id).toMatch(/^pg;1;/);
    const expected = await dispatched({ kind: 'command', name: 'patrol', options: { number: 22 }, userId: ASKER });
    expect(data.embeds).toEqual(expected.embeds);
    expect(data.components).toEqual(expected.components);
  });

  it('/patrol without a number lists the known patrols', async () => {
    const data = expectMessage(await endpoint.client.post(slash('patrol')));
    expect(text(data)).toMatch(/22/);
    expect(text(data)).toMatch(/26/);
    expect(data.embeds).toEqual((await dispatched({ kind: 'command', name: 'patrol', options: {}, userId: ASKER })).embeds);
  });

  it('/patrol hide:true answers only to the asker', async () => {
    const data = expectMessage(await endpoint.client.post(slash('patrol', [{ name: 'number', type: OptionType.Integer, value: 22 }, { name: 'hide', type: OptionType.Boolean, value: true }])));
    expect(data.flags).toBe(64);
  });

  it('/attacks lists the attacks on the patrols', async () => {
    const data = expectMessage(await endpoint.client.post(slash('attacks')));
    expect(text(data)).toMatch(/attack|IED|explo/i);
    expect(data.embeds).toEqual((await dispatched({ kind: 'command', name: 'attacks', options: {}, userId: ASKER })).embeds);
  });

  it('/attacks with a date range outside the fact base says there is nothing', async () => {
    const data = expectMessage(await endpoint.client.post(slash('attacks', [{ name: 'from', type: OptionType.String, value: '2019-01-01' }, { name: 'to', type: OptionType.String, value: '2019-02-01' }])));
    expect(text(data)).toMatch(/records no attacks/);
    expect(data.embeds).toEqual((await dispatched({ kind: 'command', name: 'attacks', options: { from: '2019-01-01', to: '2019-02-01' }, userId: ASKER })).embeds);
  });

  it('/where resolves a place by another spelling', async () => {
    const data = expectMessage(await endpoint.client.post(slash('where', [{ name: 'place', type: OptionType.String, value: 'Ain Hour' }])));
    expect(data.embeds[0]!.title).toBe('Ain Hawr');
    expect(text(data)).toMatch(/“Ain Hour” is a spelling of Ain Hawr/);
    expect(data.embeds).toEqual((await dispatched({ kind: 'command', name: 'where', options: { place: 'Ain Hour' }, userId: ASKER })).embeds);
  });

  it('/search finds facts by free text', async () => {
    const data = expectMessage(await endpoint.client.post(slash('search', [{ name: 'query', type: OptionType.String, value: 'IED' }])));
    expect(text(data)).toMatch(/IED|explosive/i);
    expect(data.embeds).toEqual((await dispatched({ kind: 'command', name: 'search', options: { query: 'IED' }, userId: ASKER })).embeds);
  });

  it('/search never lets user text ping anyone', async () => {
    const data = expectMessage(await endpoint.client.post(slash('search', [{ name: 'query', type: OptionType.String, value: '@everyone <@1200000000000000003> patrol' }])));
    expect(data.allowed_mentions).toEqual({ parse: [] });
  });

  it('/timeline pages through everything in date order', async () => {
    const data = expectMessage(await endpoint.client.post(slash('timeline')));
    expect(data.components[0]!.components[1]!.label).toMatch(/^Page 1 of \d+$/);
    expect(data.embeds).toEqual((await dispatched({ kind: 'command', name: 'timeline', options: {}, userId: ASKER })).embeds);
  });

  it('/source describes one source article', async () => {
    const data = expectMessage(await endpoint.client.post(slash('source', [{ name: 'id', type: OptionType.String, value: 'sofrep-26th-patrol-attacked' }])));
    expect(data.embeds[0]!.title).toMatch(/patrol attacked on M4/i);
    expect(text(data)).toMatch(/Publisher:\*\* SOFREP/);
    expect(data.embeds).toEqual((await dispatched({ kind: 'command', name: 'source', options: { id: 'sofrep-26th-patrol-attacked' }, userId: ASKER })).embeds);
  });

  it('/help says what the bot knows and how to ask', async () => {
    const data = expectMessage(await endpoint.client.post(slash('help', [], ASKER, false)));
    expect(text(data)).toMatch(/\/patrol/);
    expect(text(data)).toMatch(/\/where/);
    expect(data.embeds).toEqual((await dispatched({ kind: 'command', name: 'help', options: {}, userId: ASKER })).embeds);
  });

  it('a command the bot no longer has gets a short ephemeral notice', async () => {
    const data = expectMessage(await endpoint.client.post(slash('convoy')));
    expect(data.flags).toBe(64);
    expect(data.content).toMatch(/\/help/);
  });
});

describe('the "Find patrol facts" message command', () => {
  it('answers only to the invoker with facts related to the message', async () => {
    const target = { id: '1700000000000000002', content: 'Was the 26th patrol attacked with an IED near Ariha?' };
    const data = expectMessage(await endpoint.client.post(messageCommand('Find patrol facts', target)));
    expect(data.flags).toBe(64);
    expect(text(data)).toMatch(/26|IED|Ariha/i);
    expect(data.embeds).toEqual((await dispatched({ kind: 'command', name: 'Find patrol facts', options: {}, userId: ASKER, targetMessage: target })).embeds);
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

  it('/source suggests source ids', async () => {
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
