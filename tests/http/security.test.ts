/**
 * The endpoint's outer shell, with a spy in place of the dispatcher so that "nothing ran" is
 * observable: signatures, replay window, size limit, malformed bodies, routing, and the promise
 * that no input takes the server down.
 */
import { connect } from 'node:net';
import { Agent, request } from 'node:http';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CommandContext, Incoming, Outgoing } from '../../src/interactions/types.ts';
import { emptyStore, startHarness, type Endpoint, type Harness } from './harness.ts';
import { APPLICATION_ID, ASKER, buttonPress, messageCommand, ping, selectChoice, slash } from './payloads.ts';
import { rawRequest, signatureFor, testKeys } from './signed-client.ts';

const handle = vi.fn(async (_incoming: Incoming, _ctx: CommandContext): Promise<Outgoing> => ({ kind: 'message', data: { content: 'handled' } }));

let harness: Harness;
let endpoint: Endpoint;

beforeAll(async () => {
  harness = await startHarness();
  endpoint = await harness.endpoint(emptyStore, { handle });
});
afterAll(() => harness.stop());
beforeEach(() => handle.mockClear());

function nothingRan() {
  expect(handle).not.toHaveBeenCalled();
  expect(harness.catcher.requests).toHaveLength(0);
}

describe('PING', () => {
  it('answers a signed PING with PONG without dispatching anything', async () => {
    const res = await endpoint.client.post(ping());
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(res.json).toEqual({ type: 1 });
    nothingRan();
  });
});

describe('signature checks: 401 and nothing runs', () => {
  const body = JSON.stringify(slash('help'));
  const now = () => String(Math.floor(Date.now() / 1000));

  it('refuses a request without the signature headers', async () => {
    const res = await rawRequest(`${endpoint.url}/interactions`, { body, headers: { 'content-type': 'application/json' } });
    expect(res.status).toBe(401);
    nothingRan();
  });

  it('refuses a request with only one of the two headers', async () => {
    const timestamp = now();
    const signature = signatureFor(harness.keys.privateKey, timestamp, body);
    expect((await rawRequest(`${endpoint.url}/interactions`, { body, headers: { 'x-signature-ed25519': signature } })).status).toBe(401);
    expect((await rawRequest(`${endpoint.url}/interactions`, { body, headers: { 'x-signature-timestamp': timestamp } })).status).toBe(401);
    nothingRan();
  });

  it.each([
    ['not hex', 'zz'.repeat(64)],
    ['too short', 'ab'.repeat(32)],
    ['too long', 'ab'.repeat(65)],
    ['empty', ''],
  ])('refuses a malformed signature (%s)', async (_label, signature) => {
    const res = await rawRequest(`${endpoint.url}/interactions`, { body, headers: { 'x-signature-ed25519': signature, 'x-signature-timestamp': now() } });
    expect(res.status).toBe(401);
    nothingRan();
  });

  it.each([['abc'], ['1e9'], ['-5'], [''], ['12345678901234']])('refuses a malformed timestamp %j', async (timestamp) => {
    const signature = signatureFor(harness.keys.privateKey, timestamp, body);
    const res = await rawRequest(`${endpoint.url}/interactions`, { body, headers: { 'x-signature-ed25519': signature, 'x-signature-timestamp': timestamp } });
    expect(res.status).toBe(401);
    nothingRan();
  });

  it('refuses a body signed with another key', async () => {
    const forger = testKeys();
    const res = await endpoint.client.post(slash('help'), { key: forger.privateKey });
    expect(res.status).toBe(401);
    expect(res.json).toEqual({ error: 'invalid request signature' });
    nothingRan();
  });

  it('refuses a body changed after signing', async () => {
    const timestamp = now();
    const signature = signatureFor(harness.keys.privateKey, timestamp, body);
    const tampered = body.replace('"help"', '"patrol"');
    const res = await rawRequest(`${endpoint.url}/interactions`, { body: tampered, headers: { 'x-signature-ed25519': signature, 'x-signature-timestamp': timestamp } });
    expect(res.status).toBe(401);
    nothingRan();
  });

  it('refuses a validly signed request whose timestamp is replayed from more than 5 minutes ago', async () => {
    const sixMinutesAgo = Math.floor(Date.now() / 1000) - 6 * 60;
    const res = await endpoint.client.post(slash('help'), { timestamp: sixMinutesAgo });
    expect(res.status).toBe(401);
    nothingRan();
  });

  it('refuses a timestamp more than 5 minutes in the future', async () => {
    const res = await endpoint.client.post(slash('help'), { timestamp: Math.floor(Date.now() / 1000) + 6 * 60 });
    expect(res.status).toBe(401);
    nothingRan();
  });

  it('accepts a timestamp a few minutes old (inside the window)', async () => {
    const res = await endpoint.client.post(slash('help'), { timestamp: Math.floor(Date.now() / 1000) - 4 * 60 });
    expect(res.status).toBe(200);
    expect(handle).toHaveBeenCalledTimes(1);
  });

  it('refuses a PING with a bad signature (Discord checks this when the URL is saved)', async () => {
    const res = await endpoint.client.post(ping(), { key: testKeys().privateKey });
    expect(res.status).toBe(401);
  });
});

