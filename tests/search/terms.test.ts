/**
 * The indexer's fast paths must give exactly what the one normaliser gives: TermInterner (words
 * normalised once each, articles decided per text) against searchTerms, and NameKeys against nameKey,
 * on arbitrary text built from the characters the normaliser treats specially.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NameKeys, searchTerms, TermInterner } from '../../src/search/terms.ts';
import { nameKey } from '../../src/text/normalise.ts';

/** Pieces that exercise every rule: articles, assimilated articles, hyphens, marks, spaces, ordinals. */
const PIECES = [
  'al', 'el', 'Al-', 'el-', 'ad-', 'az-', 'ez-', 'ash-', 'Ain', 'Hawr', 'Zawr', 'the', 'of', 'and',
  '22nd', '1st', 'M-4', 'M4', 'Türkiye', 'é', '\u0301', 'Hay’at', "Ma'arrat", '-', '‐', '–', '—', ' ', '  ',
  '\u00a0', '\n', '\t', ',', '.', '!', '(', ')', '"', '“', '”', 'x', 'ﬁ', '²', '😀', 'Ⅻ', 'patrol',
];

const text = fc.array(fc.constantFrom(...PIECES), { maxLength: 12 }).map((parts) => parts.join(''));
const anyText = fc.oneof(text, fc.string({ unit: 'binary', maxLength: 40 }), fc.string({ maxLength: 40 }));

function internedTerms(interner: TermInterner, input: string): string[] {
  const ids: number[] = [];
  interner.collect(input, { add: (id) => void ids.push(id) });
  return ids.map((id) => interner.terms[id]!);
}

describe('TermInterner', () => {
  it('gives the same terms as searchTerms, in order', () => {
    const interner = new TermInterner();
    fc.assert(
      fc.property(anyText, (input) => {
        expect(internedTerms(interner, input)).toEqual(searchTerms(input));
      }),
      { numRuns: 2000 },
    );
  });

  it('drops articles only when the text has other words (stop words count)', () => {
    const interner = new TermInterner();
    expect(internedTerms(interner, 'al')).toEqual(['al']);
    expect(internedTerms(interner, 'al el')).toEqual(['al', 'el']);
    expect(internedTerms(interner, 'the al')).toEqual([]);
    expect(internedTerms(interner, 'Ain al Hawr')).toEqual(['ain', 'hawr']);
  });

  it('reuses ids for the same term across texts', () => {
    const interner = new TermInterner();
    const first = internedTerms(interner, 'joint patrol');
    const countAfterFirst = interner.terms.length;
    expect(internedTerms(interner, 'Patrol, joint!')).toEqual(['patrol', 'joint']);
    expect(interner.terms.length).toBe(countAfterFirst);
    expect(first).toEqual(['joint', 'patrol']);
  });
});

describe('NameKeys', () => {
  it('gives the same key as nameKey', () => {
    const keys = new NameKeys();
    fc.assert(
      fc.property(anyText, (input) => {
        expect(keys.key(input)).toBe(nameKey(input));
      }),
      { numRuns: 2000 },
    );
  });
});
