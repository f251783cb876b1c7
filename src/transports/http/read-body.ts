/**
 * Read a request body as raw bytes (the signature covers the bytes, not a re-serialised parse),
 * refusing to buffer more than a limit or to wait longer than a deadline: an interaction is a few
 * kilobytes sent at once, so anything far larger or slower is a mistake or an attack.
 */
import type { IncomingMessage } from 'node:http';

/** Generous for any real interaction (a message context-menu command carries the whole target
 * message, at most a few kilobytes of content and embeds) and small enough to hold in memory. */
export const DEFAULT_BODY_LIMIT = 64 * 1024;

export type BodyResult =
  | { readonly ok: true; readonly body: Buffer }
  | { readonly ok: false; readonly reason: 'too large' | 'aborted' | 'timeout' };

export function readBody(req: IncomingMessage, limit: number, timeoutMs: number): Promise<BodyResult> {
  if (declaredLength(req) > limit) return Promise.resolve({ ok: false, reason: 'too large' });

  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    // Without a deadline a client that sends part of a body and stops holds its buffer and its
    // descriptor until the request timeout: 1,500 of them held 93 MB for 90 s.
    const timer = setTimeout(() => {
      req.pause();
      finish({ ok: false, reason: 'timeout' });
    }, timeoutMs);
    const finish = (result: BodyResult) => {
      clearTimeout(timer);
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('error', onError);
      req.off('close', onError);
      resolve(result);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        // Stop buffering; the caller throws the rest away (discardBody) and answers 413.
        req.pause();
        finish({ ok: false, reason: 'too large' });
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = () => finish({ ok: true, body: Buffer.concat(chunks, size) });
    const onError = () => finish({ ok: false, reason: 'aborted' });
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', onError);
    // A client that goes away mid-body ends with 'close' and no 'end' (an 'error' in some versions).
    req.on('close', onError);
  });
}

/**
 * Read and throw away the rest of a body that will not be used, up to `maxBytes` and `timeoutMs`,
 * before the refusal is sent and the connection closed. Closing on a client that is still sending
 * resets the connection, and a client that reads the response only after sending its body (fetch)
 * then sees "fetch failed" instead of the status. Nothing is kept, so this costs no memory.
 */
export function discardBody(req: IncomingMessage, maxBytes: number, timeoutMs: number): Promise<void> {
  if (req.complete || declaredLength(req) > maxBytes) return Promise.resolve();
  return new Promise((resolve) => {
    let size = 0;
    const timer = setTimeout(() => finish(), timeoutMs);
    const finish = () => {
      clearTimeout(timer);
      req.off('data', onData);
      req.off('end', finish);
      req.off('error', finish);
      req.off('close', finish);
      req.pause();
      resolve();
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) finish();
    };
    req.on('data', onData);
    req.on('end', finish);
    req.on('error', finish);
    req.on('close', finish);
    req.resume();
  });
}

/** The declared content-length, or 0 when there is none (chunked) or it is not a number. */
function declaredLength(req: IncomingMessage): number {
  const declared = Number(req.headers['content-length']);
  return Number.isFinite(declared) ? declared : 0;
}
