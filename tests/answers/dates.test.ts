import { describe, expect, it } from 'vitest';
import type { Dated } from '../../src/domain/types.ts';
import { possibleDays } from '../../src/knowledge/days.ts';
import { datedInterval, dateText, isoToDay, parseDateBound, parseDateRange, sameYear } from '../../src/answers/dates.ts';
import { formatInterval, spanText } from '../../src/text/day-spans.ts';
import { inlineText } from '../../src/answers/answer.ts';

function dated(partial: Partial<Dated> & Pick<Dated, 'date' | 'date_precision'>): Dated {
  return { date_basis: 'stated', ...partial };
}

describe('dateText: as precise as the date is, and no more', () => {
  const text = (partial: Partial<Dated> & Pick<Dated, 'date' | 'date_precision'>, style = {}) => dateText(dated(partial), style);

  it('day, month, year: the day, the month, the year', () => {
    expect(text({ date: '2020-07-22', date_precision: 'day' })).toBe('22 July 2020');
    expect(text({ date: '2020-07', date_precision: 'month' })).toBe('July 2020');
    expect(text({ date: '2020', date_precision: 'year' })).toBe('2020');
  });

  it('week and approximate: the span of possible days, across months and years too', () => {
    const span = (a: string, b: string, precision: 'week' | 'approximate' = 'week') => text({ date: a, date_precision: precision, date_earliest: a, date_latest: b });
    expect(span('2020-08-17', '2020-08-23')).toBe('17–23 August 2020');
    expect(span('2020-07-28', '2020-08-03')).toBe('28 July – 3 August 2020');
    expect(span('2019-12-29', '2020-01-04')).toBe('29 December 2019 – 4 January 2020');
    expect(span('2020-07-01', '2020-07-31', 'approximate')).toBe('July 2020');
    expect(span('2020-07-01', '2020-08-31', 'approximate')).toBe('July–August 2020');
    expect(span('2020-03-15', '2020-03-15', 'approximate')).toBe('15 March 2020');
  });

  it('a month narrowed by its bounds says only the days it can be', () => {
    expect(text({ date: '2020-03', date_precision: 'month', date_earliest: '2020-03-06' })).toBe('6–31 March 2020');
  });

  it('short months and no year for lists whose dates share one', () => {
    const style = { months: 'short', year: false } as const;
    expect(text({ date: '2020-07-22', date_precision: 'day' }, style)).toBe('22 Jul');
    expect(text({ date: '2020-07', date_precision: 'month' }, style)).toBe('Jul');
    expect(text({ date: '2020-08-17', date_precision: 'week', date_earliest: '2020-08-17', date_latest: '2020-08-23' }, style)).toBe('17–23 Aug');
    expect(text({ date: '2020-07-28', date_precision: 'week', date_earliest: '2020-07-28', date_latest: '2020-08-03' }, style)).toBe('28 Jul – 3 Aug');
  });

  it('never writes "inferred" or a day count after a date: the card says that once', () => {
    expect(text({ date: '2020-07-22', date_precision: 'day', date_basis: 'inferred', date_reasoning: 'x' })).toBe('22 July 2020');
  });
});

describe('sameYear', () => {
  it('is the year all the dates fall in, or undefined when they span two', () => {
    const days = (...records: Dated[]) => records.map((r) => possibleDays(r)!);
    expect(sameYear(days(dated({ date: '2020-07', date_precision: 'month' }), dated({ date: '2020-03-05', date_precision: 'day' })))).toBe(2020);
    expect(sameYear(days(dated({ date: '2018-09', date_precision: 'month' }), dated({ date: '2020-03-05', date_precision: 'day' })))).toBeUndefined();
    expect(sameYear(days(dated({ date: '2019-12-29', date_precision: 'week', date_earliest: '2019-12-29', date_latest: '2020-01-04' })))).toBeUndefined();
    expect(sameYear(days(dated({ date: '2020-12-31', date_precision: 'day' }), dated({ date: '2020-01-01', date_precision: 'day' })))).toBe(2020);
  });
});

describe('datedInterval', () => {
  it('spans the whole month, year or bounds', () => {
    const month = datedInterval(dated({ date: '2020-02', date_precision: 'month' }));
    expect(month.start).toEqual(new Date(2020, 1, 1));
    expect(month.end).toEqual(new Date(2020, 1, 29));
    const year = datedInterval(dated({ date: '2020', date_precision: 'year' }));
    expect(year.end).toEqual(new Date(2020, 11, 31));
    const approx = datedInterval(dated({ date: '2020-07-14', date_precision: 'approximate', date_earliest: '2020-07-01', date_latest: '2020-07-16' }));
    expect(approx).toEqual({ start: new Date(2020, 6, 1), end: new Date(2020, 6, 16) });
  });
});

