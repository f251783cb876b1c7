/**
 * Two replicas of the endpoint (two servers, two ports, each with its own store over the same
 * knowledge files) answer presses on each other's cards. Nothing is shared between them but what
 * a button's custom id carries: the card it belongs to, never who asked or when.
 */
import { MessageFlags } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KnowledgeStore } from '../../src/runtime/knowledge-store.ts';
import { validateMessagePayload } from '../discord-server/validate/message-payload.ts';
import { cardText, customIds, menuValues } from '../render/discord-limits.ts';
import { startHarness, type Endpoint, type Harness } from './harness.ts';
import { ASKER, buttonPress, OptionType, selectChoice, slash, SOMEONE_ELSE } from './payloads.ts';
import type { RawResponse } from './signed-client.ts';

let harness: Harness;
let a: Endpoint;
let b: Endpoint;

beforeAll(async () => {
  harness = await startHarness();
  const replica = async () => {
    const store = new KnowledgeStore(undefined, harness.logs.log);
    expect((await store.reload()).ok).toBe(true);
    return harness.endpoint(store);
  };
  [a, b] = await Promise.all([replica(), replica()]);
  expect(a.url).not.toBe(b.url);
});
afterAll(() => harness.stop());

function expectValid(res: RawResponse, type: number) {
  expect(res.status).toBe(200);
  expect(res.json.type).toBe(type);
  expect(() => validateMessagePayload(res.json.data, { kind: 'interaction-message', path: ['data'], fileCount: 0 })).not.toThrow();
  expect(res.json.data.allowed_mentions).toEqual({ parse: [] });
}

describe('one card, its presses answered by either replica', () => {
  it('panels, navigation and menus from a card A sent are answered the same by B, for anyone, at any time', async () => {
    const [healthA, healthB] = await Promise.all([fetch(`${a.url}/healthz`).then((r) => r.json()), fetch(`${b.url}/healthz`).then((r) => r.json())]);
    expect(healthA).toEqual(healthB);

    const card = await a.client.post(slash('patrol', [{ name: 'number', type: OptionType.Integer, value: 22 }]));
    expectValid(card, 4);
    const ids = customIds(card.json.data);
    expect(ids.length).toBeGreaterThan(1);
    for (const id of ids) {
      // Someone other than the asker presses each button, on B and on A: the same answer, only for them.
      const [onB, onA] = [await b.client.post(buttonPress(id, SOMEONE_ELSE)), await a.client.post(buttonPress(id, SOMEONE_ELSE))];
      expectValid(onB, 4);
      expect(onB.json.data.flags).toBe(MessageFlags.IsComponentsV2 | MessageFlags.Ephemeral);
      expect(onB.json.data.components).toEqual(onA.json.data.components);
    }

    // Browsing within a card only the presser sees replaces it, on either replica alike.
    const next = ids.find((id) => id.startsWith('o:patrol:'))!;
    const [updatedB, updatedA] = [await b.client.post(buttonPress(next, ASKER, true)), await a.client.post(buttonPress(next, ASKER, true))];
    expectValid(updatedB, 7);
    expect(updatedB.json.data.components).toEqual(updatedA.json.data.components);

    // A menu choice on a card A sent, answered by B. The list carries a picture, so A defers it
    // and sends the card through the webhook.
    const sent = harness.catcher.requests.length;
    const list = await a.client.post(slash('patrol'));
    expect(list.json.type).toBe(5);
    const [value] = menuValues((await harness.catcher.request(sent + 1)).body);
    const chosen = await b.client.post(selectChoice('o:menu', [value!], SOMEONE_ELSE));
    expectValid(chosen, 4);
    expect(cardText(chosen.json.data)).toMatch(/^## Patrol \d+ · /);
  });

  it('refuses a forged id, and explains an old paging button, on either replica', async () => {
    for (const replica of [a, b]) {
      const forged = await replica.client.post(buttonPress('zz;not-a-press'));
      expectValid(forged, 4);
      expect(forged.json.data.flags).toBe(MessageFlags.Ephemeral);
      expect(forged.json.data.content).toMatch(/not one I know/);
      const old = await replica.client.post(buttonPress('pg;1;1200000000000000002;sx0;timeline;'));
      expect(old.json.data.content).toMatch(/earlier version of the bot/);
    }
  });
});
