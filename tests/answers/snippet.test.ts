import { describe, expect, it } from 'vitest';
import { buildSnippet, SNIPPET_MAX } from '../../src/answers/snippet.ts';
import { makeFact } from '../fixtures/records.ts';

const marked = (s: { text: string; highlights: readonly (readonly [number, number])[] }) => s.highlights.map(([a, b]) => s.text.slice(a, b));

describe('buildSnippet', () => {
  it('marks the matched words in a short quote, through the normaliser', () => {
    const fact = makeFact({ id: 'f', quote: 'It left Taranba and stopped at Ain Hour.', statement: 'Left Tronba.' });
    const s = buildSnippet(fact, ['taranba', 'hour']);
    expect(s.field).toBe('quote');
    expect(s.text).toBe(fact.quote);
    expect(marked(s)).toEqual(['Taranba', 'Hour']);
  });

  it('uses the statement when more of the matched words are there', () => {
    const fact = makeFact({ id: 'f', quote: 'the convoy', statement: 'The Russian convoy hit an IED in Deir ez-Zor.' });
    const s = buildSnippet(fact, ['ied', 'zor', 'russian']);
    expect(s.field).toBe('statement');
    expect(marked(s)).toEqual(['Russian', 'IED', 'ez-Zor']);
  });

  it('cuts a long text to a window around the first match, at words, with ellipses', () => {
    const before = Array.from({ length: 60 }, (_, i) => `early${i}`).join(' ');
    const after = Array.from({ length: 60 }, (_, i) => `late${i}`).join(' ');
    const fact = makeFact({ id: 'f', quote: `${before} the human shields claim ${after}` });
    const s = buildSnippet(fact, ['human', 'shields']);
    expect(s.text.length).toBeLessThanOrEqual(SNIPPET_MAX + 2);
    expect(s.text.startsWith('…early')).toBe(true);
    expect(s.text.endsWith('…')).toBe(true);
    expect(marked(s)).toEqual(['human', 'shields']);
    // Each word in the window is whole.
    const words = s.text.slice(1, -1).split(' ');
    for (const w of words) expect(fact.quote.split(' ')).toContain(w);
  });

  it('with no matching word in either text, shows the start of the quote unmarked', () => {
    const fact = makeFact({ id: 'f', quote: 'Nothing to see here.' });
    expect(buildSnippet(fact, ['latakia'])).toEqual({ field: 'quote', text: 'Nothing to see here.', highlights: [] });
  });
});