describe('bodies', () => {
  const oversized = () => JSON.stringify({ ...slash('search', [{ name: 'query', type: 3, value: 'x'.repeat(70 * 1024) }]) });

  it('answers 413 to a body over the limit declared by content-length, and nothing runs', async () => {
    const res = await endpoint.client.postRaw(oversized());
    expect(res.status).toBe(413);
    expect(res.headers.connection).toBe('close');
    nothingRan();
  });

  it('answers 413 to a chunked body once it passes the limit, and nothing runs', async () => {
    const res = await endpoint.client.postRaw(oversized(), { chunked: true });
    expect(res.status).toBe(413);
    nothingRan();
    // The server is still there for the next request.
    expect((await endpoint.client.post(ping())).json).toEqual({ type: 1 });
  });

  it('answers 400 to a signed body that is not JSON, and nothing runs', async () => {
    const res = await endpoint.client.postRaw('type=2&data=help');
    expect(res.status).toBe(400);
    expect(res.json).toEqual({ error: 'body is not JSON' });
    nothingRan();
  });

  it.each([['[]'], ['null'], ['"ping"'], ['{"type":"1"}'], ['{}']])('answers 400 to signed JSON that is no interaction: %s', async (text) => {
    const res = await endpoint.client.postRaw(text);
    expect(res.status).toBe(400);
    nothingRan();
  });

  it('answers 400 to an interaction without a user or token', async () => {
    const noUser: Record<string, unknown> = slash('help');
    delete noUser.member;
    expect((await endpoint.client.post(noUser)).status).toBe(400);
    const noToken: Record<string, unknown> = slash('help');
    delete noToken.token;
    expect((await endpoint.client.post(noToken)).status).toBe(400);
    nothingRan();
  });
});

describe('interactions this bot does not handle', () => {
  it.each([
    ['a modal submit (type 5)', { ...slash('help'), type: 5, data: { custom_id: 'form', components: [] } }],
    ['a future interaction type', { ...slash('help'), type: 99 }],
    ['a user context-menu command', { ...slash('help'), data: { id: '1', name: 'Inspect', type: 2, target_id: '1200000000000000009' } }],
    ['a user select menu', { ...buttonPress('menu'), data: { custom_id: 'menu', component_type: 5, values: ['1200000000000000009'] } }],
  ])('answers %s with a clear ephemeral message', async (_label, payload) => {
    const res = await endpoint.client.post(payload);
    expect(res.status).toBe(200);
    expect(res.json.type).toBe(4);
    expect(res.json.data.flags).toBe(64);
    expect(res.json.data.content).toMatch(/^This bot does not handle .+ Type \/help/);
    expect(res.json.data.allowed_mentions).toEqual({ parse: [] });
    nothingRan();
  });
});

