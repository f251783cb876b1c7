import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { truncateWords } from '../../src/render/truncate.ts';

describe('truncateWords', () => {
  it('leaves text that fits alone', () => {
    expect(truncateWords('short text', 10)).toBe('short text');
  });

  it('cuts at a word boundary and marks the cut', () => {
    expect(truncateWords('the quick brown fox jumps', 17)).toBe('the quick brown…');
    expect(truncateWords('the quick brown fox jumps', 16)).toBe('the quick brown…');
    expect(truncateWords('the quick brown fox jumps', 15)).toBe('the quick…');
  });

  it('drops trailing punctuation before the ellipsis', () => {
    expect(truncateWords('one, two, three, four', 10)).toBe('one, two…');
  });

  it('cuts an over-long word, with the ellipsis saying so', () => {
    expect(truncateWords('a'.repeat(50), 10)).toBe(`${'a'.repeat(9)}…`);
  });

  it('never splits a surrogate pair', () => {
    const out = truncateWords('👍'.repeat(10), 6);
    expect(out).toBe('👍👍…');
  });

  it('never leaves a backslash that would escape the ellipsis', () => {
    expect(truncateWords('abc\\*def ghi', 5)).toBe('abc…');
    expect(truncateWords('abc\\*def ghi', 6)).toBe('abc\\*…');
    expect(truncateWords('ab\\\\cdefgh', 5)).toBe('ab\\\\…');
  });

  it('property: within the limit, a prefix of the text, and marked when cut', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), fc.integer({ min: 1, max: 200 }), (text, max) => {
        const out = truncateWords(text, max);
        expect(out.length).toBeLessThanOrEqual(max);
        if (text.length <= max) expect(out).toBe(text);
        else {
          expect(out.endsWith('…')).toBe(true);
          expect(text.startsWith(out.slice(0, -1))).toBe(true);
        }
      }),
    );
  });
});
