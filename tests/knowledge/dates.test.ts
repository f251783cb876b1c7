/** Date checks, each broken once in the valid fixture, and the day arithmetic behind them. */
import { describe, expect, it } from 'vitest';
import { dayNumber, isoDay, periodOf, possibleDays } from '../../src/knowledge/days.ts';
import { buildFactBase } from '../../src/knowledge/load.ts';
import { itReportsEach, mutate, validFiles } from './helpers.ts';

const A = 'facts/alpha-news-patrol.yaml';
const B = 'facts/beta-report.yaml';

describe('date checks', () => {
  itReportsEach([
    {
      rule: 'a date is not a calendar date',
      file: B,
      from: '  date: 2020-07-07',
      to: '  date: 2020-02-30',
      line: 11,
      field: 'facts[0].date',
      message: '2020-02-30 is not a calendar date',
    },
    {
      rule: 'a month is not a calendar month',
      file: B,
      from: '  date: 2020-06',
      to: '  date: 2020-13',
      line: 20,
      field: 'facts[1].date',
      message: '2020-13 is not a calendar date',
    },
    {
      rule: 'day precision is given only a month',
      file: B,
      from: '  date_precision: month\n  date_basis: stated',
      to: '  date_precision: day\n  date_basis: stated',
      line: 20,
      field: 'facts[1].date',
      message: 'with date_precision day the date is written YYYY-MM-DD (e.g. 2020-07-22); got 2020-06',
    },
    {
      rule: 'day precision is given bounds around its day, which would be ignored',
      file: B,
      from: '  date: 2020-07-07\n  date_precision: day',
      to: '  date: 2020-07-07\n  date_precision: day\n  date_latest: 2020-07-09',
      line: 13,
      field: 'facts[0].date_latest',
      message:
        'with date_precision day the only possible day is 2020-07-07; for the days 2020-07-07 to 2020-07-09 use date_precision approximate (or week), or drop date_latest',
    },
    {
      rule: 'year precision is given a month',
      file: B,
      from: 'date: "2020"',
      to: 'date: 2020-07',
      line: 29,
      field: 'facts[2].date',
      message: 'with date_precision year the date is written YYYY (e.g. "2020"); got 2020-07',
    },
    {
      rule: 'month precision claims a day',
      file: A,
      from: '  date: 2020-03',
      to: '  date: 2020-03-15',
      line: 37,
      field: 'facts[2].date',
      message: 'with date_precision month the date is written YYYY-MM (e.g. 2020-07); got 2020-03-15',
    },
    {
      rule: 'week precision has no date_earliest (reported at date_precision)',
      file: A,
      from: 'date_precision: week\n  date_earliest: 2020-07-01\n',
      to: 'date_precision: week\n',
      line: 13,
      field: 'facts[0].date_earliest',
      message: 'is required with date_precision week: the earliest possible day',
    },
    {
      rule: 'approximate precision has no date_latest (reported at date_precision)',
      file: A,
      from: '  date_latest: 2020-07-09\n',
      to: '',
      line: 26,
      field: 'facts[1].date_latest',
      message: 'is required with date_precision approximate: the latest possible day',
    },
    {
      rule: 'week precision spans more than 7 days',
      file: A,
      from: 'date_precision: week\n  date_earliest: 2020-07-01',
      to: 'date_precision: week\n  date_earliest: 2020-06-29',
      line: 15,
      field: 'facts[0].date_latest',
      message:
        'week precision allows at most 7 days from date_earliest to date_latest; 2020-06-29 to 2020-07-07 is 8: use approximate',
    },
    {
      rule: 'date_latest is before date_earliest',
      file: A,
      from: '  date_latest: 2020-07-09',
      to: '  date_latest: 2020-06-30',
      line: 28,
      field: 'facts[1].date_latest',
      message: 'date_latest 2020-06-30 is before date_earliest 2020-07-01',
    },
    {
      rule: 'the date lies before date_earliest',
      file: A,
      from: '  date: 2020-07-07\n  date_precision: approximate',
      to: '  date: 2020-06-30\n  date_precision: approximate',
      line: 25,
      field: 'facts[1].date',
      message: 'date 2020-06-30 lies before date_earliest 2020-07-01',
    },
    {
      rule: "a month date lies wholly before date_earliest (compared by the month's last day)",
      file: A,
      from: '  date_precision: month',
      to: '  date_precision: month\n  date_earliest: 2020-04-01',
      line: 37,
      field: 'facts[2].date',
      message: 'date 2020-03 lies before date_earliest 2020-04-01',
    },
    {
      rule: "a month date lies wholly after date_latest (compared by the month's first day)",
      file: A,
      from: '  date_precision: month',
      to: '  date_precision: month\n  date_latest: 2020-02-29',
      line: 37,
      field: 'facts[2].date',
      message: 'date 2020-03 lies after date_latest 2020-02-29',
    },
    {
      rule: 'date_earliest is not a full day',
      file: A,
      from: 'date_precision: week\n  date_earliest: 2020-07-01',
      to: 'date_precision: week\n  date_earliest: 2020-07',
      line: 14,
      field: 'facts[0].date_earliest',
      message: 'must be a full day YYYY-MM-DD (the earliest possible day); got 2020-07',
    },
    {
      rule: 'date_latest is not a calendar date',
      file: A,
      from: '  date_latest: 2020-07-09',
      to: '  date_latest: 2020-07-32',
      line: 28,
      field: 'facts[1].date_latest',
      message: '2020-07-32 is not a calendar date',
    },
    {
      rule: 'an inferred date has no reasoning (reported at date_basis)',
      file: A,
      from: `  date_reasoning: '"in March" with no year: the March before the July 2020 article.'\n`,
      to: '',
      line: 39,
      field: 'facts[2].date_reasoning',
      message: 'is required when date_basis is inferred: say in words how the date was worked out',
    },
    {
      rule: 'an event is dated after its source was published',
      file: B,
      from: '  date: 2020-07-07',
      to: '  date: 2020-07-09',
      line: 11,
      field: 'facts[0].date',
      message:
        "the event's earliest possible day 2020-07-09 is after the latest day source beta-report can have been " +
        'published (2020-07-08): a source cannot report what had not yet happened',
    },
    {
      rule: "an event's window runs past its source's publication, though it starts before it",
      file: A,
      from: '  date_latest: 2020-07-09\n',
      to: '  date_latest: 2020-07-10\n',
      line: 28,
      field: 'facts[1].date_latest',
      message:
        "the event's possible days run to 2020-07-10, past the latest day source alpha-news-patrol can have been " +
        'published (2020-07-09): end them there',
    },
    {
      rule: "a year runs past its source's publication (reported at the date: there is no date_latest to move)",
      file: B,
      from: '  date_latest: 2020-07-08\n',
      to: '',
      line: 29,
      field: 'facts[2].date',
      message:
        "the event's possible days run to 2020-12-31, past the latest day source beta-report can have been " +
        'published (2020-07-08): end them there with date_latest',
    },
    {
      rule: 'an approximate date lies after date_latest',
      file: A,
      from: '  date: 2020-07-07\n  date_precision: approximate',
      to: '  date: 2020-07-10\n  date_precision: approximate',
      line: 25,
      field: 'facts[1].date',
      message: 'date 2020-07-10 lies after date_latest 2020-07-09',
    },
    {
      rule: "a source's own inferred date has no reasoning",
      file: 'sources.yaml',
      from: '  date_reasoning: Reports the Tuesday patrol (7 July) as news; assumed within two days.\n',
      to: '',
      line: 16,
      field: 'sources[0].date_reasoning',
      message: 'is required when date_basis is inferred: say in words how the date was worked out',
    },
  ]);

  it('accepts bounds that narrow a month', () => {
    const files = mutate(validFiles(), A, '  date_precision: month', '  date_precision: month\n  date_earliest: 2020-03-06');
    expect(buildFactBase({ root: 'knowledge', files }).ok).toBe(true);
  });

  it('accepts a week of exactly 7 days between the bounds', () => {
    const files = mutate(validFiles(), A, 'date_precision: week\n  date_earliest: 2020-07-01', 'date_precision: week\n  date_earliest: 2020-06-30');
    expect(buildFactBase({ root: 'knowledge', files }).ok).toBe(true);
  });

  it('accepts an event on the last day its source can have been published', () => {
    // beta-report appeared on 8 July; four-patrols-by-end-of-june is in no event that its date must fit.
    const files = mutate(validFiles(), B, '  date: 2020-06\n  date_precision: month', '  date: 2020-07-08\n  date_precision: day');
    expect(buildFactBase({ root: 'knowledge', files }).ok).toBe(true);
  });

  it("judges publication by the source's latest possible day, not its best estimate", () => {
    // alpha-news-patrol is dated 2020-07-07 (approximate, up to 2020-07-09): an event of 2020-07-08 may be in it.
    const files = mutate(validFiles(), A, '  date: 2020-07-07\n  date_precision: approximate', '  date: 2020-07-08\n  date_precision: approximate');
    expect(buildFactBase({ root: 'knowledge', files }).ok).toBe(true);
  });
});

