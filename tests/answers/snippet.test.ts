import { describe, expect, it } from 'vitest';
import { buildSnippet, SNIPPET_MAX } from '../../src/answers/snippet.ts';

const marked = (s: { text: string; highlights: readonly (readonly [number, number])[] }) => s.highlights.map(([a, b]) => s.text.slice(a, b));

describe('buildSnippet', () => {
  it('marks the matched words in a short text, through the normaliser', () => {
    const text = 'It left Taranba and stopped at Ain Hour.';
    const s = buildSnippet(text, ['taranba', 'hour']);
    expect(s.text).toBe(text);
    expect(marked(s)).toEqual(['Taranba', 'Hour']);
  });

  it('marks a word by its completion and a hyphenated name by its part', () => {
    const s = buildSnippet('The Russian convoy hit an IED in Deir ez-Zor.', ['ied', 'zor', 'russian']);
    expect(marked(s)).toEqual(['Russian', 'IED', 'ez-Zor']);
  });

  it('cuts a long text to a window around the first match, at words, with ellipses', () => {
    const before = Array.from({ length: 60 }, (_, i) => `early${i}`).join(' ');
    const after = Array.from({ length: 60 }, (_, i) => `late${i}`).join(' ');
    const text = `${before} the human shields claim ${after}`;
    const s = buildSnippet(text, ['human', 'shields']);
    expect(s.text.length).toBeLessThanOrEqual(SNIPPET_MAX + 2);
    expect(s.text.startsWith('…early')).toBe(true);
    expect(s.text.endsWith('…')).toBe(true);
    expect(marked(s)).toEqual(['human', 'shields']);
    // Each word in the window is whole.
    const words = s.text.slice(1, -1).split(' ');
    for (const w of words) expect(text.split(' ')).toContain(w);
  });

  it('with no matching word, shows the start of the text unmarked', () => {
    expect(buildSnippet('Nothing to see here.', ['latakia'])).toEqual({ text: 'Nothing to see here.', highlights: [] });
  });
});
