/**
 * The HTTP interactions endpoint: Discord POSTs each interaction to `/interactions` and takes the
 * HTTP response as the answer. Every request is checked in order of cost — route, signature
 * headers, room to read a body, size and time, signature over the raw bytes, JSON, nesting,
 * shape, replay — and only then reaches the shared dispatcher, exactly as the gateway transport
 * does. Between requests the server keeps only the ids of recent interactions, to refuse a replay
 * (a button carries the card it belongs to in its custom id), so any number of replicas can serve one bot.
 */
import { randomBytes, type KeyObject } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { storeContext, type KnowledgeSource } from '../../interactions/context.ts';
import { handleInteraction } from '../../interactions/dispatch.ts';
import type { CommandContext, Incoming, Outgoing } from '../../interactions/types.ts';
import { listenOn } from '../../runtime/listen.ts';
import type { Logger } from '../../runtime/logger.ts';
import { createMetrics, type Metrics } from '../../runtime/metrics.ts';
import { observeAnswer, observeFailure } from '../observe.ts';
import { createFollowUps } from './follow-up.ts';
import { parseInteraction } from './incoming.ts';
import { connectionsCheckingInterval, DEFAULT_LIMITS, DISCARD_LIMIT_BYTES, type HttpLimits } from './limits.ts';
import { discardBody, readBody } from './read-body.ts';
import { createRefusals, type RefusalReason } from './refusals.ts';
import { ReplayGuard } from './replay-guard.ts';
import { ephemeralNotice, interactionResponse, NO_CHOICES, PONG, webhookReply } from './response.ts';
import { MAX_SIGNATURE_AGE_SECONDS, precheckSignature, publicKeyFromHex, verifySignature } from './signature.ts';
export type { KnowledgeSource };

export interface InteractionServerOptions {
  /** The application's public key: 64 hex characters, or a KeyObject already built from them. */
  readonly publicKey: string | KeyObject;
  readonly store: KnowledgeSource;
  readonly log: Logger;
  /** Discord's API base (DISCORD_API_URL), for completing deferred replies. */
  readonly apiUrl: string;
  /** The clock for signature freshness and the replay window, so tests can move it. */
  readonly now?: () => number;
  /** Sizes, timeouts and caps (DEFAULT_LIMITS unless given; see limits.ts). */
  readonly limits?: Partial<HttpLimits>;
  /** Where counts go and what GET /metrics shows; a registry of its own unless given. */
  readonly metrics?: Metrics;
  /** How often refused requests are logged, as one line with a count per reason. */
  readonly refusalLogIntervalMs?: number;
  /** How long close() waits for deferred replies still being answered. */
  readonly closeGraceMs?: number;
  /** The dispatcher; the shared one unless a test needs to observe what ran. */
  readonly handle?: (incoming: Incoming, ctx: CommandContext) => Promise<Outgoing>;
}

export interface InteractionServer {
  /** Start listening; resolves with the base URL, e.g. `http://127.0.0.1:3000`. */
  listen(port?: number, host?: string): Promise<string>;
  /** Stop accepting, let requests in progress finish, wait briefly for deferred replies. */
  close(): Promise<void>;
  readonly address: AddressInfo | null;
  /** Log the refusals counted so far now rather than at the end of the interval. */
  flushRefusals(): void;
}

/** Above common load-balancer idle timeouts (60 s), so the proxy, not us, closes idle connections. */
const KEEP_ALIVE_MS = 65_000;

