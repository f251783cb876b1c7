/** The replay guard's memory: an id is refused while its signature could still be accepted, then forgotten, and never more are kept than the bound. */
import { describe, expect, it } from 'vitest';
import { ReplayGuard } from '../../src/transports/http/replay-guard.ts';

const WINDOW_MS = 5 * 60 * 1000;
const t0 = 1_780_000_000; // seconds

describe('ReplayGuard', () => {
  it('refuses a repeat until the signed timestamp leaves the window, then forgets the id', () => {
    const guard = new ReplayGuard(WINDOW_MS);
    expect(guard.firstSighting('1', t0, t0 * 1000)).toBe(true);
    expect(guard.firstSighting('1', t0, t0 * 1000 + WINDOW_MS - 1)).toBe(false);
    // Past the window the signature check refuses the request anyway; the id need not be kept.
    expect(guard.firstSighting('2', t0, t0 * 1000 + WINDOW_MS + 1)).toBe(true);
    expect(guard.size).toBe(1);
  });

  it('keeps at most its bound, forgetting the oldest first', () => {
    const guard = new ReplayGuard(WINDOW_MS, 3);
    for (const id of ['a', 'b', 'c', 'd']) expect(guard.firstSighting(id, t0, t0 * 1000)).toBe(true);
    expect(guard.size).toBe(3);
    expect(guard.firstSighting('d', t0, t0 * 1000)).toBe(false);
    expect(guard.firstSighting('a', t0, t0 * 1000)).toBe(true);
  });
});
