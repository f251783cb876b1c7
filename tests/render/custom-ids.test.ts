import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Target } from '../../src/answers/query.ts';
import { decodePress, decodeTarget, encodePress, encodeTarget } from '../../src/render/custom-ids.ts';

describe('custom ids carry the card and the action, nothing else', () => {
  it('round-trips every kind of target', () => {
    const targets: Target[] = [
      { command: 'patrol', number: 22 },
      { command: 'patrol' },
      { command: 'attacks', from: '2020-07', to: 'August 2020' },
      { command: 'where', place: 'Ain Hawr' },
      { command: 'search', query: 'human shields: who?' },
      { command: 'timeline' },
      { command: 'source', id: 'sofrep-26th-patrol-attacked' },
      { command: 'help' },
      { command: 'event', id: 'attack-on-patrol-26' },
      { command: 'fact', id: 'sf-22nd-patrol-first-full' },
    ];
    for (const target of targets) {
      for (const action of ['open', 'quotes', 'disputes'] as const) {
        const id = encodePress({ action, target });
        expect(id).not.toBeNull();
        expect(decodePress(id!)).toEqual({ ok: true, value: { action, target } });
      }
      expect(decodeTarget(encodeTarget(target)!)).toEqual({ ok: true, value: target });
    }
  });

  it('hold no user id and no expiry: the same card gives the same id for anyone, at any time', () => {
    expect(encodePress({ action: 'quotes', target: { command: 'patrol', number: 22 } })).toBe('q:patrol:number=22');
  });

  it('shorten a long search to its first words so that it fits in 100 characters, or give up', () => {
    const query = Array.from({ length: 40 }, (_, i) => `word${i}`).join(' ');
    const id = encodePress({ action: 'open', target: { command: 'search', query } })!;
    expect(id.length).toBeLessThanOrEqual(100);
    const decoded = decodePress(id);
    expect(decoded.ok && decoded.value.target.command === 'search' && query.startsWith(decoded.value.target.query)).toBe(true);
    expect(encodePress({ action: 'open', target: { command: 'event', id: 'x'.repeat(120) } })).toBeNull();
  });

  it('tell an old paging button, an unknown id and a forged target apart', () => {
    expect(decodePress('pg;0;123456789012345678;abc;timeline;')).toEqual({ ok: false, reason: 'old' });
    expect(decodePress('pg-label')).toEqual({ ok: false, reason: 'old' });
    expect(decodePress('x:patrol:number=1')).toEqual({ ok: false, reason: 'unknown' });
    expect(decodePress('o:menu')).toEqual({ ok: false, reason: 'unknown' });
    expect(decodePress('o:nosuch:')).toMatchObject({ ok: false, reason: 'invalid' });
    expect(decodePress('o:patrol:number=0')).toMatchObject({ ok: false, reason: 'invalid' });
    expect(decodePress('o:patrol:colour=red')).toMatchObject({ ok: false, reason: 'invalid' });
    expect(decodePress('o:event:')).toMatchObject({ ok: false, reason: 'invalid' });
  });

  it('any string decodes to a press or a refusal, never an exception', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 150 }), (text) => {
        const decoded = decodePress(text);
        expect(typeof decoded.ok).toBe('boolean');
      }),
      { numRuns: 500 },
    );
  });

  it('any search or place fits, shortened, within 100 characters', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', minLength: 1, maxLength: 400 }), (text) => {
        for (const target of [{ command: 'search', query: text }, { command: 'where', place: text }] as const) {
          const id = encodePress({ action: 'open', target });
          if (id !== null) expect(id.length).toBeLessThanOrEqual(100);
        }
      }),
      { numRuns: 300 },
    );
  });
});
