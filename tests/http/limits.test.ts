/**
 * What a slow or greedy client can hold: headers and whole requests time out as configured (not
 * up to 30 s later), a body that stops arriving is dropped within seconds, bodies read at once and
 * connections are capped, and a refused large body is read off so that every client sees its 413.
 * Each bound is set small here; the waits allow several times the bound, never the minutes the
 * server used to take.
 */
import { connect, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { CommandContext, Incoming, Outgoing } from '../../src/interactions/types.ts';
import type { HttpLimits } from '../../src/transports/http/limits.ts';
import { emptyStore, startHarness, type Harness } from './harness.ts';
import { ping, slash } from './payloads.ts';
import { rawRequest } from './signed-client.ts';

const handle = vi.fn(async (_incoming: Incoming, _ctx: CommandContext): Promise<Outgoing> => ({ kind: 'message', data: { content: 'handled' } }));

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness();
});
afterAll(() => harness.stop());

const endpoint = (limits: Partial<HttpLimits>) => harness.endpoint(emptyStore, { handle, limits });

/** Headers that pass the look-only check made before a body is read, as a forger's would. */
function plausibleHeaders(contentLength: number): string {
  const timestamp = Math.floor(Date.now() / 1000);
  return [
    'POST /interactions HTTP/1.1',
    'Host: 127.0.0.1',
    'Content-Type: application/json',
    `X-Signature-Ed25519: ${'ab'.repeat(64)}`,
    `X-Signature-Timestamp: ${timestamp}`,
    `Content-Length: ${contentLength}`,
    '',
    '',
  ].join('\r\n');
}

interface Slow {
  readonly socket: Socket;
  /** Resolves when the server closes the connection: what it sent, and after how long. */
  readonly closed: Promise<{ reply: string; ms: number }>;
}

/** A raw connection that sends `text` and then nothing more. */
async function slowClient(port: number, text: string): Promise<Slow> {
  const socket = connect(port, '127.0.0.1');
  await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
  const started = performance.now();
  let reply = '';
  socket.on('data', (d) => (reply += d.toString()));
  socket.on('error', () => {});
  const closed = new Promise<{ reply: string; ms: number }>((resolve) => socket.on('close', () => resolve({ reply, ms: performance.now() - started })));
  if (text) socket.write(text);
  return { socket, closed };
}

/** Waits at most `ms` for the server to close; rejects the test rather than hanging for the old 30–90 s. */
function closedWithin<T>(closed: Promise<T>, ms: number): Promise<T> {
  return Promise.race([closed, new Promise<T>((_, reject) => setTimeout(() => reject(new Error(`still open after ${ms} ms`)), ms))]);
}

describe('timeouts take effect as configured', () => {
  it('closes a client that never finishes its headers once headersTimeout passes', async () => {
    const { server } = await endpoint({ headersTimeoutMs: 500, requestTimeoutMs: 1_000 });
    const slow = await slowClient(server.address!.port, 'POST /interactions HTTP/1.1\r\nHost: 127.0.0.1\r\n');
    const { reply } = await closedWithin(slow.closed, 5_000);
    expect(reply).toMatch(/^HTTP\/1\.1 408/);
  });

  it('closes a client that trickles its body once requestTimeout passes', async () => {
    const { server } = await endpoint({ headersTimeoutMs: 500, requestTimeoutMs: 1_000, bodyTimeoutMs: 60_000 });
    const slow = await slowClient(server.address!.port, plausibleHeaders(10_000));
    const drip = setInterval(() => slow.socket.write('x'), 100);
    try {
      await closedWithin(slow.closed, 5_000);
    } finally {
      clearInterval(drip);
    }
  });

  it('answers 408 and closes a body that stops arriving, within the body timeout', async () => {
    const { server } = await endpoint({ bodyTimeoutMs: 500 });
    const slow = await slowClient(server.address!.port, plausibleHeaders(65_000) + 'x'.repeat(30_000));
    const { reply } = await closedWithin(slow.closed, 5_000);
    expect(reply).toMatch(/^HTTP\/1\.1 408/);
    expect(handle).not.toHaveBeenCalled();
  });
});

