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

/** The disputes the panel shows, and those it counts as left out. */
function inPanel(disputes: Answer): number {
  const shown = disputes.blocks.filter((b) => b.kind === 'subheading').length;
  const left = disputes.blocks.flatMap((b) => (b.kind === 'small' ? [/^(\d+) more disput/.exec(inlineText(b.text))?.[1]] : [])).find(Boolean);
  return shown + Number(left ?? 0);
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