describe('day arithmetic', () => {
  it('knows leap years and month lengths', () => {
    expect(dayNumber('2020-02-29')).not.toBeNull();
    expect(dayNumber('2019-02-29')).toBeNull();
    expect(dayNumber('2020-04-31')).toBeNull();
    expect(isoDay(dayNumber('2020-12-31')!)).toBe('2020-12-31');
  });

  it('gives the first and last day of a day, a month and a year', () => {
    const days = (iso: string) => {
      const period = periodOf(iso)!;
      return [isoDay(period.first), isoDay(period.last)];
    };
    expect(days('2020-08-25')).toEqual(['2020-08-25', '2020-08-25']);
    expect(days('2020-02')).toEqual(['2020-02-01', '2020-02-29']);
    expect(days('2020')).toEqual(['2020-01-01', '2020-12-31']);
    expect(periodOf('2020-00')).toBeNull();
  });

  it('takes the bounds as the span of a week or approximate date, whatever the best estimate', () => {
    const span = possibleDays({
      date: '2020-07-07',
      date_precision: 'approximate',
      date_earliest: '2020-07-07',
      date_latest: '2020-07-09',
      date_basis: 'inferred',
      date_reasoning: 'x',
    })!;
    expect([isoDay(span.first), isoDay(span.last)]).toEqual(['2020-07-07', '2020-07-09']);
  });

  it('narrows a period by its bounds to the days an event can have happened on', () => {
    const span = possibleDays({ date: '2020-03', date_precision: 'month', date_earliest: '2020-03-06', date_basis: 'stated' })!;
    expect([isoDay(span.first), isoDay(span.last)]).toEqual(['2020-03-06', '2020-03-31']);
  });
});