export function createInteractionServer(options: InteractionServerOptions): InteractionServer {
  const { store, log } = options;
  const key = typeof options.publicKey === 'string' ? publicKeyFromHex(options.publicKey) : options.publicKey;
  const now = options.now ?? Date.now;
  const limits: HttpLimits = { ...DEFAULT_LIMITS, ...options.limits };
  const handle = options.handle ?? handleInteraction;
  const followUps = createFollowUps({ apiUrl: options.apiUrl, log });
  const metrics = options.metrics ?? createMetrics({ knowledge: store });
  const refusals = createRefusals(log, options.refusalLogIntervalMs ?? 60_000, (reason) => metrics.refused(reason));
  const replays = new ReplayGuard(MAX_SIGNATURE_AGE_SECONDS * 1000);
  /** Bodies being read now: each may hold up to limits.bodyBytes. */
  let bodiesInFlight = 0;
  let closing = false;

  const ctx = storeContext(store, log);

  function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): Promise<void> {
    const text = JSON.stringify(body);
    res.writeHead(status, {
      'content-type': 'application/json; charset=utf-8',
      'content-length': Buffer.byteLength(text),
      'cache-control': 'no-store',
      ...(closing && { connection: 'close' }),
      ...headers,
    });
    // 'finish': handed to the OS; 'close': the client went away first. Either way we are done.
    return new Promise((resolve) => {
      res.once('finish', resolve).once('close', resolve);
      res.end(text);
    });
  }

  function healthz(res: ServerResponse): Promise<void> {
    const index = store.current;
    if (!index) return send(res, 503, { status: 'loading' });
    return send(res, 200, { status: 'ok', version: index.base.version, facts: index.base.facts.length });
  }

  async function interactions(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const signature = header(req, 'x-signature-ed25519');
    const timestamp = header(req, 'x-signature-timestamp');
    // Refuse what cannot be genuine before reading a byte of the body.
    const pre = precheckSignature(signature, timestamp, now());
    if (!pre.ok) return refuseSignature(res, pre.reason);
    if (bodiesInFlight >= limits.maxBodies) {
      return refuseBody(req, res, 'busy', 503, { error: 'too many requests being read; try again' }, { 'retry-after': '1' });
    }

    bodiesInFlight++;
    const read = await readBody(req, limits.bodyBytes, limits.bodyTimeoutMs).finally(() => bodiesInFlight--);
    if (!read.ok) {
      if (read.reason === 'aborted') return;
      // A stalled client is not sending: nothing to wait for, close at once.
      if (read.reason === 'timeout') return refuse(res, 'body timeout', 408, { error: 'body not received in time' }, { connection: 'close' });
      return refuseBody(req, res, 'too large', 413, { error: `body larger than ${limits.bodyBytes} bytes` });
    }
    const verdict = verifySignature(key, { signature, timestamp }, read.body, now());
    if (!verdict.ok) return refuseSignature(res, verdict.reason);

    let json: unknown;
    try {
      json = JSON.parse(read.body.toString('utf8'));
    } catch {
      return refuse(res, 'not json', 400, { error: 'body is not JSON' });
    }
    const started = performance.now();
    const parsed = parseInteraction(json);
    switch (parsed.kind) {
      case 'ping':
        return send(res, 200, PONG);
      case 'invalid':
        // Signed, so from Discord (or from whoever has the key): worth the detail, at debug level.
        log.debug({ problem: parsed.problem }, 'signed request that is not an interaction we can read');
        return refuse(res, parsed.tooDeep ? 'options too deep' : 'not an interaction', 400, { error: parsed.problem });
      case 'unsupported':
        log.info({ what: parsed.what }, 'unsupported interaction');
        return send(res, 200, ephemeralNotice(`This bot does not handle ${parsed.what}. Type /help to see what it can do.`));
      case 'interaction': {
        const { incoming, target, id } = parsed;
        // The signature already passed, so `timestamp` is well-formed and fresh.
        if (!replays.firstSighting(id, Number(timestamp), now())) return refuse(res, 'replay', 409, { error: 'interaction already received' });
        log.debug({ interactionId: id, kind: incoming.kind, ...('name' in incoming && { command: incoming.name }) }, 'interaction');
        const outgoing = await handle(incoming, ctx);
        // Deferred work, or a reply with a file, is finished through the webhook. A deferred answer
        // that fails while the acknowledgement is still being sent must not be an unhandled
        // rejection; followUps handles its failure once the response is out.
        const later = incoming.kind === 'autocomplete' ? undefined : webhookReply(outgoing);
        later?.catch(() => {});
        const response = incoming.kind === 'autocomplete' && outgoing.kind !== 'choices' ? NO_CHOICES : interactionResponse(outgoing);
        await send(res, 200, response);
        if (!later) return observeAnswer(metrics, incoming, outgoing, started);
        // The edit may only follow the acknowledgement, so it starts once the response is sent; the
        // answer counts once it is there, or as failed if Discord refuses it (as on the gateway).
        void followUps
          .finish(target, later, id)
          .then((sent) => (sent ? observeAnswer(metrics, incoming, outgoing, started) : observeFailure(metrics, incoming, started)));
        return;
      }
    }
  }

  /** Count the refusal (logged in aggregate) and answer it; nothing the request carried is logged. */
  function refuse(res: ServerResponse, reason: RefusalReason, status: number, body: unknown, headers: Record<string, string> = {}): Promise<void> {
    refusals.count(reason);
    return send(res, status, body, headers);
  }

  function refuseSignature(res: ServerResponse, reason: RefusalReason): Promise<void> {
    return refuse(res, reason, 401, { error: 'invalid request signature' });
  }

  /**
   * Refuse a request whose body will not be read: throw away what the client is still sending
   * (bounded), then answer and close, so that every client sees the status rather than a reset.
   */
  async function refuseBody(req: IncomingMessage, res: ServerResponse, reason: RefusalReason, status: number, body: unknown, headers: Record<string, string> = {}): Promise<void> {
    await discardBody(req, DISCARD_LIMIT_BYTES, limits.bodyTimeoutMs);
    return refuse(res, reason, status, body, { ...headers, connection: 'close' });
  }

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = (req.url ?? '/').split('?')[0];
    if (path === '/interactions') {
      if (req.method !== 'POST') return send(res, 405, { error: 'use POST' }, { allow: 'POST' });
      return interactions(req, res);
    }
    if (path === '/healthz') {
      if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, { error: 'use GET' }, { allow: 'GET, HEAD' });
      return healthz(res);
    }
    if (path === '/metrics') {
      if (req.method !== 'GET') return send(res, 405, { error: 'use GET' }, { allow: 'GET' });
      const { contentType, body } = await metrics.render();
      res.writeHead(200, { 'content-type': contentType, 'content-length': Buffer.byteLength(body), 'cache-control': 'no-store' }).end(body);
      return;
    }
    return send(res, 404, { error: 'not found' });
  }

  const server = createServer(
    {
      keepAliveTimeout: KEEP_ALIVE_MS,
      headersTimeout: limits.headersTimeoutMs,
      requestTimeout: limits.requestTimeoutMs,
      connectionsCheckingInterval: connectionsCheckingInterval(limits),
    },
    (req, res) => {
      route(req, res).catch((err: unknown) => {
        // The last line of defence: whatever the input, the process stays up and the caller gets a 500.
        const errorId = randomBytes(4).toString('hex');
        log.error({ err, errorId, method: req.method, path: (req.url ?? '').split('?')[0] }, 'request failed');
        if (!res.headersSent) void send(res, 500, { error: 'internal error', id: errorId });
        else res.destroy();
      });
    },
  );
  // Past this many open connections Node closes new ones as they arrive: descriptors stay bounded.
  server.maxConnections = limits.maxConnections;
  server.on('drop', () => refusals.count('too many connections'));

  return {
    listen(port = 0, host = '127.0.0.1') {
      return listenOn(server, port, host);
    },
    async close() {
      closing = true;
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      await closed;
      const abandoned = await followUps.settle(options.closeGraceMs ?? 5_000);
      if (abandoned > 0) log.warn({ abandoned }, 'closed with deferred replies still unanswered');
      refusals.flush();
    },
    flushRefusals: () => refusals.flush(),
    get address() {
      const address = server.address();
      return address && typeof address === 'object' ? address : null;
    },
  };
}

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return typeof value === 'string' ? value : undefined;
}
