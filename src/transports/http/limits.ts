/**
 * What one replica of the endpoint allows a client, so that memory and descriptors stay bounded
 * whatever arrives. Before a body is read the only check is that the signature headers look
 * right, which anyone can fake; these limits are what keeps unsigned traffic cheap.
 */
import { DEFAULT_BODY_LIMIT } from './read-body.ts';

export interface HttpLimits {
  /** Largest body read (an interaction is a few KiB); larger ones get 413. */
  readonly bodyBytes: number;
  /** Time allowed for a body from the end of its headers; a stalled one gets 408 and is closed. */
  readonly bodyTimeoutMs: number;
  /** Time allowed for a request's headers (Node's headersTimeout). */
  readonly headersTimeoutMs: number;
  /** Time allowed for a whole request, headers and body (Node's requestTimeout). */
  readonly requestTimeoutMs: number;
  /** Open connections at once; more are closed as they arrive. */
  readonly maxConnections: number;
  /** Bodies being read at once, each up to bodyBytes of memory; more get 503 with Retry-After. */
  readonly maxBodies: number;
}

export const DEFAULT_LIMITS: HttpLimits = {
  bodyBytes: DEFAULT_BODY_LIMIT,
  // Discord sends a few KiB at once; seconds are plenty, and bound how long memory is held.
  bodyTimeoutMs: 5_000,
  headersTimeoutMs: 10_000,
  requestTimeoutMs: 15_000,
  maxConnections: 1_000,
  // 128 × 64 KiB = 8 MiB at most in bodies being read.
  maxBodies: 128,
};

/**
 * How often Node looks for requests past headersTimeout or requestTimeout. Its default is 30 s,
 * so a timeout took effect up to 30 s late (slow clients were closed at 1.5–3× the configured
 * value); a tenth of the shorter timeout, within 50 ms–1 s, keeps them within 10 %.
 */
export function connectionsCheckingInterval(limits: HttpLimits): number {
  return Math.min(1_000, Math.max(50, Math.floor(Math.min(limits.headersTimeoutMs, limits.requestTimeoutMs) / 10)));
}

/**
 * A refused body is read and thrown away up to this many bytes before the connection is closed,
 * so that a client still sending (fetch reads the response only once its body is out) sees the
 * status instead of a reset. Past it the connection is closed at once.
 */
export const DISCARD_LIMIT_BYTES = 1024 * 1024;
