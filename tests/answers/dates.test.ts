import { describe, expect, it } from 'vitest';
import type { Dated } from '../../src/domain/types.ts';
import {
  datedInterval,
  formatDated,
  formatInterval,
  isoToDay,
  parseDateBound,
  parseDateRange,
  sinceAgreement,
} from '../../src/answers/dates.ts';
import { phraseText } from '../../src/answers/answer.ts';

const anchor = { day: new Date(2020, 2, 5), factId: 'march-5' };

function dated(partial: Partial<Dated> & Pick<Dated, 'date' | 'date_precision'>): Dated {
  return { date_basis: 'stated', ...partial };
}

describe('formatDated: as precise as the date is', () => {
  it('day: the day written out, with the count from the agreement', () => {
    const f = formatDated(dated({ date: '2020-07-22', date_precision: 'day' }), anchor);
    expect(f.text).toBe('22 July 2020');
    expect(f.sinceAgreement).toBe('day 139 after the 5 March agreement');
    expect(f.inferred).toBe(false);
  });

  it('month, year: no day is claimed, and no day count', () => {
    expect(formatDated(dated({ date: '2020-07', date_precision: 'month' }), anchor)).toEqual({ text: 'July 2020', inferred: false });
    expect(formatDated(dated({ date: '2020', date_precision: 'year' }), anchor)).toEqual({ text: '2020', inferred: false });
  });

  it('week: "week of" its first and last day, across months and years too', () => {
    const week = (a: string, b: string) =>
      formatDated(dated({ date: a, date_precision: 'week', date_earliest: a, date_latest: b })).text;
    expect(week('2020-08-17', '2020-08-23')).toBe('week of 17–23 August 2020');
    expect(week('2020-07-28', '2020-08-03')).toBe('week of 28 July – 3 August 2020');
    expect(week('2019-12-29', '2020-01-04')).toBe('week of 29 December 2019 – 4 January 2020');
  });

  it('approximate: the interval, in words where a word fits it', () => {
    const approx = (a: string, b: string) =>
      formatDated(dated({ date: a, date_precision: 'approximate', date_earliest: a, date_latest: b })).text;
    expect(approx('2020-07-02', '2020-07-15')).toBe('between 2 and 15 July 2020');
    expect(approx('2020-07-01', '2020-07-15')).toBe('the first half of July 2020');
    expect(approx('2020-07-11', '2020-07-20')).toBe('mid-July 2020');
    expect(approx('2020-07-01', '2020-07-10')).toBe('early July 2020');
    expect(approx('2020-07-21', '2020-07-31')).toBe('late July 2020');
    expect(approx('2020-07-01', '2020-07-31')).toBe('July 2020');
    expect(approx('2020-07-28', '2020-08-03')).toBe('between 28 July and 3 August 2020');
    expect(approx('2020-07-01', '2020-08-31')).toBe('between July and August 2020');
    expect(approx('2019-12-28', '2020-01-03')).toBe('between 28 December 2019 and 3 January 2020');
  });

  it('an approximate date whose bounds meet is a day, and gets the day count', () => {
    const f = formatDated(
      dated({ date: '2020-03-15', date_precision: 'approximate', date_earliest: '2020-03-15', date_latest: '2020-03-15' }),
      anchor,
    );
    expect(f.text).toBe('15 March 2020');
    expect(f.sinceAgreement).toBe('day 10 after the 5 March agreement');
  });

  it('inferred dates say so, and carry their reasoning', () => {
    const f = formatDated(
      dated({ date: '2020-08-25', date_precision: 'day', date_basis: 'inferred', date_reasoning: ' "Tuesday" + "August 25" ' }),
      anchor,
    );
    expect(f.text).toBe('25 August 2020 (inferred)');
    expect(f.reasoning).toBe('"Tuesday" + "August 25"');
    expect(formatDated(dated({ date: '2020-07', date_precision: 'month', date_basis: 'inferred' })).text).toBe('July 2020 (inferred)');
  });

  it('without an agreement in the fact base there is no day count', () => {
    expect(formatDated(dated({ date: '2020-07-22', date_precision: 'day' })).sinceAgreement).toBeUndefined();
  });
});

describe('sinceAgreement', () => {
  it('counts calendar days before, on and after the agreement', () => {
    expect(sinceAgreement(new Date(2020, 2, 5), anchor)).toBe('the day of the 5 March agreement');
    expect(sinceAgreement(new Date(2020, 2, 4), anchor)).toBe('1 day before the 5 March agreement');
    expect(sinceAgreement(new Date(2020, 1, 25), anchor)).toBe('9 days before the 5 March agreement');
    expect(sinceAgreement(new Date(2021, 2, 5), anchor)).toBe('day 365 after the 5 March 2020 agreement');
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
        const text = phraseText(bound.message);
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

  it('the same month for both bounds is allowed', () => {
    expect(parseDateRange('2020-07', 'July 2020').ok).toBe(true);
  });

  it('refuses from after to, naming both dates', () => {
    const range = parseDateRange('2020-08-01', 'July 2020');
    expect(range.ok).toBe(false);
    if (!range.ok) expect(phraseText(range.message)).toBe('The from date (1 August 2020) is after the to date (July 2020). Swap them, or leave one out.');
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
