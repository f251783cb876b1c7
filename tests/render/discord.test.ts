import { ComponentType, MessageFlags } from 'discord.js';
import { describe, expect, it } from 'vitest';
import type { Answer, Block } from '../../src/answers/answer.ts';
import { answer, panel } from '../../src/answers/index.ts';
import { renderDiscord, renderNotice } from '../../src/render/discord.ts';
import { buildKnowledgeIndex } from '../../src/search/index.ts';
import { makeBase, makeEvent, makeFact, makeSource } from '../fixtures/records.ts';
import { allComponents, cardText, customIds, expectWithinLimits, menuValues, visibleLength } from './discord-limits.ts';

const words = (n: number, word = 'lorem') => Array.from({ length: n }, (_, i) => `${word}${i}`).join(' ');

const card = (partial: Partial<Answer>): Answer => ({
  target: { command: 'help' },
  kind: 'ok',
  title: 'A card',
  blocks: [],
  footnotes: [],
  notes: [],
  actions: [],
  ...partial,
});

describe('a card as a Components V2 message', () => {
  const facts = [
    makeFact({ id: 'f1', statement: 'It set off from Tronba.', quote: 'It set off from Tronba.', patrols: [7], source: 'src-a' }),
    makeFact({ id: 'f2', statement: 'It met no trouble.', quote: 'No trouble.', patrols: [7], source: 'src-a' }),
    makeFact({ id: 'f3', statement: 'Mines were cleared.', quote: 'Mines were cleared.', source: 'src-b' }),
  ];
  const base = makeBase({
    facts,
    sources: [makeSource({ id: 'src-a', short_name: 'Alpha' }), makeSource({ id: 'src-b', short_name: 'Beta', date: '2020-07-25' })],
    disputes: [{ id: 'trouble', title: 'Did it meet trouble?', differs: 'One says no, one says mines.', aspect: 'outcome', claims: ['f2', 'f3'] }],
    events: [
      makeEvent({
        id: 'patrol-seven',
        reports: ['f1', 'f2', 'f3'],
        patrol: { number: 7, basis: 'stated', stated_in: ['f1'] },
        lines: [
          { label: 'Route', text: 'Tronba → Ain Hawr', cites: ['f1'] },
          { label: 'Trouble', dispute: 'trouble', cites: [], sides: [{ text: 'none', cites: ['f2'] }, { text: 'mines cleared', cites: ['f3'] }] },
        ],
      }),
    ],
  });
  const index = buildKnowledgeIndex(base);
  const message = renderDiscord(answer(index, { command: 'patrol', number: 7 }));

  it('is one container flagged Components V2, with no content or embeds, that pings no one', () => {
    expect(message.flags).toBe(MessageFlags.IsComponentsV2);
    expect(message.components).toHaveLength(1);
    expect(message.components?.[0]?.type).toBe(ComponentType.Container);
    expect(message).not.toHaveProperty('content');
    expect(message).not.toHaveProperty('embeds');
    expectWithinLimits(message);
  });

  it('answers in its heading and first line, then the labelled lines, then the sources once in small text', () => {
    const text = cardText(message);
    expect(text.startsWith('## Patrol 7 · 22 July 2020\nSummary of patrol-seven. [1]')).toBe(true);
    expect(text).toContain('**Route** Tronba → Ain Hawr [1]');
    expect(text).toContain('**Trouble** ⚖️ none [1] vs mines cleared [2]');
    expect(text.split('\n').at(-1)).toBe('-# [1] Alpha, 25 Aug 2020 · [2] Beta, 25 Jul 2020 · 3 facts');
    expect(text.match(/Alpha/g)).toHaveLength(1);
  });

  it('offers the quotes & sources and disputes panels, with custom ids that carry the card and nothing else', () => {
    expect(customIds(message)).toEqual(['q:patrol:number=7', 'd:patrol:number=7']);
  });

  it('in a panel, numbers each source as the card did and quotes it verbatim', () => {
    const quotes = cardText(renderDiscord(panel(index, { command: 'patrol', number: 7 }, 'quotes'), { ephemeral: true }));
    expect(quotes).toMatch(/\*\*\\\[1\\\] Alpha\*\*[^\n]*\n> “It set off from Tronba\.” — Example Outlet\n> “No trouble\.”/);
    expect(quotes).toMatch(/\*\*\\\[2\\\] Beta\*\*[^\n]*\n> “Mines were cleared\.”/);
    const disputes = renderDiscord(panel(index, { command: 'patrol', number: 7 }, 'disputes'), { ephemeral: true });
    expect(disputes.flags).toBe(MessageFlags.IsComponentsV2 | MessageFlags.Ephemeral);
    expect(cardText(disputes)).toContain('**Did it meet trouble?**\n- [1] Example Outlet: “No trouble.”\n- [2] Example Outlet: “Mines were cleared.”');
  });
});

