import { describe, expect, it } from 'vitest';
import type { Answer } from '../../src/answers/answer.ts';
import { answer } from '../../src/answers/index.ts';
import { renderTerminal, wrap } from '../../src/render/terminal.ts';
import { makeBase, makeEvent, makeFact, makeSource } from '../fixtures/records.ts';
import { terminalAnswer } from '../../src/transports/terminal/terminal-answer.ts';
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
      makeFact({ id: 'f1', statement: 'The patrol was attacked.', quote: 'The *patrol* was attacked by [militants](x).', kind: 'attack', attack_target: 'joint-patrol', patrols: [7], date: '2020-08-25', date_basis: 'inferred', date_reasoning: 'From "Tuesday".' }),
      makeFact({ id: 'f2', statement: 'It was the 8th.', quote: 'the 8th patrol', claimant: 'ministry', reported_via: ['agency'], patrols: [7], date: '2020-08', date_precision: 'month' }),
    ],
    sources: [makeSource({ id: 'src-a', publisher: null, short_name: 'unnamed outlet', title: 'An Unnamed Article', date: '2020-08-26' })],
    claimants: [
      { id: 'outlet', name: 'The outlet', short_name: 'unnamed outlet', kind: 'media' },
      { id: 'ministry', name: 'Defence Ministry', short_name: 'MoD', kind: 'government' },
      { id: 'agency', name: 'News Agency', short_name: 'Agency', kind: 'media' },
    ],
    disputes: [{ id: 'which', title: 'Which patrol was it?', differs: 'One says 7th, one says 8th.', aspect: 'numbering', claims: ['f1', 'f2'] }],
    events: [
      makeEvent({
        id: 'attack-7',
        kind: 'attack',
        target: 'joint-patrol',
        reports: ['f1', 'f2'],
        patrol: { number: 7, basis: 'inferred', stated_in: [], reasoning: 'Matched by date.', note: 'number inferred from the date' },
        date: '2020-08-25',
        date_basis: 'inferred',
        date_reasoning: 'From "Tuesday".',
        date_note: 'from “Tuesday”',
        lines: [{ label: 'Number', dispute: 'which', cites: [], sides: [{ text: '7th', cites: ['f1'] }, { text: '8th', cites: ['f2'] }] }],
      }),
    ],
  });
  const index = buildKnowledgeIndex(base);

  it('writes the card without markup: heading, lines with their markers, footnotes and what was inferred, once', () => {
    const text = renderTerminal(answer(index, { command: 'patrol', number: 7 }), { width: 200 });
    expect(text).toBe(
      [
        'Patrol 7 · 25 August 2020',
        '=========================',
        'Summary of attack-7. [1]',
        '',
        'Number: ⚖️ 7th [1] vs 8th [1]',
        '',
        '[1] unnamed outlet, 26 Aug 2020',
        '2 facts · number inferred from the date · date inferred: from “Tuesday”',
        '',
        'Buttons: [📜 Quotes & sources] [⚖️ 1 dispute] [💥 All attacks]',
      ].join('\n'),
    );
  });

  it('with the panels, quotes each source verbatim and says who spoke, and shows the disputes side by side', () => {
    const text = terminalAnswer(index, { command: 'patrol', number: 7 }, { width: 200 });
    expect(text).toContain('  “The *patrol* was attacked by [militants](x).”');
    expect(text).toContain('  “the 8th patrol” — MoD, via Agency');
    expect(text).toContain('Matched by date. From "Tuesday".');
    expect(text).toContain('Which patrol was it?\n* [1] unnamed outlet: “The *patrol* was attacked by [militants](x).”\n* [1] MoD: “the 8th patrol”');
  });

  it('keeps every line within the width', () => {
    const text = terminalAnswer(index, { command: 'timeline' }, { width: 40 });
    for (const line of text.split('\n')) expect([...line].length).toBeLessThanOrEqual(40);
  });

  it('tells apart menu options that share a label by their descriptions, as Discord does', () => {
    const a: Answer = {
      target: { command: 'source', id: 'x' },
      kind: 'not-found',
      title: 'Which source?',
      blocks: [],
      footnotes: [],
      notes: [],
      actions: [],
      menu: {
        placeholder: 'Which source?',
        options: [
          { label: 'Outlet', description: 'First article', target: { command: 'source', id: 'a' } },
          { label: 'Outlet', description: 'Second article', target: { command: 'source', id: 'b' } },
          { label: 'Agency', description: 'Third article', target: { command: 'source', id: 'c' } },
        ],
      },
    };
    expect(renderTerminal(a, { width: 200 })).toContain('Which source? Outlet (First article); Outlet (Second article); Agency');
  });

  it('prints user input as typed but without control characters', () => {
    const a: Answer = {
      target: { command: 'search', query: 'x' },
      kind: 'not-found',
      title: 'Search',
      blocks: [{ kind: 'para', text: ['No facts match “', { user: 'a\u001b[2Jb\nc' }, '”.'] }],
      footnotes: [],
      notes: [],
      actions: [],
    };
    expect(renderTerminal(a)).toBe('Search\n======\nNo facts match “a[2Jb c”.');
  });
});