describe('caps', () => {
  it('reads only maxBodies bodies at once: the next request gets 503 with Retry-After, and service resumes', async () => {
    const { server, client } = await endpoint({ maxBodies: 3, bodyTimeoutMs: 3_000 });
    const stalled = await Promise.all([1, 2, 3].map(() => slowClient(server.address!.port, plausibleHeaders(65_000) + 'x'.repeat(30_000))));
    // Give the server a moment to start reading all three bodies (well within their 3 s).
    await vi.waitFor(
      async () => {
        const busy = await client.post(ping());
        expect(busy.status).toBe(503);
        expect(busy.headers['retry-after']).toBe('1');
      },
      { timeout: 2_500 },
    );
    for (const slow of stalled) expect((await closedWithin(slow.closed, 8_000)).reply).toMatch(/^HTTP\/1\.1 408/);
    expect((await client.post(ping())).json).toEqual({ type: 1 });
  });

  it('closes connections past maxConnections as they arrive, and serves again once some close', async () => {
    const { server, client } = await endpoint({ maxConnections: 3 });
    const held = await Promise.all([1, 2, 3].map(() => slowClient(server.address!.port, '')));
    const extra = await slowClient(server.address!.port, '');
    const { reply } = await closedWithin(extra.closed, 5_000);
    expect(reply).toBe('');
    for (const slow of held) slow.socket.destroy();
    await Promise.all(held.map((slow) => slow.closed));
    await vi.waitFor(async () => expect((await client.post(ping())).json).toEqual({ type: 1 }), { timeout: 5_000 });
  });
});

describe('413 reaches every client', () => {
  /**
   * Writes the whole body in pieces, as a client on a slow link does, and reads only once it is
   * done (fetch reads the response after sending): it sees the status only if the server read the
   * rest of the body off instead of closing on it.
   */
  async function writeThenRead(port: number, size: number, chunked: boolean): Promise<string> {
    const socket = connect(port, '127.0.0.1');
    socket.pause();
    let failure = '';
    socket.on('error', (err: NodeJS.ErrnoException) => (failure = err.code ?? err.message));
    await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
    const timestamp = Math.floor(Date.now() / 1000);
    const framing = chunked ? 'Transfer-Encoding: chunked' : `Content-Length: ${size}`;
    socket.write(`POST /interactions HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Signature-Ed25519: ${'ab'.repeat(64)}\r\nX-Signature-Timestamp: ${timestamp}\r\n${framing}\r\n\r\n`);
    for (let sent = 0; sent < size && !failure && !socket.destroyed; sent += 16 * 1024) {
      const piece = 'x'.repeat(Math.min(16 * 1024, size - sent));
      socket.write(chunked ? `${piece.length.toString(16)}\r\n${piece}\r\n` : piece);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    if (chunked && !failure && !socket.destroyed) socket.write('0\r\n\r\n');
    if (failure || socket.destroyed) return `could not send the body: ${failure}`;
    let reply = '';
    socket.on('data', (d) => (reply += d.toString()));
    const ended = new Promise<void>((resolve) => socket.on('close', () => resolve()));
    socket.resume();
    await ended;
    return reply;
  }

  it.each([
    ['a declared length', false],
    ['a chunked body', true],
  ])('a client still sending %s when refused reads the 413 once it is done', async (_label, chunked) => {
    const { server } = await endpoint({});
    const reply = await writeThenRead(server.address!.port, 300 * 1024, chunked);
    expect(reply).toMatch(/^HTTP\/1\.1 413/);
    expect(reply).toMatch(/[Cc]onnection: close/);
    expect(handle).not.toHaveBeenCalled();
  });
});