describe('what the dispatcher is given', () => {
  it('takes the user from member.user in a guild and from user in a DM', async () => {
    await endpoint.client.post(slash('help', [], ASKER, true));
    await endpoint.client.post(slash('help', [], '1200000000000000042', false));
    expect(handle.mock.calls.map(([incoming]) => incoming.userId)).toEqual([ASKER, '1200000000000000042']);
  });

  it('passes slash options, with subcommand options flattened', async () => {
    await endpoint.client.post(slash('patrol', [{ name: 'number', type: 4, value: 22 }, { name: 'hide', type: 5, value: true }]));
    await endpoint.client.post(slash('group', [{ name: 'sub', type: 1, options: [{ name: 'q', type: 3, value: 'x' }] } as never]));
    expect(handle.mock.calls[0]![0]).toEqual({ kind: 'command', name: 'patrol', options: { number: 22, hide: true }, userId: ASKER, memberPermissions: '0' });
    expect(handle.mock.calls[1]![0]).toMatchObject({ kind: 'command', name: 'group', options: { q: 'x' } });
  });

  it('passes the target message of a message command', async () => {
    await endpoint.client.post(messageCommand('Find patrol facts', { id: '1700000000000000001', content: 'IED near Ariha?' }));
    expect(handle.mock.calls[0]![0]).toEqual({
      kind: 'command',
      name: 'Find patrol facts',
      options: {},
      userId: ASKER,
      targetMessage: { id: '1700000000000000001', content: 'IED near Ariha?' },
      memberPermissions: '0',
    });
  });

  it('passes a button press with its custom id, and whether its message is ephemeral', async () => {
    await endpoint.client.post(buttonPress('o:help:'));
    expect(handle.mock.calls[0]![0]).toEqual({ kind: 'component', customId: 'o:help:', userId: ASKER, ephemeral: false });
    await endpoint.client.post(buttonPress('o:help:', ASKER, true));
    expect(handle.mock.calls[1]![0]).toEqual({ kind: 'component', customId: 'o:help:', userId: ASKER, ephemeral: true });
  });

  it('passes a select menu choice with its values', async () => {
    await endpoint.client.post(selectChoice('o:menu', ['patrol:number=22']));
    expect(handle.mock.calls[0]![0]).toEqual({ kind: 'component', customId: 'o:menu', values: ['patrol:number=22'], userId: ASKER, ephemeral: false });
  });

  it('gives autocomplete an empty list if the dispatcher answers anything but choices', async () => {
    const res = await endpoint.client.post({ ...slash('where', [{ name: 'place', type: 3, value: 'Ari', focused: true }]), type: 4 });
    expect(res.json).toEqual({ type: 8, data: { choices: [] } });
  });
});

describe('deferred replies', () => {
  it('acknowledges with type 5 and PATCHes the answer to the original response, without a bot token', async () => {
    handle.mockImplementationOnce(async () => ({ kind: 'deferred', ephemeral: true, reply: Promise.resolve({ data: { content: 'later <@123>', flags: 64 } }) }));
    const payload = slash('reload');
    const res = await endpoint.client.post(payload);
    expect(res.json).toEqual({ type: 5, data: { flags: 64 } });
    const patch = await harness.catcher.request(1);
    expect(patch.method).toBe('PATCH');
    expect(patch.path).toBe(`/api/v10/webhooks/${APPLICATION_ID}/${payload.token}/messages/@original`);
    expect(patch.headers.authorization).toBeUndefined();
    expect(patch.body).toEqual({ content: 'later <@123>', embeds: [], components: [], allowed_mentions: { parse: [] } });
    harness.catcher.requests.length = 0;
  });

  it('finishes a deferred reply whose work failed with an error id, logged under the same id', async () => {
    handle.mockImplementationOnce(async () => ({ kind: 'deferred', ephemeral: false, reply: Promise.reject(new Error('index exploded')) }));
    const res = await endpoint.client.post(slash('timeline'));
    expect(res.json).toEqual({ type: 5, data: {} });
    const patch = await harness.catcher.request(1);
    const errorId = /error id `([0-9a-f]{8})`/.exec(patch.body.content)?.[1];
    expect(errorId).toBeDefined();
    const logged = harness.logs.lines().find((l) => l.errorId === errorId);
    expect(logged?.msg).toBe('deferred answer failed');
    expect(JSON.stringify(logged)).toContain('index exploded');
    harness.catcher.requests.length = 0;
  });

  it('logs a refused follow-up without the interaction token, which is a credential', async () => {
    harness.catcher.failNext(404, { message: 'Unknown Webhook', code: 10015 });
    handle.mockImplementationOnce(async () => ({ kind: 'deferred', ephemeral: false, reply: Promise.resolve({ data: { content: 'late' } }) }));
    const payload = slash('help');
    await endpoint.client.post(payload);
    await harness.catcher.request(1);
    // REST has already thrown by the time the log line exists; wait for the line, not for a time.
    for (;;) {
      const line = harness.logs.lines().find((l) => l.msg === 'could not complete the deferred reply' && l.interactionId === payload.id);
      if (line) {
        expect(line.failure).toMatchObject({ status: 404, code: 10015 });
        break;
      }
      await new Promise((resolve) => setImmediate(resolve));
    }
    expect(harness.logs.text()).not.toContain(payload.token);
    harness.catcher.requests.length = 0;
  });
});

