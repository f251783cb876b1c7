/**
 * The preview server over HTTP, without a browser: read-only (GET only), its security headers, and
 * its answers being the bot's own payloads (the dispatcher's and the reply functions'), not copies.
 */
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answer } from '../../src/answers/index.ts';
import { COMMANDS } from '../../src/answers/query.ts';
import { cardReply, panelReply } from '../../src/interactions/answer-reply.ts';
import { DEFAULT_KNOWLEDGE_DIR } from '../../src/knowledge/load.ts';
import type { KnowledgeIndex } from '../../src/search/types.ts';
import { startPreview, type Preview } from './harness.ts';

let preview: Preview;
let index: KnowledgeIndex;

beforeAll(async () => {
  preview = await startPreview(DEFAULT_KNOWLEDGE_DIR);
  index = preview.store.current!;
});
afterAll(() => preview?.close());

/** JSON bodies, checked field by field below. */
type Json = any;

async function get(path: string, method = 'GET'): Promise<{ status: number; headers: Headers; type: string; body: Json }> {
  const res = await fetch(`${preview.url}${path}`, { method });
  const type = res.headers.get('content-type') ?? '';
  return { status: res.status, headers: res.headers, type, body: type.startsWith('application/json') ? await res.json() : Buffer.from(await res.arrayBuffer()) };
}
const json = async (path: string) => (await get(path)).body;

