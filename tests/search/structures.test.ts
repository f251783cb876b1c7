/**
 * The small data structures autocomplete stands on, checked against brute force on random input:
 * bounded edit distance over sorted keys, the best entries of any range, and prefix ranges.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fuzzyKeys } from '../../src/search/fuzzy-keys.ts';
import { RangeTop } from '../../src/search/range-top.ts';
import { compareKeys, prefixRange } from '../../src/search/sorted-keys.ts';

/** Optimal string alignment distance, the plain dynamic programme. */
function osa(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i]![j] = Math.min(d[i]![j]!, d[i - 2]![j - 2]! + 1);
    }
  }
  return d[a.length]![b.length]!;
}

const word = fc.string({ unit: fc.constantFrom('a', 'b', 'c', 'h', 'w', 'r', ' '), maxLength: 8 });
const sortedKeys = fc.uniqueArray(word, { maxLength: 40 }).map((keys) => [...keys].sort(compareKeys));

describe('fuzzyKeys', () => {
  it('finds exactly the keys within the bound (whole key)', () => {
    fc.assert(
      fc.property(sortedKeys, word, fc.integer({ min: 0, max: 2 }), (keys, query, maxDistance) => {
        const found = fuzzyKeys(keys, query, { maxDistance, mode: 'full' });
        const expected = keys.flatMap((key, index) => {
          const distance = osa(query, key);
          return distance <= maxDistance ? [{ index, distance }] : [];
        });
        expect(found).toEqual(expected);
      }),
      { numRuns: 500 },
    );
  });

  it('finds exactly the keys with a start within the bound (prefix mode)', () => {
    fc.assert(
      fc.property(sortedKeys, word, fc.integer({ min: 0, max: 2 }), (keys, query, maxDistance) => {
        const found = fuzzyKeys(keys, query, { maxDistance, mode: 'prefix' });
        const expected = keys.flatMap((key, index) => {
          let distance = Number.POSITIVE_INFINITY;
          for (let end = 0; end <= key.length; end++) distance = Math.min(distance, osa(query, key.slice(0, end)));
          return distance <= maxDistance ? [{ index, distance }] : [];
        });
        expect(found).toEqual(expected);
      }),
      { numRuns: 500 },
    );
  });

  it('counts swapping two neighbours as one edit', () => {
    expect(fuzzyKeys(['ain hawr'], 'ain hwar', { maxDistance: 1, mode: 'full' })).toEqual([{ index: 0, distance: 1 }]);
  });
});

describe('RangeTop', () => {
  it('yields the positions of any range from the highest rank down (ties: earlier first)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 5 }), { minLength: 1, maxLength: 60 }),
        fc.nat(),
        fc.nat(),
        (ranks, a, b) => {
          const lo = a % (ranks.length + 1);
          const hi = lo + (b % (ranks.length - lo + 1));
          const top = new RangeTop(ranks);
          const expected = Array.from({ length: hi - lo }, (_, i) => lo + i).sort((x, y) => ranks[y]! - ranks[x]! || x - y);
          expect([...top.best(lo, hi)]).toEqual(expected);
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('prefixRange', () => {
  it('selects exactly the keys that start with the prefix', () => {
    fc.assert(
      fc.property(sortedKeys, word, (keys, prefix) => {
        const [start, end] = prefixRange(keys, prefix);
        const inside = keys.slice(start, end);
        expect(inside.every((key) => key.startsWith(prefix))).toBe(true);
        expect(keys.filter((key) => key.startsWith(prefix))).toEqual(inside);
      }),
      { numRuns: 500 },
    );
  });
});
