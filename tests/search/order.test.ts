/**
 * The precomputed lists: timeline, facts per place / patrol / source, known patrols, and date ranges —
 * each checked against a plain scan-and-sort of the same base.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { datedInterval } from '../../src/answers/dates.ts';
import type { Fact, FactBase } from '../../src/domain/types.ts';
import { isoDay, possibleDays } from '../../src/knowledge/days.ts';
import { buildKnowledgeIndex } from '../../src/search/index.ts';
import type { KnowledgeIndex } from '../../src/search/types.ts';
import { realBase } from '../fixtures/real.ts';
import { fact, syntheticBase, tinyBase } from './fixtures.ts';

/** The first and last possible day as plain strings, worked out the long way. */
function span(f: Fact): [string, string] {
  const pad = (iso: string, end: boolean) => {
    if (iso.length === 10) return iso;
    if (iso.length === 4) return end ? `${iso}-12-31` : `${iso}-01-01`;
    if (!end) return `${iso}-01`;
    const [y, m] = iso.split('-').map(Number);
    return new Date(Date.UTC(y!, m!, 0)).toISOString().slice(0, 10);
  };
  return [f.date_earliest ?? pad(f.date, false), f.date_latest ?? pad(f.date, true)];
}

function naiveTimeline(base: FactBase): Fact[] {
  return [...base.facts].sort((a, b) => (span(a)[0] < span(b)[0] ? -1 : span(a)[0] > span(b)[0] ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

const ids = (facts: readonly Fact[]) => facts.map((f) => f.id);

describe.each([
  ['the real base', () => realBase()],
  ['a synthetic base', () => syntheticBase(1500)],
])('on %s', (_label, load) => {
  let base: FactBase;
  let index: KnowledgeIndex;
  let timeline: Fact[];
  beforeAll(async () => {
    base = await load();
    index = buildKnowledgeIndex(base);
    timeline = naiveTimeline(base);
  });

  it('orders the timeline by earliest possible day, then id', () => {
    expect(ids(index.timeline())).toEqual(ids(timeline));
  });

  it('lists the facts of each place, patrol and source in that order', () => {
    for (const p of base.places) expect(ids(index.factsAtPlace(p.id)), p.id).toEqual(ids(timeline.filter((f) => f.places.includes(p.id))));
    const patrols = [...new Set(base.facts.flatMap((f) => f.patrols))].sort((a, b) => a - b);
    expect(index.knownPatrols()).toEqual(patrols);
    for (const n of patrols) expect(ids(index.factsForPatrol(n)), String(n)).toEqual(ids(timeline.filter((f) => f.patrols.includes(n))));
    for (const s of base.sources) expect(ids(index.factsFromSource(s.id)), s.id).toEqual(ids(timeline.filter((f) => f.source === s.id)));
  });

  it('gives empty lists for unknown places, patrols and sources', () => {
    expect(index.factsAtPlace('no-such-place')).toEqual([]);
    expect(index.factsForPatrol(1000)).toEqual([]);
    expect(index.factsFromSource('no-such-source')).toEqual([]);
  });

  it('selects exactly the facts whose possible days overlap a range', () => {
    const day = fc.date({ min: new Date('2018-01-01T00:00:00Z'), max: new Date('2023-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
    const bound = fc.option(fc.oneof(day, day.map((d) => d.slice(0, 7)), day.map((d) => d.slice(0, 4))), { nil: undefined });
    const kind = fc.option(fc.constantFrom(...new Set(base.facts.map((f) => f.kind))), { nil: undefined });
    fc.assert(
      fc.property(bound, bound, kind, (from, to, k) => {
        const first = from === undefined ? '0000-00-00' : span({ ...base.facts[0]!, date: from, date_earliest: undefined })[0];
        const last = to === undefined ? '9999-99-99' : span({ ...base.facts[0]!, date: to, date_latest: undefined })[1];
        // A range that ends before it starts holds nothing.
        const expected = first > last ? [] : timeline.filter((f) => (k === undefined || f.kind === k) && span(f)[0] <= last && span(f)[1] >= first);
        expect(ids(index.factsBetween({ from, to, kind: k }))).toEqual(ids(expected));
      }),
      { numRuns: 300 },
    );
  });
});

describe('date order details', () => {
  const index = buildKnowledgeIndex(
    tinyBase([
      fact('b-day', { date: '2020-07-01' }),
      fact('a-day', { date: '2020-07-01' }),
      fact('month', { date: '2020-07', date_precision: 'month' }),
      fact('year', { date: '2020', date_precision: 'year' }),
      fact('week', { date: '2020-06-30', date_precision: 'week', date_earliest: '2020-06-28', date_latest: '2020-07-04' }),
      fact('approx', { date: '2020-07-10', date_precision: 'approximate', date_earliest: '2020-07-02', date_latest: '2020-07-20' }),
    ]),
  );

  it('places a month on its first day and a year on 1 January; equal days by id', () => {
    expect(ids(index.timeline())).toEqual(['year', 'week', 'a-day', 'b-day', 'month', 'approx']);
  });

  it('reads range bounds as days, months or years, and rejects nonsense', () => {
    expect(ids(index.factsBetween({ from: '2020-07-05', to: '2020-07-05' }))).toEqual(['year', 'month', 'approx']);
    expect(ids(index.factsBetween({ from: '2020-06' , to: '2020-06' }))).toEqual(['year', 'week']);
    expect(ids(index.factsBetween({ to: '2019' }))).toEqual([]);
    expect(index.factsBetween({ from: '2020-08', to: '2020-07' })).toEqual([]);
    expect(index.factsBetween({ from: '2020-13' })).toEqual([]);
    expect(index.factsBetween({ to: '2020-13' })).toEqual([]);
    expect(index.factsBetween({ from: 'July' })).toEqual([]);
  });

  it('a month whose bounds reach past it is placed, filtered and shown as the days the knowledge layer gives it', () => {
    // Bounds may narrow a month but never widen it: 20 February does not make a March fact February's.
    const narrowed = fact('narrowed', { date: '2020-03', date_precision: 'month', date_earliest: '2020-02-20', date_latest: '2020-03-10' });
    const withBounds = buildKnowledgeIndex(tinyBase([narrowed, fact('feb', { date: '2020-02-25' })]));
    const days = possibleDays(narrowed)!;
    expect([isoDay(days.first), isoDay(days.last)]).toEqual(['2020-03-01', '2020-03-10']);
    expect(ids(withBounds.timeline())).toEqual(['feb', 'narrowed']);
    expect(ids(withBounds.factsBetween({ from: '2020-02-20', to: '2020-02-29' }))).toEqual(['feb']);
    expect(ids(withBounds.factsBetween({ from: '2020-03-10', to: '2020-03-31' }))).toEqual(['narrowed']);
    expect(withBounds.factsBetween({ from: '2020-03-11' })).toEqual([]);
    expect(datedInterval(narrowed)).toEqual({ start: new Date(2020, 2, 1), end: new Date(2020, 2, 10) });
  });
});
