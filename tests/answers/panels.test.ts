/**
 * The ⚖️ button under a card says how many disputes its panel holds: the count and the panel are
 * worked out from the same facts, on any fact base.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Answer } from '../../src/answers/answer.ts';
import { inlineText } from '../../src/answers/answer.ts';
import { answer, panel } from '../../src/answers/index.ts';
import type { Target } from '../../src/answers/query.ts';
import { buildKnowledgeIndex } from '../../src/search/index.ts';
import type { KnowledgeIndex } from '../../src/search/types.ts';
import { makeBase, makeEvent, makeFact, makeSource } from '../fixtures/records.ts';
import { realIndex } from '../fixtures/real.ts';

/** The number the card's ⚖️ button gives, 0 when it has none. */
function counted(card: Answer): number {
  const action = card.actions.find((a) => a.kind === 'panel' && a.panel === 'disputes');
  return action ? Number(/^(\d+) dispute/.exec(action.label)![1]) : 0;
}

/** The titles of the disputes a panel names as left out. */
function leftOut(disputes: Answer): string[] {
  const line = disputes.blocks.flatMap((b) => (b.kind === 'small' ? [inlineText(b.text)] : [])).find((t) => t.startsWith('Also disputed, not shown here: '));
  if (!line) return [];
  return line
    .slice('Also disputed, not shown here: '.length, line.lastIndexOf('; to read one'))
    .split(' · ')
    .map((t) => t.replace(/^“|”$/g, ''));
}

/** The disputes the panel shows, and those it names as left out. */
function inPanel(disputes: Answer): number {
  return disputes.blocks.filter((b) => b.kind === 'subheading').length + leftOut(disputes).length;
}

function expectCountMatchesPanel(index: KnowledgeIndex, targets: readonly Target[]): void {
  for (const target of targets) {
    const card = answer(index, target);
    if (card.kind !== 'ok') continue;
    expect(counted(card), JSON.stringify(target)).toBe(inPanel(panel(index, target, 'disputes')));
  }
}

describe('the disputes button counts what its panel shows', () => {
  // Two outlets disagree only about an attack on the forces involved, not on a joint patrol.
  const index = buildKnowledgeIndex(
    makeBase({
      sources: [makeSource({ id: 'src-a' }), makeSource({ id: 'src-b', short_name: 'Beta' })],
      facts: [
        makeFact({ id: 'p1', kind: 'patrol', patrols: [3] }),
        makeFact({ id: 'a1', kind: 'attack', attack_target: 'joint-patrol', patrols: [3] }),
        makeFact({ id: 'r1', kind: 'attack', attack_target: 'related-forces', date: '2020-08-02', statement: 'Two soldiers were killed.' }),
        makeFact({ id: 'r2', kind: 'attack', attack_target: 'related-forces', date: '2020-08-02', source: 'src-b', statement: 'One soldier was killed.' }),
      ],
      disputes: [{ id: 'toll', title: 'How many were killed?', differs: 'Two or one.', aspect: 'casualties', claims: ['r1', 'r2'] }],
      events: [
        makeEvent({ id: 'patrol-3', reports: ['p1'], patrol: { number: 3, basis: 'stated', stated_in: ['p1'] } }),
        makeEvent({ id: 'attack-3', kind: 'attack', target: 'joint-patrol', reports: ['a1'], patrol: { number: 3, basis: 'stated', stated_in: ['a1'] } }),
        makeEvent({ id: 'attack-on-forces', kind: 'attack', target: 'related-forces', reports: ['r1', 'r2'], date: '2020-08-02' }),
      ],
    }),
  );

  it('on /attacks, a dispute about a related attack too', () => {
    const card = answer(index, { command: 'attacks' });
    expect(counted(card)).toBe(1);
    expect(inPanel(panel(index, { command: 'attacks' }, 'disputes'))).toBe(1);
  });

  it('on every card of a small base', () => {
    expectCountMatchesPanel(index, [
      { command: 'attacks' },
      { command: 'attacks', from: '2020-08-01' },
      { command: 'timeline' },
      { command: 'patrol', number: 3 },
      { command: 'event', id: 'attack-on-forces' },
      { command: 'fact', id: 'r1' },
      { command: 'source', id: 'src-b' },
    ]);
  });

  describe('on the real fact base', () => {
    let real: KnowledgeIndex;
    beforeAll(async () => {
      real = await realIndex();
    });

    it('on every card with disputes to count', () => {
      const base = real.base;
      const numbers = [...new Set(base.events.flatMap((e) => (e.patrol ? [e.patrol.number] : [])))];
      expectCountMatchesPanel(real, [
        { command: 'attacks' },
        { command: 'timeline' },
        ...numbers.map((number) => ({ command: 'patrol', number }) as const),
        ...base.events.map((e) => ({ command: 'event', id: e.id }) as const),
        ...base.facts.map((f) => ({ command: 'fact', id: f.id }) as const),
        ...base.sources.map((s) => ({ command: 'source', id: s.id }) as const),
        ...base.places.map((p) => ({ command: 'where', place: p.name }) as const),
      ]);
    });
  });
});