describe('never crashes', () => {
  it('answers 500 with an error id when the transport itself fails, and keeps serving', async () => {
    handle.mockImplementationOnce(async () => {
      throw new TypeError('bug in a handler');
    });
    const res = await endpoint.client.post(slash('help'));
    expect(res.status).toBe(500);
    expect(res.json.error).toBe('internal error');
    expect(res.text).not.toContain('bug in a handler');
    const logged = harness.logs.lines().find((l) => l.errorId === res.json.id);
    expect(JSON.stringify(logged)).toContain('bug in a handler');
    expect((await endpoint.client.post(ping())).json).toEqual({ type: 1 });
  });

  it('survives a malformed HTTP request and keeps serving', async () => {
    const socket = connect(endpoint.server.address!.port, '127.0.0.1');
    const reply = await new Promise<string>((resolve) => {
      let text = '';
      socket.on('data', (d) => (text += d.toString()));
      socket.on('close', () => resolve(text));
      socket.on('error', () => resolve(text));
      socket.end('BREW /interactions HTCPCP/1.0\r\n\x00\x01\r\n\r\n');
    });
    expect(reply).toMatch(/^HTTP\/1\.1 400/);
    expect((await endpoint.client.post(ping())).json).toEqual({ type: 1 });
  });
});

describe('routes', () => {
  it('answers 405 with Allow for the wrong method', async () => {
    const get = await rawRequest(`${endpoint.url}/interactions`, { method: 'GET' });
    expect(get.status).toBe(405);
    expect(get.headers.allow).toBe('POST');
    const post = await rawRequest(`${endpoint.url}/healthz`, { method: 'POST', body: '{}' });
    expect(post.status).toBe(405);
    expect(post.headers.allow).toBe('GET, HEAD');
  });

  it('answers 404 elsewhere', async () => {
    expect((await rawRequest(`${endpoint.url}/`, { method: 'GET' })).status).toBe(404);
    expect((await rawRequest(`${endpoint.url}/interactions/extra`, { method: 'POST', body: '{}' })).status).toBe(404);
  });

  it('answers /healthz with 503 while there is no fact base', async () => {
    const res = await rawRequest(`${endpoint.url}/healthz`, { method: 'GET' });
    expect(res.status).toBe(503);
    expect(res.json).toEqual({ status: 'loading' });
  });

  it('keeps connections alive between requests', async () => {
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    const get = () =>
      new Promise<{ reused: boolean; connection: string | undefined }>((resolve, reject) => {
        const req = request(`${endpoint.url}/healthz`, { agent }, (res) => {
          res.resume();
          res.on('end', () => resolve({ reused: req.reusedSocket, connection: res.headers.connection }));
        });
        req.on('error', reject);
        req.end();
      });
    const first = await get();
    const second = await get();
    agent.destroy();
    expect(first).toEqual({ reused: false, connection: 'keep-alive' });
    expect(second.reused).toBe(true);
  });
});