describe('cards within Discord limits, whatever the fact base holds', () => {
  const manyFacts = Array.from({ length: 300 }, (_, i) =>
    makeFact({
      id: `fact-${i}`,
      statement: words(400, `statement${i}x`),
      quote: words(2000, `quote${i}x`),
      date: `2020-07-${String((i % 28) + 1).padStart(2, '0')}`,
      kind: 'attack',
      attack_target: i % 3 === 0 ? 'related-forces' : 'joint-patrol',
      patrols: i % 10 === 0 ? [i] : [],
    }),
  );
  const base = makeBase({
    facts: manyFacts,
    sources: [makeSource({ id: 'src-a', publisher: 'P'.repeat(3000), title: 'T'.repeat(3000), short_name: 'S' })],
    claimants: [{ id: 'outlet', name: 'C '.repeat(2000), short_name: 'C', kind: 'media' }],
  });
  const index = buildKnowledgeIndex(base);
  const targets = [
    { command: 'timeline' },
    { command: 'attacks' },
    { command: 'patrol' },
    { command: 'patrol', number: 10 },
    { command: 'search', query: 'statement5x0' },
    { command: 'source', id: 'src-a' },
    { command: 'help' },
  ] as const;

  for (const target of targets) {
    it(`${JSON.stringify(target)}: the card and both panels fit every limit`, () => {
      expectWithinLimits(renderDiscord(answer(index, target)));
      expectWithinLimits(renderDiscord(panel(index, target, 'quotes')));
      expectWithinLimits(renderDiscord(panel(index, target, 'disputes')));
    });
  }

  it('a card citing a hundred sources, with a hundred notes, still fits: the footer is cut at a whole footnote and says how many more', () => {
    const n = 120;
    const sources = Array.from({ length: n }, (_, i) => makeSource({ id: `s${i}`, short_name: `Outlet ${'x'.repeat(20)} ${i}`, date: '2020-08' , date_precision: 'month' }));
    const facts = Array.from({ length: n }, (_, i) => makeFact({ id: `f${i}`, source: `s${i}`, kind: 'attack', attack_target: 'joint-patrol', patrols: [7] }));
    const ids = facts.map((f) => f.id);
    const events = Array.from({ length: n }, (_, i) =>
      makeEvent({
        id: `e${i}`,
        kind: i === 0 ? 'patrol' : 'attack',
        ...(i > 0 && { target: 'joint-patrol' as const }),
        reports: i === 0 ? ids : [ids[i]!],
        patrol: { number: 7, basis: 'stated', stated_in: [] },
        date_basis: 'inferred',
        date_reasoning: 'x',
        date_note: `date ${i} inferred from context`,
        ...(i === 0 && { summary: { text: 'Everyone reported it.', cites: ids }, brief: { text: 'reported by all', cites: ids } }),
      }),
    );
    const crowded = buildKnowledgeIndex(makeBase({ facts, sources, events }));
    for (const target of [{ command: 'patrol', number: 7 }, { command: 'patrol' }, { command: 'timeline' }] as const) {
      const a = answer(crowded, target);
      expect(a.footnotes.length).toBeGreaterThan(60);
      const message = renderDiscord(a);
      expectWithinLimits(message);
      const foot = cardText(message).split('\n').at(-1)!;
      expect(foot).toMatch(/^-# \[1\] Outlet x+ 0, Aug 2020 · \[2\] /);
      expect(foot).toMatch(/ · …and \d+ more$/);
      expectWithinLimits(renderDiscord(panel(crowded, target, 'quotes')));
      expectWithinLimits(renderDiscord(panel(crowded, target, 'disputes')));
    }
  });

  it('a list shows what fits a phone screen, says how many more, and opens any of 25 from its menu', () => {
    const message = renderDiscord(answer(index, { command: 'attacks' }));
    expect(visibleLength(message)).toBeLessThanOrEqual(1000);
    expect(cardText(message)).toMatch(/\d+ more in the menu/);
    expect(menuValues(message)).toHaveLength(25);
  });
});

describe('hand-built extremes', () => {
  it('keeps a huge title and 200 huge blocks within every limit, cut with a note, footnotes kept', () => {
    const blocks: Block[] = Array.from({ length: 200 }, (_, i) => (i % 3 === 2 ? { kind: 'break' } : { kind: 'line', label: `Label ${i} `.repeat(50), text: [words(3000)] }));
    const message = renderDiscord(
      card({ title: `${'Title '.repeat(200)}@everyone`, blocks, footnotes: [{ n: 1, text: 'Source, 2020', sourceId: 's' }], notes: ['year inferred'] }),
    );
    expectWithinLimits(message);
    const text = cardText(message);
    expect(text).toContain('…cut to fit in one Discord message');
    expect(text.split('\n').at(-1)).toBe('-# [1] Source, 2020 · year inferred');
  });

  it('cuts a card too long for one message after a whole line, so that every line it shows keeps its markers', () => {
    const blocks: Block[] = Array.from({ length: 40 }, (_, i): Block[] => [
      { kind: 'item', text: [words(60, `w${i}x`), ' ', { cite: [1] }] },
      ...(i % 5 === 4 ? [{ kind: 'break' } as const] : []),
    ]).flat();
    const message = renderDiscord(card({ blocks, footnotes: [{ n: 1, text: 'Source, 2020', sourceId: 's' }] }));
    expectWithinLimits(message);
    const lines = cardText(message).split('\n');
    expect(lines).toContain('-# …cut to fit in one Discord message');
    const items = lines.filter((l) => l.startsWith('- '));
    expect(items.length).toBeGreaterThan(5);
    for (const line of items) expect(line).toMatch(/ \[1\]$/);
  });

  it('escapes what a user typed so that it neither formats nor pings', () => {
    const message = renderDiscord(card({ blocks: [{ kind: 'para', text: ['You typed “', { user: '@everyone **bold** <@123>' }, '”.'] }] }));
    expectWithinLimits(message);
    expect(cardText(message)).toContain('\\@\u200beveryone \\*\\*bold\\*\\* \\<\\@\u200b123\\>');
  });

  it('a card with nothing in it is still a valid message', () => {
    const message = renderDiscord(card({ kind: 'not-found', title: 'Search' }));
    expectWithinLimits(message);
    expect(cardText(message)).toBe('## Search');
  });

  it('leaves out a button whose target cannot fit in a custom id, and menu options that repeat', () => {
    const long = { command: 'event', id: 'x'.repeat(200) } as const;
    const message = renderDiscord(
      card({
        actions: [{ kind: 'open', label: 'Too long', target: long }, { kind: 'open', label: 'Fine', target: { command: 'help' } }],
        menu: { placeholder: 'Pick', options: [{ label: 'A', target: { command: 'help' } }, { label: 'A again', target: { command: 'help' } }, { label: 'B', target: long }] },
      }),
    );
    expectWithinLimits(message);
    expect(customIds(message)).toEqual(['o:help:', 'o:menu']);
    expect(menuValues(message)).toEqual(['help:']);
  });

  it('never holds more than 40 components, however many sections and buttons a card has', () => {
    const blocks: Block[] = Array.from({ length: 120 }, (_, i) => (i % 2 ? { kind: 'break' } : { kind: 'para', text: [`Part ${i}`] }));
    const actions = Array.from({ length: 30 }, (_, i) => ({ kind: 'open' as const, label: `B${i}`, target: { command: 'patrol' as const, number: i + 1 } }));
    const message = renderDiscord(card({ blocks, actions }));
    expectWithinLimits(message);
    expect(allComponents(message.components).length).toBeLessThanOrEqual(40);
    expect(cardText(message)).toContain('Part 118');
  });

  it('renders the same message every time (any replica can answer a press)', () => {
    const a = card({ blocks: [{ kind: 'para', text: [words(50)] }], actions: [{ kind: 'open', label: 'x', target: { command: 'help' } }] });
    expect(JSON.stringify(renderDiscord(a))).toBe(JSON.stringify(renderDiscord(a)));
  });

  it('a notice is plain content, ephemeral by default, and pings no one', () => {
    const notice = renderNotice('@everyone went wrong');
    expect(notice).toEqual({ content: '@everyone went wrong', allowed_mentions: { parse: [] }, flags: MessageFlags.Ephemeral });
  });
});