describe('the preview server', () => {
  it('serves only GET and HEAD: every other method is refused and changes nothing', async () => {
    const version = index.base.version;
    for (const method of ['POST', 'PUT', 'PATCH', 'DELETE']) {
      for (const path of ['/', '/api/ask?q=/help', '/api/status']) {
        const res = await get(path, method);
        expect(res.status, `${method} ${path}`).toBe(405);
        expect(res.headers.get('allow')).toBe('GET, HEAD');
      }
    }
    expect((await get('/', 'HEAD')).status).toBe(200);
    expect(preview.store.current?.base.version).toBe(version);
  });

  it('sends a restrictive Content-Security-Policy and nosniff with everything it serves', async () => {
    for (const path of ['/', '/app.js', '/style.css', '/api/status', '/api/ask?q=/help', '/nowhere']) {
      const res = await get(path);
      const csp = res.headers.get('content-security-policy') ?? '';
      expect(csp.split('; ')).toEqual(
        expect.arrayContaining(["default-src 'none'", "script-src 'self'", "style-src 'self'", "img-src 'self'", "connect-src 'self'", "frame-ancestors 'none'"]),
      );
      expect(csp).not.toContain('unsafe');
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    }
    expect((await get('/app.js')).type).toBe('text/javascript; charset=utf-8');
  });

  it('answers only requests addressed to this machine: a page that rebinds its own name to 127.0.0.1 reads nothing', async () => {
    const { port } = new URL(preview.url);
    const withHost = (host: string, path: string) =>
      new Promise<number>((resolve, reject) => {
        const req = request({ host: '127.0.0.1', port, path, headers: { host } }, (res) => {
          resolve(res.statusCode ?? 0);
          // The event stream would stay open: the status is all this asks.
          res.destroy();
        });
        req.on('error', reject);
        req.end();
      });
    for (const host of [`rebound.example:${port}`, 'rebound.example', `192.0.2.7:${port}`]) {
      for (const path of ['/', '/api/status', '/api/ask?q=/help', '/api/events']) expect(await withHost(host, path), `${host} ${path}`).toBe(403);
    }
    for (const host of [`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`]) expect(await withHost(host, '/api/status'), host).toBe(200);
  });

  it('serves only the files of its public/ folder', async () => {
    for (const path of ['/../package.json', '/%2e%2e/package.json', '/..%2fpackage.json', '/server.ts', '/public/app.js', '/.env']) {
      expect((await get(path)).status, path).toBe(404);
    }
  });

  it('answers a command with the payload the bot sends, its markdown parsed, and which card it is', async () => {
    const { ok, shown } = await json(`/api/ask?q=${encodeURIComponent('/patrol 22')}`);
    expect(ok).toBe(true);
    expect(shown.kind).toBe('message');
    expect(shown.message).toEqual(cardReply(index, { command: 'patrol', number: 22 }, { ephemeral: false }).data);
    expect(shown.card).toBe('o:patrol:number=22');
    const [heading] = Object.entries(shown.markdown as Record<string, unknown[]>).find(([text]) => text.startsWith('## '))!;
    const { title } = answer(index, { command: 'patrol', number: 22 });
    expect(shown.markdown[heading][0]).toEqual({ t: 'heading', level: 2, children: [{ t: 'text', text: title }] });
  });

  it('says what is wrong with a command, with the usage line, as the terminal does', async () => {
    expect(await json(`/api/ask?q=${encodeURIComponent('/nope 1')}`)).toMatchObject({ ok: false, problem: 'There is no command /nope.' });
    expect(await json(`/api/ask?q=${encodeURIComponent('/patrol 0')}`)).toEqual({ ok: false, problem: 'number must be a whole number from 1 to 999.', usage: '/patrol [number]' });
  });

  it('answers presses as the bot does: panels and cards only for the presser, replacing a card only they saw', async () => {
    const quotes = await json('/api/press?id=q:patrol:number%3D22');
    expect(quotes).toMatchObject({ kind: 'message', card: 'q:patrol:number=22' });
    expect(quotes.message).toEqual(panelReply(index, { command: 'patrol', number: 22 }, 'quotes').data);

    const onPublic = await json('/api/press?id=o:patrol:number%3D21&ephemeral=0');
    const onPrivate = await json('/api/press?id=o:patrol:number%3D21&ephemeral=1');
    expect([onPublic.kind, onPrivate.kind]).toEqual(['message', 'update']);
    expect(onPrivate.message).toEqual(cardReply(index, { command: 'patrol', number: 21 }, { ephemeral: true }).data);

    const picked = await json('/api/press?id=o:menu&value=patrol:number%3D25');
    expect(picked).toMatchObject({ kind: 'message', card: 'o:patrol:number=25' });

    const unknown = await json('/api/press?id=x:nothing');
    expect(unknown.message.content).toBe('This button is not one I know. Run the command again.');
    expect(unknown).not.toHaveProperty('card');
  });

  it('opens a card from the lists, as the command would show it', async () => {
    const source = index.base.sources[0]!;
    const shown = await json(`/api/open?target=${encodeURIComponent(`source:id=${source.id}`)}`);
    expect(shown.message).toEqual(cardReply(index, { command: 'source', id: source.id }, { ephemeral: false }).data);
    expect((await get('/api/open?target=nothing')).status).toBe(404);
  });

  it('completes command names, option names, and option values through the bot\'s autocomplete', async () => {
    const complete = async (q: string) => (await json(`/api/complete?q=${encodeURIComponent(q)}`)).suggestions as { label: string; text: string }[];
    expect((await complete('/pa')).map((s) => s.text)).toEqual(['/patrol ']);
    expect((await complete('/')).map((s) => s.text.trim())).toEqual(COMMANDS.map((c) => `/${c.name}`));
    expect((await complete('/attacks ')).map((s) => s.label)).toEqual(['from:', 'to:']);
    expect((await complete('/attacks from:July 2020 t')).map((s) => s.text)).toEqual(['/attacks from:July 2020 to:']);
    expect((await complete('/patrol 2')).map((s) => s.text)).toEqual(index.suggestPatrols('2', 25).map((s) => `/patrol ${s.value}`));
    expect((await complete('/where place:Ain Ha'))[0]).toMatchObject({ label: expect.stringMatching(/^Ain Hawr/), text: '/where place:ain-hawr' });
    expect(await complete('/nope x')).toEqual([]);
  });

  it('serves a card\'s picture at /attachments/<name>: the bytes the bot uploads with that card', async () => {
    const reply = cardReply(index, { command: 'timeline' }, { ephemeral: false });
    const file = reply.files?.[0];
    if (!file) throw new Error('the /timeline card of the project knowledge has a picture');
    const { shown } = await json('/api/ask?q=/timeline');
    expect(shown.message).toEqual(reply.data);
    expect(JSON.stringify(shown.message)).toContain(`attachment://${file.name}`);
    const picture = await get(`/attachments/${file.name}?card=${encodeURIComponent(shown.card)}`);
    expect(picture.status).toBe(200);
    expect(picture.type).toBe('image/png');
    expect(picture.body).toEqual(file.data);
    for (const [name, card] of [['other.png', shown.card], [file.name, 'o:help:'], [file.name, 'nonsense'], ['../package.json', shown.card]]) {
      expect((await get(`/attachments/${name}?card=${encodeURIComponent(card)}`)).status, `${name} of ${card}`).toBe(404);
    }
  });

  it('pushes its status at once over Server-Sent Events', async () => {
    const first = await new Promise<string>((resolve, reject) => {
      const req = request(`${preview.url}/api/events`, (res) => {
        expect(res.headers['content-type']).toBe('text/event-stream; charset=utf-8');
        let text = '';
        res.on('data', (chunk: Buffer) => {
          text += chunk.toString();
          if (text.includes('\n\nevent: status\ndata: ') && text.endsWith('\n\n')) {
            req.destroy();
            resolve(text);
          }
        });
      });
      req.on('error', reject);
      req.end();
    });
    const data = JSON.parse(/\ndata: (.*)\n\n$/.exec(first)![1]!);
    expect(data).toMatchObject({ health: { ok: true }, serving: { version: index.base.version.slice(0, 12) } });
  });
});
