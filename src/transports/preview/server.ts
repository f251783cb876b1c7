/**
 * The preview page's HTTP server: the page and its assets, a read-only JSON API over the bot's own
 * answer layer, the status as Server-Sent Events, and the pictures cards carry. Only GET (and HEAD)
 * are served: nothing the page does can change anything. Every response carries a
 * Content-Security-Policy that allows no inline script or style and nothing from elsewhere, and on
 * loopback only requests addressed to this machine are answered.
 */
import { readdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { extname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { answer as answerOf, panel } from '../../answers/index.ts';
import { decodePress } from '../../render/custom-ids.ts';
import { pictureFor } from '../../render/picture.ts';
import { isLoopback } from '../../runtime/config.ts';
import { closeNow, listenOn } from '../../runtime/listen.ts';
import type { Logger } from '../../runtime/logger.ts';
import { complete } from './complete.ts';
import { EventStream } from './events.ts';
import { ask, open, press, readOnlyContext, type IndexSource } from './replies.ts';
import type { PreviewState } from './state.ts';

export interface PreviewServerOptions {
  readonly store: IndexSource;
  readonly state: PreviewState;
  readonly log: Logger;
}

export interface PreviewServer {
  /** Start listening; resolves with the base URL, e.g. `http://127.0.0.1:4000`. */
  listen(port: number, host: string): Promise<string>;
  close(): Promise<void>;
}

const PUBLIC_DIR = fileURLToPath(new URL('./public/', import.meta.url));
const TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
};

/** No inline script or style, nothing from another origin, no framing, no forms, no plugins. */
const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy':
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; font-src 'self'; " +
    "base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

/** Longest query parameter read: a command line, a custom id, a target. */
const MAX_PARAM = 2_000;
const PICTURE_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;

export function createPreviewServer(options: PreviewServerOptions): PreviewServer {
  const { store, state, log } = options;
  const ctx = readOnlyContext(store, log);
  const events = new EventStream();
  // The files are listed once: only what is in public/ at start can ever be served from it.
  const assets = new Map(readdirSync(PUBLIC_DIR).filter((f) => TYPES[extname(f)]).map((f) => [`/${f}`, f]));
  assets.set('/', 'index.html');
  const onChange = (status: unknown) => events.send('status', status);
  state.on('change', onChange);

  /** Set by listen: whether the page is served on a loopback address only. */
  let loopbackOnly = true;

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    // A page elsewhere whose name is made to resolve to 127.0.0.1 (DNS rebinding) counts as its
    // own origin to the browser, so neither CORS nor the CSP keeps it from reading the drafts:
    // on loopback, only requests addressed to this machine by name are answered.
    if (loopbackOnly && !addressedToLoopback(req.headers.host)) return send(res, 403, 'text/plain; charset=utf-8', 'this page answers only requests to localhost or 127.0.0.1\n');
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'text/plain; charset=utf-8', 'read-only: GET only\n', { Allow: 'GET, HEAD' });
    const url = new URL(req.url ?? '/', 'http://preview.invalid');
    const param = (name: string): string | undefined => {
      const value = url.searchParams.get(name);
      return value === null ? undefined : value.slice(0, MAX_PARAM);
    };
    const file = assets.get(url.pathname);
    if (file) return send(res, 200, TYPES[extname(file)]!, await readFile(`${PUBLIC_DIR}${file}`), { 'Cache-Control': 'no-cache' });
    switch (url.pathname) {
      case '/api/status':
        return json(res, 200, state.status);
      case '/api/events':
        // A HEAD request gets the headers of a stream that it would never see the end of.
        if (req.method === 'HEAD') return send(res, 200, 'text/event-stream; charset=utf-8', '');
        return events.add(res, SECURITY_HEADERS, 'status', state.status);
      case '/api/ask':
        return json(res, 200, await ask(ctx, param('q') ?? ''));
      case '/api/complete':
        return json(res, 200, { suggestions: await complete(ctx, param('q') ?? '') });
      case '/api/press': {
        const id = param('id');
        if (!id) return json(res, 400, { error: 'id is required' });
        return json(res, 200, await press(ctx, id, param('value'), param('ephemeral') === '1'));
      }
      case '/api/open': {
        const shown = await open(ctx, param('target') ?? '');
        return shown ? json(res, 200, shown) : json(res, 404, { error: 'no such card' });
      }
    }
    if (url.pathname.startsWith('/attachments/')) return picture(res, url.pathname.slice('/attachments/'.length), param('card') ?? '');
    return send(res, 404, 'text/plain; charset=utf-8', 'not found\n');
  }

  /** The picture `name` of the card or panel `card` (a press, `o:timeline:`), drawn now from the served version. */
  async function picture(res: ServerResponse, name: string, card: string): Promise<void> {
    const pressed = decodePress(card);
    const index = store.current;
    if (!index || !pressed.ok || !PICTURE_NAME.test(name)) return send(res, 404, 'text/plain; charset=utf-8', 'no such picture\n');
    const { action, target } = pressed.value;
    // Only cards have pictures: a panel is words only.
    if (action !== 'open') return send(res, 404, 'text/plain; charset=utf-8', 'no such picture\n');
    // The bot's own function: the same name and bytes it uploads with the card.
    const drawn = pictureFor(index, answerOf(index, target));
    if (!drawn || drawn.name !== name) return send(res, 404, 'text/plain; charset=utf-8', 'no such picture\n');
    return send(res, 200, 'image/png', drawn.png(), { 'Cache-Control': 'no-store' });
  }

  const server = createServer((req, res) => {
    route(req, res).catch((err: unknown) => {
      log.error({ err, url: req.url?.slice(0, 200) }, 'preview request failed');
      if (!res.headersSent) json(res, 500, { error: 'internal error (see the log)' });
      else res.end();
    });
  });

  return {
    listen(port, host) {
      // Served to the network on purpose (PREVIEW_ALLOW_REMOTE): people reach it by any name.
      loopbackOnly = isLoopback(host);
      return listenOn(server, port, host);
    },
    close() {
      state.off('change', onChange);
      events.close();
      return closeNow(server);
    },
  };
}

/** Whether a Host header names this machine: localhost, 127.x.x.x or [::1], on any port. */
function addressedToLoopback(host: string | undefined): boolean {
  if (host === undefined) return false;
  try {
    return isLoopback(new URL(`http://${host}/`).hostname);
  } catch {
    return false;
  }
}

function send(res: ServerResponse, status: number, type: string, body: string | Buffer, headers: Record<string, string> = {}): void {
  res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': type, ...headers });
  res.end(body);
}

function json(res: ServerResponse, status: number, body: unknown): void {
  send(res, status, 'application/json; charset=utf-8', JSON.stringify(body), { 'Cache-Control': 'no-store' });
}