describe('the panels on the real fact base', () => {
  let real: KnowledgeIndex;
  let targets: Target[];
  beforeAll(async () => {
    real = await realIndex();
    const numbers = [...new Set(real.base.events.flatMap((e) => (e.patrol ? [e.patrol.number] : [])))];
    targets = [
      { command: 'attacks' },
      { command: 'timeline' },
      { command: 'patrol' },
      ...numbers.map((number) => ({ command: 'patrol', number }) as const),
      ...real.base.sources.map((s) => ({ command: 'source', id: s.id }) as const),
      ...real.base.places.map((p) => ({ command: 'where', place: p.name }) as const),
    ];
  });

  it('a source heading in the quotes panel always has quotes under it', () => {
    let cut = 0;
    for (const target of targets) {
      const quotes = panel(real, target, 'quotes');
      quotes.blocks.forEach((block, i) => {
        if (block.kind !== 'subheading') return;
        expect(quotes.blocks[i + 1]?.kind, `${JSON.stringify(target)}: ${inlineText(block.text)}`).toBe('quote');
      });
      if (quotes.blocks.some((b) => b.kind === 'small' && /^\d+ more quotes?:/.test(inlineText(b.text)))) cut++;
    }
    // Some panels are over their budget: the test covers headings near the cut.
    expect(cut).toBeGreaterThan(0);
  });

  it('quotes left out are pointed to where they can be read: on a source card, its facts', () => {
    for (const target of targets) {
      const more = panel(real, target, 'quotes')
        .blocks.flatMap((b) => (b.kind === 'small' ? [inlineText(b.text)] : []))
        .find((t) => /^\d+ more quotes?:/.test(t));
      if (!more) continue;
      expect(more).not.toContain('/source');
      if (target.command === 'source') expect(more).toContain('open a fact from the card’s menu');
    }
  });

  it('our reading of dates and identifications is labelled as ours, never under a source as if quoted', () => {
    let readings = 0;
    for (const target of targets) {
      const card = answer(real, target);
      const quotes = panel(real, target, 'quotes');
      for (const reading of card.evidence?.readings ?? []) {
        const block = quotes.blocks.find((b) => b.kind === 'small' && inlineText(b.text).includes(reading.slice(0, 40)));
        expect(block && inlineText(block.kind === 'small' ? block.text : []), JSON.stringify(target)).toMatch(/^Our reading: /);
        readings++;
      }
    }
    expect(readings).toBeGreaterThan(0);
  });

  it('disputes left out of the panel are named, each a dispute of the card', () => {
    let named = 0;
    for (const target of targets) {
      const titles = new Set(real.base.disputes.map((d) => d.title));
      for (const title of leftOut(panel(real, target, 'disputes'))) {
        expect(titles.has(title), title).toBe(true);
        named++;
      }
    }
    expect(named).toBeGreaterThan(0);
  });
});
