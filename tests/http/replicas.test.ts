/**
 * Two replicas of the endpoint (two servers, two ports, each with its own store over the same
 * knowledge files) serve one paging conversation alternately. Nothing is shared between them but
 * what the buttons' custom ids carry.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PAGE_BUTTON_LIFETIME_MS } from '../../src/interactions/paging.ts';
import { KnowledgeStore } from '../../src/runtime/knowledge-store.ts';
import { validateMessagePayload } from '../discord-server/validate/message-payload.ts';
import { startHarness, type Endpoint, type Harness } from './harness.ts';
import { ASKER, buttonPress, OptionType, slash, SOMEONE_ELSE } from './payloads.ts';
import type { RawResponse } from './signed-client.ts';

let now = Date.UTC(2026, 0, 15, 12, 0, 0);
const clock = () => now;

let harness: Harness;
let a: Endpoint;
let b: Endpoint;

beforeAll(async () => {
  harness = await startHarness(clock);
  const replica = async () => {
    const store = new KnowledgeStore(undefined, harness.logs.log);
    expect((await store.reload()).ok).toBe(true);
    return harness.endpoint(store);
  };
  [a, b] = await Promise.all([replica(), replica()]);
  expect(a.url).not.toBe(b.url);
});
afterAll(() => harness.stop());

type Button = { custom_id: string; label?: string; disabled?: boolean };
const buttons = (res: RawResponse): Button[] => res.json.data.components[0].components;
const pageLabel = (res: RawResponse) => buttons(res)[1]!.label;
const previous = (res: RawResponse) => buttons(res)[0]!;
const next = (res: RawResponse) => buttons(res)[2]!;

function expectValid(res: RawResponse, type: number) {
  expect(res.status).toBe(200);
  expect(res.json.type).toBe(type);
  expect(() => validateMessagePayload(res.json.data, { kind: 'interaction-message', path: ['data'], fileCount: 0 })).not.toThrow();
  expect(res.json.data.allowed_mentions).toEqual({ parse: [] });
}

describe('one paging conversation across two replicas', () => {
  it('pages forward on B and back on A, refuses another user, and refuses expired buttons', async () => {
    const [healthA, healthB] = await Promise.all([fetch(`${a.url}/healthz`).then((r) => r.json()), fetch(`${b.url}/healthz`).then((r) => r.json())]);
    expect(healthA).toEqual(healthB);

    // Page 1 from A.
    const page1 = await a.client.post(slash('patrol', [{ name: 'number', type: OptionType.Integer, value: 22 }]));
    expectValid(page1, 4);
    expect(pageLabel(page1)).toMatch(/^Page 1 of \d+$/);
    expect(previous(page1).disabled).toBe(true);

    // Next pressed on B: B has never seen this conversation, yet gives page 2 as an update.
    const page2 = await b.client.post(buttonPress(next(page1).custom_id));
    expectValid(page2, 7);
    expect(pageLabel(page2)).toMatch(/^Page 2 of \d+$/);
    expect(page2.json.data.embeds).not.toEqual(page1.json.data.embeds);
    expect(previous(page2).disabled).toBe(false);

    // Previous pressed on A: page 1 again, the same as it was first sent.
    const again = await a.client.post(buttonPress(previous(page2).custom_id));
    expectValid(again, 7);
    expect(pageLabel(again)).toBe(pageLabel(page1));
    expect(again.json.data.embeds).toEqual(page1.json.data.embeds);
    expect(buttons(again)).toEqual(buttons(page1));

    // Someone else presses Next, on either replica: refused, only to them, message untouched.
    for (const replica of [a, b]) {
      const stranger = await replica.client.post(buttonPress(next(page1).custom_id, SOMEONE_ELSE));
      expectValid(stranger, 4);
      expect(stranger.json.data.flags).toBe(64);
      expect(stranger.json.data.content).toMatch(/Only the person who asked/);
    }

    // The buttons outlive their lifetime: both replicas refuse them.
    now += PAGE_BUTTON_LIFETIME_MS + 1_000;
    for (const replica of [b, a]) {
      const expired = await replica.client.post(buttonPress(next(page1).custom_id, ASKER));
      expectValid(expired, 4);
      expect(expired.json.data.flags).toBe(64);
      expect(expired.json.data.content).toMatch(/expired/);
    }
  });

  it('refuses a forged button id on either replica', async () => {
    for (const replica of [a, b]) {
      const res = await replica.client.post(buttonPress('pg;zz;not-a-user;x;patrol;'));
      expectValid(res, 4);
      expect(res.json.data.flags).toBe(64);
      expect(res.json.data.content).toMatch(/not one I know/);
    }
  });
});
