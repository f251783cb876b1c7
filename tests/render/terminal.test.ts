import { describe, expect, it } from 'vitest';
import type { Answer } from '../../src/answers/answer.ts';
import { answer } from '../../src/answers/index.ts';
import { renderTerminal, wrap } from '../../src/render/terminal.ts';
import { makeBase, makeFact, makeSource } from '../fixtures/records.ts';
import { buildKnowledgeIndex } from '../../src/search/index.ts';

describe('wrap', () => {
  it('wraps at word boundaries with an indent, and breaks words longer than a line', () => {
    expect(wrap('aaa bbb ccc ddd', 10 + 2, '  ')).toEqual(['  aaa bbb', '  ccc ddd']);
    expect(wrap('x'.repeat(25), 10)).toEqual(['x'.repeat(10), 'x'.repeat(10), 'x'.repeat(5)]);
  });

  it('never breaks a long word between the two halves of an emoji', () => {
    const word = `a${'🚓'.repeat(12)}`;
    const lines = wrap(word, 10);
    expect(lines.join('')).toBe(word);
    for (const line of lines) expect(line).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/);
  });
});

describe('renderTerminal', () => {
  const base = makeBase({
    facts: [
      makeFact({
        id: 'f1',
        statement: 'The patrol was attacked.',
        quote: 'The *patrol* was attacked by [militants](x).',
        kind: 'attack',
        attack_target: 'joint-patrol',
        patrols: [7],
        date: '2020-08-25',
        date_basis: 'inferred',
      }),
      makeFact({ id: 'f2', statement: 'It was the 8th.', quote: 'the 8th patrol', claimant: 'ministry', reported_via: ['agency'], patrols: [7], date: '2020-08', date_precision: 'month' }),
      makeFact({ id: 'agreement', kind: 'agreement', date: '2020-03-05', quote: 'the March 5 agreement' }),
    ],
    sources: [makeSource({ id: 'src-a', publisher: null, title: 'An Unnamed Article', date: '2020-08-26' })],
    claimants: [
      { id: 'outlet', name: 'The outlet', short_name: 'Outlet', kind: 'media' },
      { id: 'ministry', name: 'Defence Ministry', short_name: 'MoD', kind: 'government' },
      { id: 'agency', name: 'News Agency', short_name: 'Agency', kind: 'media' },
    ],
    disputes: [{ id: 'which', title: 'Which patrol was it?', differs: 'One says 7th, one says 8th.', aspect: 'numbering', claims: ['f1', 'f2'] }],
  });
  const index = buildKnowledgeIndex(base);

  it('writes out dates, quotes, sources, claimants and disputes, with no markup', () => {
    const text = renderTerminal(answer(index, { command: 'patrol', number: 7 }), { width: 200 });
    expect(text).toContain('The 7th joint patrol\n====================');
    expect(text).toContain('25 August 2020 (inferred) · day 173 after the 5 March agreement');
    expect(text).toContain('“The *patrol* was attacked by [militants](x).”');
    expect(text).toContain('— claimed by The outlet; source: “An Unnamed Article”, 26 August 2020 [src-a]');
    expect(text).toContain('claimed by Defence Ministry, via News Agency');
    expect(text).toContain('August 2020');
    expect(text).toContain('Sources differ: Which patrol was it?');
    expect(text).toContain('Disputed: Which patrol was it?');
    expect(text).not.toMatch(/\*\*|__|\\/);
  });

  it('keeps every line within the width', () => {
    const text = renderTerminal(answer(index, { command: 'timeline' }), { width: 40 });
    for (const line of text.split('\n')) expect(line.length).toBeLessThanOrEqual(40);
  });

  it('prints user input as typed but without control characters', () => {
    const a: Answer = { command: 'search', kind: 'not-found', title: 'Search', notice: ['No facts match “', { user: 'a\u001b[2Jb\nc' }, '”.'], items: [] };
    expect(renderTerminal(a)).toBe('Search\n======\nNo facts match “a[2Jb c”.');
  });
});
