/**
 * Dates as precisely as the fact base knows them, and the date bounds users type.
 *
 * All dates are whole days at local midnight: the fact base never has times, and date-fns's
 * calendar functions (differenceInCalendarDays, lastDayOfMonth…) agree with that in any time zone.
 */
import { format, isSameDay, isValid, lastDayOfMonth, lastDayOfYear, parse, startOfMonth, startOfYear } from 'date-fns';
import type { Dated } from '../domain/types.ts';
import { possibleDays } from '../knowledge/days.ts';
import { daysInterval, formatInterval, type DateStyle, type DayInterval } from '../text/day-spans.ts';
import type { Inline } from './answer.ts';
import { user } from './answer.ts';

const ISO_DAY = 'yyyy-MM-dd';

/** `2020-07-22` → 22 July 2020; `2020-07` → 1 July 2020; `2020` → 1 January 2020 (local). */
export function isoToDay(iso: string): Date {
  const [y, m, d] = iso.split('-').map(Number);
  return new Date(y ?? NaN, (m ?? 1) - 1, d ?? 1);
}

/** A day, a month or a year: how much of the calendar a date stands for. */
type Span = 'day' | 'month' | 'year';

/** All the days of the span `day` falls in. */
function spanInterval(day: Date, span: Span): DayInterval {
  switch (span) {
    case 'day':
      return { start: day, end: day };
    case 'month':
      return { start: startOfMonth(day), end: lastDayOfMonth(day) };
    case 'year':
      return { start: startOfYear(day), end: lastDayOfYear(day) };
  }
}

/** The whole span of days a dated record may fall on, as the knowledge layer defines it. */
export function datedInterval(d: Dated): DayInterval {
  const days = possibleDays(d);
  if (!days) return { start: new Date(Number.NaN), end: new Date(Number.NaN) };
  return daysInterval(days);
}

/** A dated record's possible days, written as plainly as they allow (see formatInterval). */
export function dateText(d: Dated, style: DateStyle = {}): string {
  return formatInterval(datedInterval(d), style);
}

/**
 * Whether every span of days falls in one calendar year: then a list says the year once. Spans are
 * epoch days (possibleDays), so a list of thousands costs no Date objects.
 */
export function sameYear(spans: readonly { readonly first: number; readonly last: number }[]): number | undefined {
  let year: number | undefined;
  for (const { first, last } of spans) {
    const a = yearOfDay(first);
    if (a !== yearOfDay(last) || (year !== undefined && a !== year)) return undefined;
    year = a;
  }
  return year;
}

function yearOfDay(day: number): number {
  return new Date(day * 86_400_000).getUTCFullYear();
}

export type DateBound =
  | { readonly ok: true; readonly interval: DayInterval; readonly text: string }
  | { readonly ok: false; readonly message: Inline };

/** Formats tried in order, on the input lowercased with commas and dots removed. */
const BOUND_FORMATS: readonly { readonly pattern: string; readonly span: Span }[] = [
  { pattern: 'yyyy-MM-dd', span: 'day' },
  { pattern: 'yyyy-MM', span: 'month' },
  { pattern: 'yyyy', span: 'year' },
  { pattern: 'MMMM yyyy', span: 'month' },
  { pattern: 'MMM yyyy', span: 'month' },
  { pattern: 'd MMMM yyyy', span: 'day' },
  { pattern: 'd MMM yyyy', span: 'day' },
  { pattern: 'do MMMM yyyy', span: 'day' },
  { pattern: 'do MMM yyyy', span: 'day' },
  { pattern: 'MMMM d yyyy', span: 'day' },
  { pattern: 'MMM d yyyy', span: 'day' },
  { pattern: 'MMMM do yyyy', span: 'day' },
  { pattern: 'MMM do yyyy', span: 'day' },
];

const DATE_HELP = 'Write it as 2020-07-01, 2020-07 or July 2020.';

/** Longest stretch of a typed date echoed back in a message. */
const ECHO_MAX = 60;

/**
 * Read a date a user typed for `from` or `to`: an ISO day, an ISO month, a year or a month name
 * with its year. A month or a year stands for all its days, so `to: July 2020` includes 31 July.
 */
export function parseDateBound(input: string, name: 'from' | 'to'): DateBound {
  const cleaned = input
    .trim()
    .toLowerCase()
    .replace(/[,.]/g, ' ')
    .replace(/\bsept\b/g, 'sep')
    .replace(/\s+/g, ' ')
    .trim();
  const reference = new Date(2020, 0, 1);
  if (cleaned.length > 0 && cleaned.length <= 40) {
    for (const { pattern, span } of BOUND_FORMATS) {
      const day = parse(cleaned, pattern, reference);
      if (!isValid(day) || day.getFullYear() < 1000 || day.getFullYear() > 9999) continue;
      const interval = spanInterval(day, span);
      return { ok: true, interval, text: formatInterval(interval) };
    }
  }
  return {
    ok: false,
    message: ['I could not read “', user(input.trim(), ECHO_MAX), `” as a date for ${name}. ${DATE_HELP}`],
  };
}

export type DateRange =
  | {
      readonly ok: true;
      /** The days asked for as the index takes them (YYYY-MM-DD, inclusive); a side not given is open. */
      readonly bounds: { readonly from?: string; readonly to?: string };
      readonly text?: string;
    }
  | { readonly ok: false; readonly message: Inline };

/** Both bounds of /attacks or /timeline, checked together: each readable, and from not after to. */
export function parseDateRange(from: string | undefined, to: string | undefined): DateRange {
  const f = from === undefined || from.trim() === '' ? undefined : parseDateBound(from, 'from');
  const t = to === undefined || to.trim() === '' ? undefined : parseDateBound(to, 'to');
  if (f && !f.ok) return f;
  if (t && !t.ok) return t;
  const lower = f?.ok ? f : undefined;
  const upper = t?.ok ? t : undefined;
  if (!lower && !upper) return { ok: true, bounds: {} };
  if (lower && upper && lower.interval.start.getTime() > upper.interval.end.getTime()) {
    return {
      ok: false,
      message: [`The from date (${lower.text}) is after the to date (${upper.text}). Swap them, or leave one out.`],
    };
  }
  const bounds = {
    ...(lower ? { from: format(lower.interval.start, ISO_DAY) } : {}),
    ...(upper ? { to: format(upper.interval.end, ISO_DAY) } : {}),
  };
  const text =
    lower && upper
      ? // from: August 2020 to: August 2020 is one month, said once: "in August 2020", "on 25 August 2020".
        lower.text === upper.text
        ? `${isSameDay(lower.interval.start, lower.interval.end) ? 'on' : 'in'} ${lower.text}`
        : `from ${lower.text} to ${upper.text}`
      : lower
        ? `from ${lower.text} on`
        : `up to ${upper?.text}`;
  return { ok: true, bounds, text };
}
