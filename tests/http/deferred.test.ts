/**
 * Commands that arrive while the fact base is still loading are acknowledged at once (Discord's
 * three seconds) and finished through the interaction's webhook; /healthz tells a load balancer
 * when the replica is ready; close() lets a deferred reply finish.
 */
import { MessageFlags } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storeContext } from '../../src/interactions/context.ts';
import { handleInteraction } from '../../src/interactions/dispatch.ts';
import { KnowledgeStore } from '../../src/runtime/knowledge-store.ts';
import { validateMessagePayload } from '../discord-server/validate/message-payload.ts';
import { gatedStore, startHarness, type Harness } from './harness.ts';
import { APPLICATION_ID, ASKER, autocomplete, OptionType, slash } from './payloads.ts';
import { rawRequest } from './signed-client.ts';

let harness: Harness;
let loaded: KnowledgeStore;

beforeAll(async () => {
  harness = await startHarness();
  loaded = new KnowledgeStore(undefined, harness.logs.log);
  expect((await loaded.reload()).ok).toBe(true);
});
afterAll(() => harness.stop());

describe('before the first load has finished', () => {
  it('defers a command, then PATCHes the answer to the original response once the fact base is ready', async () => {
    const store = gatedStore(loaded);
    const endpoint = await harness.endpoint(store);

    const health = await rawRequest(`${endpoint.url}/healthz`, { method: 'GET' });
    expect(health.status).toBe(503);

    const payload = slash('patrol', [{ name: 'number', type: OptionType.Integer, value: 22 }]);
    const first = harness.catcher.requests.length;
    const res = await endpoint.client.post(payload);
    expect(res.status).toBe(200);
    expect(res.json).toEqual({ type: 5, data: {} });
    expect(harness.catcher.requests.length).toBe(first);

    // An autocomplete cannot be deferred: with nothing loaded it gets no choices at once.
    const early = await endpoint.client.post(autocomplete('where', [{ name: 'place', type: OptionType.String, value: 'Ari', focused: true }]));
    expect(early.json).toEqual({ type: 8, data: { choices: [] } });

    store.open();
    const patch = await harness.catcher.request(first + 1);
    expect(patch.method).toBe('PATCH');
    expect(patch.path).toBe(`/api/v10/webhooks/${APPLICATION_ID}/${payload.token}/messages/@original`);
    expect(patch.headers.authorization).toBeUndefined();
    expect(() => validateMessagePayload(patch.body, { kind: 'edit', path: [], fileCount: 0 })).not.toThrow();
    expect(patch.body.allowed_mentions).toEqual({ parse: [] });
    // A deferred card is completed by editing the original response with the Components V2 flag.
    expect(patch.body.flags).toBe(MessageFlags.IsComponentsV2);
    expect(patch.body).not.toHaveProperty('embeds');

    // The edit is the card the dispatcher gives once loaded, buttons included.
    const answer = await handleInteraction({ kind: 'command', name: 'patrol', options: { number: 22 }, userId: ASKER }, storeContext(loaded, harness.logs.log));
    expect(answer.kind).toBe('message');
    if (answer.kind !== 'message') return;
    expect(patch.body.components).toEqual(answer.data.components);

    const ready = await rawRequest(`${endpoint.url}/healthz`, { method: 'GET' });
    expect(ready.status).toBe(200);
    expect(ready.json).toEqual({ status: 'ok', version: loaded.current!.base.version, facts: loaded.current!.base.facts.length });
    expect(ready.json.version).toMatch(/^[0-9a-f]{8,}$/);
  });

  it('keeps a hidden command hidden: the acknowledgement is ephemeral', async () => {
    const store = gatedStore(loaded);
    const endpoint = await harness.endpoint(store);
    const first = harness.catcher.requests.length;
    const res = await endpoint.client.post(slash('help', [{ name: 'hide', type: OptionType.Boolean, value: true }]));
    expect(res.json).toEqual({ type: 5, data: { flags: 64 } });
    store.open();
    const patch = await harness.catcher.request(first + 1);
    // Visibility was settled by the acknowledgement: the edit carries only the V2 flag.
    expect(patch.body.flags).toBe(MessageFlags.IsComponentsV2);
    expect(patch.body.components.length).toBe(1);
  });

  it('close() waits for a deferred reply still in progress, then stops', async () => {
    const store = gatedStore(loaded);
    const endpoint = await harness.endpoint(store);
    const first = harness.catcher.requests.length;
    const res = await endpoint.client.post(slash('timeline'));
    expect(res.json.type).toBe(5);

    let closed = false;
    const closing = endpoint.server.close().then(() => (closed = true));
    // Still open for business with the deferred reply: close() has not returned.
    await new Promise((resolve) => setImmediate(resolve));
    expect(closed).toBe(false);
    store.open();
    await closing;
    expect(harness.catcher.requests.length).toBe(first + 1);
    expect(harness.catcher.requests[first]!.body.components.length).toBe(1);
    await expect(rawRequest(`${endpoint.url}/healthz`, { method: 'GET' })).rejects.toThrow(/ECONNREFUSED/);
  });
});
