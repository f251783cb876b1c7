/**
 * Dates: valid calendar dates, written as precisely as their precision says and no more, bounds in
 * order, inferred dates explained, and no event after its source was published.
 *
 * Days are handled as whole day numbers (days.ts) so no time zone can move a date.
 */
import type { Dated, Fact, KnowledgeIssue, Source } from '../domain/types.ts';
import type { Located } from './entries.ts';
import { dayNumber, isoDay, periodOf, possibleDays } from './days.ts';
import { issueAt } from './yaml-file.ts';

const FORM_BY_PRECISION = {
  day: { pattern: /^\d{4}-\d{2}-\d{2}$/, form: 'YYYY-MM-DD', example: '2020-07-22' },
  week: { pattern: /^\d{4}-\d{2}-\d{2}$/, form: 'YYYY-MM-DD', example: '2020-08-25' },
  approximate: { pattern: /^\d{4}-\d{2}-\d{2}$/, form: 'YYYY-MM-DD', example: '2020-08-25' },
  month: { pattern: /^\d{4}-\d{2}$/, form: 'YYYY-MM', example: '2020-07' },
  year: { pattern: /^\d{4}$/, form: 'YYYY', example: '"2020"' },
} as const;

/** The most days `date_earliest` and `date_latest` may lie apart for week precision. */
export const WEEK_SPAN_DAYS = 7;

/** Check one dated record (a fact, or a source's publication date). */
export function checkDates(entry: Located<Dated>): KnowledgeIssue[] {
  const { value: record, file, index } = entry;
  const issues: KnowledgeIssue[] = [];
  const at = (field: string, message: string, locate: string = field) =>
    issues.push(issueAt(file, [index, field], message, [index, locate]));

  const period = periodOf(record.date);
  if (!period) at('date', `${record.date} is not a calendar date`);
  const expected = FORM_BY_PRECISION[record.date_precision];
  if (!expected.pattern.test(record.date)) {
    at(
      'date',
      `with date_precision ${record.date_precision} the date is written ${expected.form} (e.g. ${expected.example}); got ${record.date}`,
    );
  }

  const bounds: { earliest: number | null; latest: number | null } = { earliest: null, latest: null };
  for (const [field, key] of [['date_earliest', 'earliest'], ['date_latest', 'latest']] as const) {
    const value = record[field];
    if (value === undefined) {
      if (record.date_precision === 'week' || record.date_precision === 'approximate') {
        at(field, `is required with date_precision ${record.date_precision}: the ${key} possible day`, 'date_precision');
      }
      continue;
    }
    const day = dayNumber(value);
    if (day === null) {
      at(
        field,
        /^\d{4}-\d{2}-\d{2}$/.test(value)
          ? `${value} is not a calendar date`
          : `must be a full day YYYY-MM-DD (the ${key} possible day); got ${value}`,
      );
    }
    bounds[key] = day;
  }

  const { earliest, latest } = bounds;
  // A day is one possible day: bounds around it would be ignored by possibleDays (which keeps the
  // narrower of the two), so the date would silently claim more than the bounds that were meant.
  if (record.date_precision === 'day' && period) {
    for (const [field, day] of [['date_earliest', earliest], ['date_latest', latest]] as const) {
      if (day !== null && day !== period.first) {
        at(field, `with date_precision day the only possible day is ${record.date}; for the days ${record.date_earliest ?? record.date} to ${record.date_latest ?? record.date} use date_precision approximate (or week), or drop ${field}`);
      }
    }
  }
  if (earliest !== null && latest !== null) {
    if (earliest > latest) {
      at('date_latest', `date_latest ${isoDay(latest)} is before date_earliest ${isoDay(earliest)}`);
    } else if (record.date_precision === 'week' && latest - earliest > WEEK_SPAN_DAYS) {
      at(
        'date_latest',
        `week precision allows at most ${WEEK_SPAN_DAYS} days from date_earliest to date_latest; ` +
          `${isoDay(earliest)} to ${isoDay(latest)} is ${latest - earliest}: use approximate`,
      );
    }
  }
  // For a month or a year, the bounds may narrow the period but not lie outside it. Inverted
  // bounds are reported above; comparing the date with them would only repeat that.
  const ordered = earliest === null || latest === null || earliest <= latest;
  if (period && ordered && earliest !== null && earliest > period.last) {
    at('date', `date ${record.date} lies before date_earliest ${isoDay(earliest)}`);
  }
  if (period && ordered && latest !== null && latest < period.first) {
    at('date', `date ${record.date} lies after date_latest ${isoDay(latest)}`);
  }

  if (record.date_basis === 'inferred' && !record.date_reasoning?.trim()) {
    at('date_reasoning', 'is required when date_basis is inferred: say in words how the date was worked out', 'date_basis');
  }
  return issues;
}

/**
 * No event may be dated after the last day its source (undefined when unknown) can have been
 * published: not wholly (its earliest possible day is later), and not in part (its window runs past
 * it — "as of publication" ends when the article appeared, whatever a month or a year would allow).
 */
export function checkNotAfterPublication(fact: Located<Fact>, source: Source | undefined): KnowledgeIssue[] {
  if (!source) return [];
  const event = possibleDays(fact.value);
  const published = possibleDays(source);
  if (!event || !published || event.last <= published.last) return [];
  if (event.first > published.last) {
    return [
      issueAt(
        fact.file,
        [fact.index, 'date'],
        `the event's earliest possible day ${isoDay(event.first)} is after the latest day source ${source.id} ` +
          `can have been published (${isoDay(published.last)}): a source cannot report what had not yet happened`,
      ),
    ];
  }
  const bound = fact.value.date_latest === undefined ? 'date' : 'date_latest';
  return [
    issueAt(
      fact.file,
      [fact.index, bound],
      `the event's possible days run to ${isoDay(event.last)}, past the latest day source ${source.id} can have been ` +
        `published (${isoDay(published.last)}): end them there${bound === 'date' ? ' with date_latest' : ''}`,
    ),
  ];
}
