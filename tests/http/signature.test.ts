/** The signature module on its own: key parsing and the exact rules of the check. */
import { describe, expect, it } from 'vitest';
import { MAX_SIGNATURE_AGE_SECONDS, PublicKeyError, publicKeyFromHex, verifySignature } from '../../src/transports/http/signature.ts';
import { signatureFor, testKeys } from './signed-client.ts';

const keys = testKeys();
const key = publicKeyFromHex(keys.publicKeyHex);
const NOW_MS = 1_700_000_000_000;
const nowSeconds = NOW_MS / 1000;

describe('publicKeyFromHex', () => {
  it('accepts the 64 hex characters the developer portal shows, in either case', () => {
    expect(publicKeyFromHex(keys.publicKeyHex.toUpperCase()).asymmetricKeyType).toBe('ed25519');
  });

  it.each([['too short', 'ab'.repeat(31)], ['too long', 'ab'.repeat(33)], ['not hex', 'g'.repeat(64)], ['empty', ''], ['spaces', ` ${'a'.repeat(62)} `]])(
    'refuses a key that is %s',
    (_label, hex) => {
      expect(() => publicKeyFromHex(hex)).toThrow(PublicKeyError);
    },
  );
});

describe('verifySignature', () => {
  const body = Buffer.from('{"type":1}');
  const signed = (timestamp: string) => ({ timestamp, signature: signatureFor(keys.privateKey, timestamp, body) });

  it('accepts a fresh, correct signature', () => {
    expect(verifySignature(key, signed(String(nowSeconds)), body, NOW_MS)).toEqual({ ok: true });
  });

  it('covers the timestamp: the same signature under another timestamp fails', () => {
    const { signature } = signed(String(nowSeconds));
    expect(verifySignature(key, { signature, timestamp: String(nowSeconds - 1) }, body, NOW_MS)).toEqual({ ok: false, reason: 'bad signature' });
  });

  it('covers every byte of the body', () => {
    expect(verifySignature(key, signed(String(nowSeconds)), Buffer.from('{"type":1} '), NOW_MS)).toEqual({ ok: false, reason: 'bad signature' });
  });

  it('accepts up to exactly 5 minutes of age either way, and no more', () => {
    expect(verifySignature(key, signed(String(nowSeconds - MAX_SIGNATURE_AGE_SECONDS)), body, NOW_MS).ok).toBe(true);
    expect(verifySignature(key, signed(String(nowSeconds + MAX_SIGNATURE_AGE_SECONDS)), body, NOW_MS).ok).toBe(true);
    expect(verifySignature(key, signed(String(nowSeconds - MAX_SIGNATURE_AGE_SECONDS - 1)), body, NOW_MS)).toEqual({ ok: false, reason: 'stale timestamp' });
    expect(verifySignature(key, signed(String(nowSeconds + MAX_SIGNATURE_AGE_SECONDS + 1)), body, NOW_MS)).toEqual({ ok: false, reason: 'stale timestamp' });
  });

  it('names what is wrong with malformed headers', () => {
    expect(verifySignature(key, {}, body, NOW_MS)).toEqual({ ok: false, reason: 'missing headers' });
    expect(verifySignature(key, { signature: 'xyz', timestamp: String(nowSeconds) }, body, NOW_MS)).toEqual({ ok: false, reason: 'malformed signature' });
    expect(verifySignature(key, { signature: 'a'.repeat(128), timestamp: 'now' }, body, NOW_MS)).toEqual({ ok: false, reason: 'malformed timestamp' });
  });
});
