/**
 * Read a request body as raw bytes (the signature covers the bytes, not a re-serialised parse),
 * refusing to buffer more than a limit: an interaction is a few kilobytes, so anything far larger
 * is a mistake or an attack, and it is not read any further.
 */
import type { IncomingMessage } from 'node:http';

/** Generous for any real interaction (a message context-menu command carries the whole target
 * message, at most a few kilobytes of content and embeds) and small enough to hold in memory. */
export const DEFAULT_BODY_LIMIT = 64 * 1024;

export type BodyResult = { readonly ok: true; readonly body: Buffer } | { readonly ok: false; readonly reason: 'too large' | 'aborted' };

export function readBody(req: IncomingMessage, limit: number): Promise<BodyResult> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) return Promise.resolve({ ok: false, reason: 'too large' });

  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const finish = (result: BodyResult) => {
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('error', onError);
      req.off('close', onError);
      resolve(result);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        // Stop reading; the caller answers 413 and the connection is closed after it.
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
