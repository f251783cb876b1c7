/**
 * Spans of days in words, as plainly as they allow: "22 July 2020", "17–23 August 2020", "July 2020".
 * Every layer that shows a date (autocomplete labels, cards, picture alt text) writes it here, so
 * that a patrol's date reads the same in its autocomplete choice and on its card.
 */
import { format, getDate, isSameDay, isSameMonth, isSameYear, lastDayOfMonth, lastDayOfYear, startOfMonth, startOfYear } from 'date-fns';

export interface DayInterval {
  readonly start: Date;
  readonly end: Date;
}

/** The local midnight of an epoch day (days since 1970-01-01), for date-fns. */
export function localDay(day: number): Date {
  const utc = new Date(day * 86_400_000);
  return new Date(utc.getUTCFullYear(), utc.getUTCMonth(), utc.getUTCDate());
}

/** A span of epoch days (as days.ts counts them) as local dates, for date-fns. */
export function daysInterval(days: { readonly first: number; readonly last: number }): DayInterval {
  return { start: localDay(days.first), end: localDay(days.last) };
}

export interface DateStyle {
  /** Month names in full ("July") or short ("Jul"): lists use short ones. */
  readonly months?: 'long' | 'short';
  /** Whether to write the year; a list whose dates share one says it once instead. */
  readonly year?: boolean;
}

/**
 * A span of days written as plainly as it allows: "22 July 2020", "July 2020", "17–23 August 2020",
 * "28 July – 3 August 2020", "July–August 2020", "2020".
 */
export function formatInterval({ start, end }: DayInterval, style: DateStyle = {}): string {
  const month = style.months === 'short' ? 'MMM' : 'MMMM';
  const withYear = style.year ?? true;
  const y = (pattern: string) => (withYear ? `${pattern} yyyy` : pattern);
  const wholeMonths = getDate(start) === 1 && isSameDay(end, lastDayOfMonth(end));
  if (isSameDay(start, end)) return format(start, y(`d ${month}`));
  if (isSameYear(start, end) && isSameDay(start, startOfYear(start)) && isSameDay(end, lastDayOfYear(start))) return format(start, 'yyyy');
  if (isSameMonth(start, end)) {
    if (wholeMonths) return format(start, y(month));
    return `${format(start, 'd')}–${format(end, y(`d ${month}`))}`;
  }
  if (isSameYear(start, end)) {
    if (wholeMonths) return `${format(start, month)}–${format(end, y(month))}`;
    return `${format(start, `d ${month}`)} – ${format(end, y(`d ${month}`))}`;
  }
  if (wholeMonths) return `${format(start, `${month} yyyy`)} – ${format(end, `${month} yyyy`)}`;
  return `${format(start, `d ${month} yyyy`)} – ${format(end, `d ${month} yyyy`)}`;
}

/**
 * The span a set of events covers, each end written no more precisely than the event it comes
 * from: "September 2018 – 5 September 2020" when the earliest is known only to a month. An end set
 * by an event known to the day is that day; any other end is its month, since "1 September 2018"
 * would claim a day that no source gives.
 */
export function spanText(spans: readonly { readonly first: number; readonly last: number }[], style: DateStyle = {}): string {
  // One pass (a list of every event can be long): the ends, and whether an event known to the day sets each.
  let first = Infinity;
  let last = -Infinity;
  let startsOnDay = false;
  let endsOnDay = false;
  for (const span of spans) {
    const day = span.first === span.last;
    if (span.first < first) [first, startsOnDay] = [span.first, day];
    else if (span.first === first) startsOnDay ||= day;
    if (span.last > last) [last, endsOnDay] = [span.last, day];
    else if (span.last === last) endsOnDay ||= day;
  }
  const { start, end } = daysInterval({ first, last });
  if (startsOnDay && endsOnDay) return formatInterval({ start, end }, style);
  const widened = { start: startsOnDay ? start : startOfMonth(start), end: endsOnDay ? end : lastDayOfMonth(end) };
  if (!startsOnDay && !endsOnDay) return formatInterval(widened, style);
  // One end a day, the other a month: formatInterval would write the month's first or last day.
  const month = style.months === 'short' ? 'MMM' : 'MMMM';
  const withYear = style.year ?? true;
  const startYear = withYear && !isSameYear(start, end) ? ' yyyy' : '';
  const endYear = withYear ? ' yyyy' : '';
  const from = format(widened.start, startsOnDay ? `d ${month}${startYear}` : `${month}${startYear}`);
  const to = format(widened.end, endsOnDay ? `d ${month}${endYear}` : `${month}${endYear}`);
  return `${from} – ${to}`;
}
