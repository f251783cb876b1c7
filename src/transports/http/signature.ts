/**
 * Discord signs every request to an interactions endpoint with the application's Ed25519 key: the
 * signature (X-Signature-Ed25519, hex) covers the timestamp header's exact text followed by the raw
 * body bytes. Node's own crypto verifies it; no third-party crypto is involved.
 */
import { createPublicKey, verify, type KeyObject } from 'node:crypto';

/** How far a timestamp may be from our clock, either way: older is a replay, newer is a forgery or
 * a badly wrong clock. Discord's requests arrive within seconds. */
export const MAX_SIGNATURE_AGE_SECONDS = 5 * 60;

const PUBLIC_KEY_HEX = /^[0-9a-fA-F]{64}$/;
const SIGNATURE_HEX = /^[0-9a-fA-F]{128}$/;
/** Unix seconds; the length bound keeps absurd values from being parsed at all. */
const TIMESTAMP = /^\d{1,12}$/;

export class PublicKeyError extends Error {
  override name = 'PublicKeyError';
}

/**
 * The application's public key (64 hex characters, as the developer portal shows it) as a
 * KeyObject, built once at start. Throws PublicKeyError for anything that is not a usable key.
 */
export function publicKeyFromHex(hex: string): KeyObject {
  if (!PUBLIC_KEY_HEX.test(hex)) throw new PublicKeyError('the public key must be 64 hex characters (an Ed25519 public key)');
  try {
    // A raw Ed25519 public key is exactly the JWK "x" member (base64url), so no DER wrapping is needed.
    return createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: Buffer.from(hex, 'hex').toString('base64url') }, format: 'jwk' });
  } catch (err) {
    throw new PublicKeyError(`the public key is not a valid Ed25519 key (${(err as Error).message})`);
  }
}

export type SignatureHeaders = { readonly signature: string; readonly timestamp: string };

export type SignatureVerdict =
  | { readonly ok: true }
  | { readonly ok: false; readonly reason: 'missing headers' | 'malformed signature' | 'malformed timestamp' | 'stale timestamp' | 'bad signature' };

/**
 * Check the headers' shape and the timestamp's freshness without the body, so that a request
 * that cannot possibly be genuine is refused before its body is read.
 */
export function precheckSignature(signature: string | undefined, timestamp: string | undefined, nowMs: number): SignatureVerdict {
  if (signature === undefined || timestamp === undefined) return { ok: false, reason: 'missing headers' };
  if (!SIGNATURE_HEX.test(signature)) return { ok: false, reason: 'malformed signature' };
  if (!TIMESTAMP.test(timestamp)) return { ok: false, reason: 'malformed timestamp' };
  if (Math.abs(nowMs / 1000 - Number(timestamp)) > MAX_SIGNATURE_AGE_SECONDS) return { ok: false, reason: 'stale timestamp' };
  return { ok: true };
}

/** The full check: shape, freshness, then the signature over `timestamp + body`. */
export function verifySignature(key: KeyObject, headers: Partial<SignatureHeaders>, body: Buffer, nowMs: number): SignatureVerdict {
  const pre = precheckSignature(headers.signature, headers.timestamp, nowMs);
  if (!pre.ok) return pre;
  const message = Buffer.concat([Buffer.from(headers.timestamp!, 'utf8'), body]);
  const valid = verify(null, message, key, Buffer.from(headers.signature!, 'hex'));
  return valid ? { ok: true } : { ok: false, reason: 'bad signature' };
}
