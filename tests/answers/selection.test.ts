/**
 * The two choices the answers layer makes over many facts: which fact sums up a patrol, and which
 * day is "the 5 March agreement" that day counts start from. Each preference is shown to win over
 * the ones after it, on small bases made for the purpose.
 */
import { describe, expect, it } from 'vitest';
import { findAgreementAnchor } from '../../src/answers/dates.ts';
import { answer } from '../../src/answers/index.ts';
import { patrolSummaryFact } from '../../src/answers/patrol.ts';
import type { Fact } from '../../src/domain/types.ts';
import { buildKnowledgeIndex } from '../../src/search/index.ts';
import { makeBase, makeFact } from '../fixtures/records.ts';

const about = (n: number, partial: Partial<Fact> & Pick<Fact, 'id'>) => makeFact({ patrols: [n], quote: 'A joint patrol went out.', statement: 'A joint patrol went out.', ...partial });

describe('patrolSummaryFact', () => {
  it('prefers a fact about this patrol alone over one about a range, even an earlier one that names it', () => {
    const range = about(7, { id: 'range', patrols: [6, 7, 8], quote: 'The 7th patrol and others.', date: '2020-06-01' });
    const alone = about(7, { id: 'alone', date: '2020-06-20' });
    expect(patrolSummaryFact([range, alone], 7)?.id).toBe('alone');
  });

  it('then one whose words name the patrol, by number or ordinal word, in quote or statement', () => {
    const plain = about(3, { id: 'plain', date: '2020-05-01' });
    const byNumber = about(3, { id: 'number', quote: 'Their 3rd joint patrol.', date: '2020-05-09' });
    expect(patrolSummaryFact([plain, byNumber], 3)?.id).toBe('number');
    const byWord = about(3, { id: 'word', statement: 'The Third patrol reached the town.', date: '2020-05-09' });
    expect(patrolSummaryFact([plain, byWord], 3)?.id).toBe('word');
    // 13 and 30 are not 3: the later fact naming them does not win over the earlier plain one.
    const other = about(3, { id: 'other', quote: 'Patrols 13 and 30 went out.', date: '2020-06-01' });
    expect(patrolSummaryFact([plain, other], 3)?.id).toBe('plain');
    expect(patrolSummaryFact([other, plain], 3)?.id).toBe('plain');
  });

  it('then the earliest to have surely happened: by its last possible day, not its first', () => {
    const month = about(5, { id: 'month', date: '2020-06', date_precision: 'month' });
    const day = about(5, { id: 'day', date: '2020-06-20' });
    expect(patrolSummaryFact([month, day], 5)?.id).toBe('day');
  });

  it('then a patrol before an attack, then the order given', () => {
    const attack = about(9, { id: 'attack', kind: 'attack' });
    const patrol = about(9, { id: 'patrol', kind: 'patrol' });
    expect(patrolSummaryFact([attack, patrol], 9)?.id).toBe('patrol');
    const first = about(9, { id: 'first', kind: 'patrol' });
    expect(patrolSummaryFact([first, patrol], 9)?.id).toBe('first');
    expect(patrolSummaryFact([patrol, first], 9)?.id).toBe('patrol');
  });

  it('nothing for no facts', () => {
    expect(patrolSummaryFact([], 1)).toBeUndefined();
  });

  it('the /patrol list and /patrol N agree with it, and follow a new fact base rather than a remembered one', () => {
    const early = about(4, { id: 'early', kind: 'patrol', date: '2020-05-01' });
    const later = about(4, { id: 'later', kind: 'patrol', date: '2020-05-02' });
    const first = buildKnowledgeIndex(makeBase({ facts: [early, later] }));
    const summaryId = (index: typeof first) => {
      const list = answer(index, { command: 'patrol' });
      const item = list.items.find((i) => i.kind === 'patrol');
      return item?.kind === 'patrol' ? item.summary.fact.id : undefined;
    };
    expect(summaryId(first)).toBe('early');
    expect(summaryId(first)).toBe('early');
    const edited = buildKnowledgeIndex(makeBase({ facts: [{ ...early, date: '2020-05-03' }, later] }));
    expect(summaryId(edited)).toBe('later');
  });
});

describe('findAgreementAnchor', () => {
  const agreement = (id: string, date: string, partial: Partial<Fact> = {}) => makeFact({ id, kind: 'agreement', date, ...partial });
  const patrol = makeFact({ id: 'patrol', kind: 'patrol', patrols: [1], date: '2020-03-15' });

  it('the day most agreement facts share, among those known to the day and not after the first patrol', () => {
    const base = makeBase({
      facts: [
        agreement('sochi', '2018-09-17'),
        agreement('terms-b', '2020-03-05'),
        agreement('terms-a', '2020-03-05'),
        // More of them, but after the first patrol: a later deal, not the one the patrols began under.
        agreement('late-1', '2020-04-01'),
        agreement('late-2', '2020-04-01'),
        agreement('late-3', '2020-04-01'),
        // Only known to the month: not a day to count from.
        agreement('month-1', '2020-02', { date_precision: 'month' }),
        agreement('month-2', '2020-02', { date_precision: 'month' }),
        agreement('month-3', '2020-02', { date_precision: 'month' }),
        patrol,
      ],
    });
    expect(findAgreementAnchor(base)).toEqual({ day: new Date(2020, 2, 5), factId: 'terms-a' });
  });

  it('a tie goes to the later day; no agreement known to the day means no anchor', () => {
    const tie = makeBase({ facts: [agreement('one', '2020-01-10'), agreement('two', '2020-03-05'), patrol] });
    expect(findAgreementAnchor(tie)?.factId).toBe('two');
    const none = makeBase({ facts: [agreement('vague', '2020-03', { date_precision: 'month' }), patrol] });
    expect(findAgreementAnchor(none)).toBeUndefined();
  });

  it('an agreement on the day of the first patrol still counts; with no patrols every agreement does', () => {
    const sameDay = makeBase({ facts: [agreement('same', '2020-03-15'), patrol] });
    expect(findAgreementAnchor(sameDay)?.factId).toBe('same');
    const noPatrols = makeBase({ facts: [agreement('any', '2021-01-01')] });
    expect(findAgreementAnchor(noPatrols)?.factId).toBe('any');
  });
});