describe('parseDateBound', () => {
  it.each([
    ['2020-07-01', new Date(2020, 6, 1), new Date(2020, 6, 1)],
    ['2020-07', new Date(2020, 6, 1), new Date(2020, 6, 31)],
    ['July 2020', new Date(2020, 6, 1), new Date(2020, 6, 31)],
    ['jul 2020', new Date(2020, 6, 1), new Date(2020, 6, 31)],
    ['  JULY   2020 ', new Date(2020, 6, 1), new Date(2020, 6, 31)],
    ['Sept. 2020', new Date(2020, 8, 1), new Date(2020, 8, 30)],
    ['22 July 2020', new Date(2020, 6, 22), new Date(2020, 6, 22)],
    ['July 22, 2020', new Date(2020, 6, 22), new Date(2020, 6, 22)],
    ['2020', new Date(2020, 0, 1), new Date(2020, 11, 31)],
    ['2020-02', new Date(2020, 1, 1), new Date(2020, 1, 29)],
  ])('reads %j', (input, start, end) => {
    const bound = parseDateBound(input, 'from');
    expect(bound.ok).toBe(true);
    if (bound.ok) expect(bound.interval).toEqual({ start, end });
  });

  it.each(['yesterday', '2020-13', '2020-02-30', '31/07/2020x', 'July', '', '20200701', 'a'.repeat(500)])(
    'refuses %j with a message that says how to write a date',
    (input) => {
      const bound = parseDateBound(input, 'to');
      expect(bound.ok).toBe(false);
      if (!bound.ok) {
        const text = inlineText(bound.message);
        expect(text).toContain('as a date for to');
        expect(text).toContain('2020-07-01, 2020-07 or July 2020');
        expect(text.length).toBeLessThan(250);
      }
    },
  );

  it('keeps what the user typed apart from its own words', () => {
    const bound = parseDateBound('@everyone', 'from');
    expect(bound.ok).toBe(false);
    if (!bound.ok) expect(bound.message).toContainEqual({ user: '@everyone' });
  });
});

describe('parseDateRange', () => {
  it('a month bound includes its last day', () => {
    const range = parseDateRange('July 2020', 'August 2020');
    expect(range).toMatchObject({ ok: true, text: 'from July 2020 to August 2020' });
    if (range.ok) expect(range.bounds).toEqual({ from: '2020-07-01', to: '2020-08-31' });
  });

  it('the same month or day for both bounds is allowed, and said once', () => {
    expect(parseDateRange('2020-07', 'July 2020')).toMatchObject({ ok: true, text: 'in July 2020' });
    expect(parseDateRange('2020-08-25', '25 August 2020')).toMatchObject({ ok: true, text: 'on 25 August 2020' });
  });

  it('refuses from after to, naming both dates', () => {
    const range = parseDateRange('2020-08-01', 'July 2020');
    expect(range.ok).toBe(false);
    if (!range.ok) expect(inlineText(range.message)).toBe('The from date (1 August 2020) is after the to date (July 2020). Swap them, or leave one out.');
  });

  it('one bound alone is open on the other side', () => {
    const from = parseDateRange('2020-07-01', undefined);
    expect(from).toMatchObject({ ok: true, text: 'from 1 July 2020 on', bounds: { from: '2020-07-01' } });
    const to = parseDateRange(undefined, '2020-07');
    expect(to).toMatchObject({ ok: true, text: 'up to July 2020', bounds: { to: '2020-07-31' } });
    expect(parseDateRange(undefined, '  ')).toEqual({ ok: true, bounds: {} });
  });
});

describe('isoToDay and formatInterval', () => {
  it('round-trips a plain day', () => {
    expect(formatInterval({ start: isoToDay('2020-03-05'), end: isoToDay('2020-03-05') })).toBe('5 March 2020');
  });
});

describe('spanText: what a set of events covers, each end as precise as its event', () => {
  const days = (d: Dated) => possibleDays(d)!;
  const sochi = days(dated({ date: '2018-09', date_precision: 'month' }));
  const march5 = days(dated({ date: '2020-03-05', date_precision: 'day' }));
  const july = days(dated({ date: '2020-07-01', date_precision: 'approximate', date_earliest: '2020-07-01', date_latest: '2020-07-16' }));
  const aug25 = days(dated({ date: '2020-08-25', date_precision: 'day' }));
  const training = days(dated({ date: '2020-09-01', date_precision: 'approximate', date_earliest: '2020-09-01', date_latest: '2020-09-05' }));

  it('an end set by an event known only to a month, a week or a span is its month, never a day', () => {
    expect(spanText([sochi, march5, training])).toBe('September 2018 – September 2020');
    expect(spanText([july, aug25])).toBe('July – 25 August 2020');
    expect(spanText([march5, training])).toBe('5 March – September 2020');
  });

  it('ends known to the day are days, written as formatInterval writes them', () => {
    expect(spanText([march5, aug25])).toBe('5 March – 25 August 2020');
    expect(spanText([aug25])).toBe('25 August 2020');
    expect(spanText([march5, aug25], { months: 'short', year: false })).toBe('5 Mar – 25 Aug');
  });

  it('an end shared by a day-precise event and a vaguer one is the day', () => {
    expect(spanText([july, days(dated({ date: '2020-07-01', date_precision: 'day' })), aug25])).toBe('1 July – 25 August 2020');
  });
});
