/**
 * Signed or not, what a hostile client sends never costs more than a refusal: options nested a
 * thousand deep are a 400 (not a stack overflow), a replayed request is refused however often it
 * comes, /reload runs only for a server administrator, and a flood of forgeries is one log line.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ReloadOutcome } from '../../src/runtime/knowledge-store.ts';
import type { KnowledgeSource } from '../../src/transports/http/server.ts';
import { startHarness, type Endpoint, type Harness } from './harness.ts';
import { ping, slash } from './payloads.ts';
import { rawRequest, signatureFor, testKeys } from './signed-client.ts';

const reload = vi.fn(async (): Promise<ReloadOutcome> => ({ ok: true, changed: false, version: 'v1', facts: 1, ms: 1 }));
/** No fact base (no command below needs one), and a /reload that only counts. */
const store: KnowledgeSource = { current: null, ready: () => new Promise(() => {}), reload };

let harness: Harness;
let endpoint: Endpoint;

beforeAll(async () => {
  harness = await startHarness();
  endpoint = await harness.endpoint(store, { refusalLogIntervalMs: 3_600_000 });
});
afterAll(() => harness.stop());
beforeEach(() => {
  reload.mockClear();
  endpoint.server.flushRefusals();
});

/** A guild member with `permissions` (Discord's bitfield string), or a DM when null. */
function asMember<T extends Record<string, unknown>>(payload: T, permissions: string | null): T {
  if (permissions === null) {
    const { member, ...rest } = payload as Record<string, unknown> & { member: { user: unknown } };
    return { ...rest, user: member.user } as unknown as T;
  }
  return { ...payload, member: { ...(payload.member as object), permissions } };
}

/** The exact bytes and headers, so that the very same signed request can be sent again. */
function signedOnce(payload: unknown) {
  const body = JSON.stringify(payload);
  const timestamp = String(Math.floor(Date.now() / 1000));
  const headers = { 'content-type': 'application/json', 'x-signature-ed25519': signatureFor(harness.keys.privateKey, timestamp, body), 'x-signature-timestamp': timestamp };
  return () => rawRequest(`${endpoint.url}/interactions`, { headers, body });
}

describe('deeply nested options', () => {
  const nested = (depth: number) => {
    let options: unknown[] = [{ name: 'q', type: 3, value: 'x' }];
    for (let i = 1; i < depth; i++) options = [{ name: `s${i}`, type: i === 1 ? 1 : 2, options }];
    return slash('help', options as never);
  };

  it('answers 400, not 500, to a thousand levels, and logs no error', async () => {
    const res = await endpoint.client.post(nested(1_000));
    expect(res.status).toBe(400);
    expect(res.json.error).toMatch(/nested deeper than Discord allows/);
    expect(harness.logs.lines().filter((l) => l.level === 'error')).toEqual([]);
  });

  it('accepts the deepest nesting Discord sends (group → sub-command → option) and refuses one more level', async () => {
    expect((await endpoint.client.post(nested(3))).status).toBe(200);
    expect((await endpoint.client.post(nested(4))).status).toBe(400);
  });
});

describe('replays', () => {
  it('refuses the same signed request the second time, and every time after', async () => {
    const send = signedOnce(asMember(slash('help'), '8'));
    expect((await send()).status).toBe(200);
    for (let i = 0; i < 5; i++) {
      const again = await send();
      expect(again.status).toBe(409);
      expect(again.json).toEqual({ error: 'interaction already received' });
    }
  });

  it('a replayed /reload reloads once', async () => {
    const send = signedOnce(asMember(slash('reload'), '8'));
    expect((await send()).json.type).toBe(5);
    await send();
    await send();
    await harness.catcher.request(1);
    expect(reload).toHaveBeenCalledTimes(1);
    harness.catcher.requests.length = 0;
  });

  it('refuses an id seen before even when it is signed again with a new timestamp', async () => {
    const payload = slash('help');
    expect((await endpoint.client.post(payload)).status).toBe(200);
    expect((await endpoint.client.post(payload, { timestamp: Math.floor(Date.now() / 1000) - 30 })).status).toBe(409);
  });
});

describe('/reload checks the member', () => {
  it.each([
    ['a member without permissions', '0'],
    ['a member who may manage the server but is no administrator', String(1n << 5n)],
    ['a DM, where there is no member', null],
    ['a malformed permissions field', 'lots'],
  ])('refuses %s, and nothing is reloaded', async (_label, permissions) => {
    const res = await endpoint.client.post(asMember(slash('reload'), permissions));
    expect(res.status).toBe(200);
    expect(res.json.type).toBe(4);
    expect(res.json.data.flags).toBe(64);
    expect(res.json.data.content).toMatch(/Only server administrators/);
    expect(reload).not.toHaveBeenCalled();
  });

  it('reloads for an administrator', async () => {
    const res = await endpoint.client.post(asMember(slash('reload'), String((1n << 3n) | (1n << 11n))));
    expect(res.json).toEqual({ type: 5, data: { flags: 64 } });
    await harness.catcher.request(1);
    expect(reload).toHaveBeenCalledTimes(1);
    harness.catcher.requests.length = 0;
  });
});

describe('refusals are logged in aggregate', () => {
  it('logs one line with a count per reason for a flood of forged and stale requests', async () => {
    const before = harness.logs.lines().length;
    const forger = testKeys();
    for (let i = 0; i < 60; i++) await endpoint.client.post(ping(), { key: forger.privateKey });
    for (let i = 0; i < 7; i++) await endpoint.client.post(ping(), { timestamp: Math.floor(Date.now() / 1000) - 3_600 });
    expect(harness.logs.lines().slice(before).filter((l) => l.level === 'warn')).toEqual([]);
    endpoint.server.flushRefusals();
    const lines = harness.logs.lines().slice(before).filter((l) => l.level !== 'debug');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ level: 'warn', msg: 'refused 67 requests', refused: { 'bad signature': 60, 'stale timestamp': 7 } });
  });
});
