/**
 * A card with a picture through the HTTP endpoint. An HTTP response can only be JSON, and Discord
 * takes files only as multipart: the interaction is acknowledged as deferred, and the card is
 * completed by a multipart PATCH of the original response (payload_json + files[0]), its
 * `attachments` naming the upload and its gallery showing it as attachment://<name>.
 */
import { ComponentType, MessageFlags } from 'discord.js';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storeContext } from '../../src/interactions/context.ts';
import { handleInteraction } from '../../src/interactions/dispatch.ts';
import type { CommandContext, Incoming, Reply } from '../../src/interactions/types.ts';
import { PNG_WIDTH } from '../../src/render/pictures/style.ts';
import { KnowledgeStore } from '../../src/runtime/knowledge-store.ts';
import { validateMessagePayload } from '../discord-server/validate/message-payload.ts';
import { allComponents, customIds, menuValues, payloadProblems } from '../render/discord-limits.ts';
import { startHarness, type Endpoint, type Harness } from './harness.ts';
import { APPLICATION_ID, ASKER, buttonPress, OptionType, selectChoice, slash, SOMEONE_ELSE } from './payloads.ts';
import type { CaughtRequest } from './webhook-catcher.ts';

let harness: Harness;
let endpoint: Endpoint;
let ctx: CommandContext;

beforeAll(async () => {
  harness = await startHarness();
  const store = new KnowledgeStore(undefined, harness.logs.log);
  expect((await store.reload()).ok).toBe(true);
  endpoint = await harness.endpoint(store);
  ctx = storeContext(store, harness.logs.log);
});
afterAll(() => harness.stop());

/** What the dispatcher answers, i.e. what the gateway would send. */
async function dispatched(incoming: Incoming): Promise<Reply> {
  const outgoing = await handleInteraction(incoming, ctx);
  if (outgoing.kind !== 'message' && outgoing.kind !== 'update') throw new Error(`expected a message, got ${outgoing.kind}`);
  return outgoing;
}

const galleryUrls = (body: { components?: unknown[] }) =>
  allComponents(body.components).flatMap((c) => (c.type === ComponentType.MediaGallery ? ((c.items ?? []) as { media: { url: string } }[]).map((i) => i.media.url) : []));

/** Sends `payload`, expects the acknowledgement `ack`, and returns the PATCH that completes it. */
async function deferredPatch(payload: { token: string }, ack: unknown): Promise<CaughtRequest> {
  const sent = harness.catcher.requests.length;
  const res = await endpoint.client.post(payload);
  expect(res.status).toBe(200);
  expect(res.json).toEqual(ack);
  const patch = await harness.catcher.request(sent + 1);
  expect(patch.method).toBe('PATCH');
  expect(patch.path).toBe(`/api/v10/webhooks/${APPLICATION_ID}/${payload.token}/messages/@original`);
  expect(patch.headers['content-type']).toMatch(/^multipart\/form-data; boundary=/);
  return patch;
}

/** The PATCH uploads exactly the dispatcher's picture, and its card shows that file. */
function expectPictureUpload(patch: CaughtRequest, reply: Reply) {
  const [file] = reply.files!;
  expect(patch.files).toEqual([{ field: 'files[0]', name: file!.name, contentType: 'image/png', data: file!.data }]);
  expect(patch.body.attachments).toEqual([{ id: 0, filename: file!.name, description: file!.description }]);
  expect(galleryUrls(patch.body)).toEqual([`attachment://${file!.name}`]);
  expect(patch.body.components).toEqual(reply.data.components);
  expect(() => validateMessagePayload(patch.body, { kind: 'edit', path: [], fileCount: 1 })).not.toThrow();
  expect(payloadProblems(patch.body)).toEqual([]);
  expect(PNG.sync.read(patch.files[0]!.data).width).toBe(PNG_WIDTH);
}

describe('a card with a picture is deferred and completed with a multipart PATCH', () => {
  const cases: Array<[string, Array<{ name: string; type: number; value: string }>, Record<string, string>]> = [
    ['timeline', [], {}],
    ['attacks', [], {}],
    ['attacks', [{ name: 'from', type: OptionType.String, value: 'July 2020' }], { from: 'July 2020' }],
    ['patrol', [], {}],
  ];
  for (const [name, options, values] of cases) {
    it(`/${name} ${JSON.stringify(values)}`, async () => {
      const patch = await deferredPatch(slash(name, options), { type: 5, data: {} });
      // Completed with the Components V2 flag, like every deferred card.
      expect(patch.body.flags).toBe(MessageFlags.IsComponentsV2);
      expect(patch.body.allowed_mentions).toEqual({ parse: [] });
      expectPictureUpload(patch, await dispatched({ kind: 'command', name, options: values, userId: ASKER }));
    });
  }

  it('hide:true keeps the card hidden: the acknowledgement is ephemeral', async () => {
    const patch = await deferredPatch(slash('timeline', [{ name: 'hide', type: OptionType.Boolean, value: true }]), { type: 5, data: { flags: MessageFlags.Ephemeral } });
    expect(patch.body.flags).toBe(MessageFlags.IsComponentsV2);
    expectPictureUpload(patch, await dispatched({ kind: 'command', name: 'timeline', options: { hide: true }, userId: ASKER }));
  });

  it('a month chosen under a hidden timeline replaces the card and its picture: a deferred update, then the PATCH', async () => {
    const timeline = await dispatched({ kind: 'command', name: 'timeline', options: {}, userId: ASKER });
    const month = menuValues(timeline.data).at(-1)!;
    const patch = await deferredPatch(selectChoice('o:menu', [month], ASKER, true), { type: 6 });
    const reply = await dispatched({ kind: 'component', customId: 'o:menu', values: [month], userId: ASKER, ephemeral: true });
    expectPictureUpload(patch, reply);
    expect(reply.files![0]!.name).not.toBe(timeline.files![0]!.name);
  });

  it('a card without a picture answers at once, and one that replaces a card says it attaches nothing', async () => {
    const card = await endpoint.client.post(slash('patrol', [{ name: 'number', type: OptionType.Integer, value: 22 }]));
    expect(card.json.type).toBe(4);
    expect(card.json.data).not.toHaveProperty('attachments');
    const next = customIds(card.json.data).find((id) => id.startsWith('o:patrol:'))!;
    const replaced = await endpoint.client.post(buttonPress(next, SOMEONE_ELSE, true));
    expect(replaced.json.type).toBe(7);
    // An update replaces the whole message: a picture the old card had would go with it.
    expect(replaced.json.data.attachments).toEqual([]);
  });
});
