/**
 * Dates as precisely as the fact base knows them, and the date bounds users type.
 *
 * All dates are whole days at local midnight: the fact base never has times, and date-fns's
 * calendar functions (differenceInCalendarDays, lastDayOfMonth…) agree with that in any time zone.
 */
import {
  differenceInCalendarDays,
  format,
  getDate,
  isSameDay,
  isSameMonth,
  isSameYear,
  isValid,
  lastDayOfMonth,
  lastDayOfYear,
  parse,
  startOfMonth,
  startOfYear,
} from 'date-fns';
import type { Dated, Fact, FactBase } from '../domain/types.ts';
import { firstPossibleDay, lastPossibleDay, possibleDays } from '../knowledge/days.ts';
import type { FormattedDate, Phrase } from './answer.ts';
import { user } from './answer.ts';

export interface DayInterval {
  readonly start: Date;
  readonly end: Date;
}

/** The day the 5 March 2020 agreement was signed, as the fact base dates it. */
export interface AgreementAnchor {
  readonly day: Date;
  readonly factId: string;
}

const DAY = 'd MMMM yyyy';
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

/** The local midnight of an epoch day (days since 1970-01-01), for date-fns. */
function localDay(day: number): Date {
  const utc = new Date(day * 86_400_000);
  return new Date(utc.getUTCFullYear(), utc.getUTCMonth(), utc.getUTCDate());
}

/** The whole span of days a dated record may fall on, as the knowledge layer defines it. */
export function datedInterval(d: Dated): DayInterval {
  const days = possibleDays(d);
  if (!days) return { start: new Date(Number.NaN), end: new Date(Number.NaN) };
  return { start: localDay(days.first), end: localDay(days.last) };
}

/** Within one month: the conventional thirds and halves, so a bound of 11–20 July reads "mid-July". */
function partOfMonth(start: Date, end: Date): string | undefined {
  const first = getDate(start);
  const last = getDate(end);
  const monthEnd = getDate(lastDayOfMonth(start));
  const month = format(start, 'MMMM yyyy');
  if (first === 1 && last === 10) return `early ${month}`;
  if (first === 11 && last === 20) return `mid-${month}`;
  if (first === 21 && last === monthEnd) return `late ${month}`;
  if (first === 1 && last === 15) return `the first half of ${month}`;
  if (first === 16 && last === monthEnd) return `the second half of ${month}`;
  return undefined;
}

/** A span of days written as plainly as it allows. */
export function formatInterval({ start, end }: DayInterval): string {
  if (isSameDay(start, end)) return format(start, DAY);
  if (isSameMonth(start, end)) {
    if (getDate(start) === 1 && isSameDay(end, lastDayOfMonth(start))) return format(start, 'MMMM yyyy');
    return partOfMonth(start, end) ?? `between ${format(start, 'd')} and ${format(end, DAY)}`;
  }
  if (isSameYear(start, end)) {
    if (isSameDay(start, startOfYear(start)) && isSameDay(end, lastDayOfYear(start))) return format(start, 'yyyy');
    if (getDate(start) === 1 && isSameDay(end, lastDayOfMonth(end))) {
      return `between ${format(start, 'MMMM')} and ${format(end, 'MMMM yyyy')}`;
    }
    return `between ${format(start, 'd MMMM')} and ${format(end, DAY)}`;
  }
  return `between ${format(start, DAY)} and ${format(end, DAY)}`;
}

/** "week of 17–23 August 2020", "week of 28 July – 3 August 2020". */
function formatWeek({ start, end }: DayInterval): string {
  if (isSameDay(start, end)) return format(start, DAY);
  if (isSameMonth(start, end)) return `week of ${format(start, 'd')}–${format(end, DAY)}`;
  if (isSameYear(start, end)) return `week of ${format(start, 'd MMMM')} – ${format(end, DAY)}`;
  return `week of ${format(start, DAY)} – ${format(end, DAY)}`;
}

/** The date text alone, by precision, without the "(inferred)" mark. */
export function formatPrecision(d: Dated): string {
  const day = isoToDay(d.date);
  switch (d.date_precision) {
    case 'day':
      return format(day, DAY);
    case 'month':
      return format(day, 'MMMM yyyy');
    case 'year':
      return format(day, 'yyyy');
    case 'week':
      return formatWeek(datedInterval(d));
    case 'approximate':
      return formatInterval(datedInterval(d));
  }
}

/** The single day a record is known to fall on, if it is known to the day. */
function exactDay(d: Dated): Date | undefined {
  const { start, end } = datedInterval(d);
  return isSameDay(start, end) ? start : undefined;
}

/** "day 139 after the 5 March agreement", "the day of the 5 March agreement", "3 days before …". */
export function sinceAgreement(day: Date, anchor: AgreementAnchor): string {
  const name = `the ${format(anchor.day, isSameYear(day, anchor.day) ? 'd MMMM' : 'd MMMM yyyy')} agreement`;
  const n = differenceInCalendarDays(day, anchor.day);
  if (n === 0) return `the day of ${name}`;
  if (n > 0) return `day ${n} after ${name}`;
  return `${-n} ${n === -1 ? 'day' : 'days'} before ${name}`;
}

export function formatDated(d: Dated, anchor?: AgreementAnchor): FormattedDate {
  const inferred = d.date_basis === 'inferred';
  const day = exactDay(d);
  return {
    text: formatPrecision(d) + (inferred ? ' (inferred)' : ''),
    inferred,
    ...(d.date_reasoning ? { reasoning: d.date_reasoning.trim() } : {}),
    ...(day && anchor ? { sinceAgreement: sinceAgreement(day, anchor) } : {}),
  };
}

/**
 * The 5 March agreement as the fact base records it. Of the agreement facts known to the day that
 * fall on or before the first patrol (the deal the patrols were set up under came before them), the
 * day most of them share: the fact base states the deal's terms as several facts of that day, while
 * other agreements (Sochi 2018, technical talks) come up once. Ties go to the later day. Undefined
 * when the fact base has no such fact; then no day counts are shown.
 */
export function findAgreementAnchor(base: FactBase): AgreementAnchor | undefined {
  // Epoch days (the search layer's date arithmetic) rather than Date objects: this looks at every
  // fact once per fact base, and at 100,000 facts date-fns would make that the slowest step of an answer.
  let firstPatrol = Infinity;
  for (const fact of base.facts) {
    if (fact.kind === 'patrol' && fact.patrols.length > 0) firstPatrol = Math.min(firstPatrol, firstPossibleDay(fact));
  }
  const byDay = new Map<number, Fact[]>();
  for (const fact of base.facts) {
    if (fact.kind !== 'agreement') continue;
    const day = firstPossibleDay(fact);
    if (day !== lastPossibleDay(fact) || day > firstPatrol) continue;
    const list = byDay.get(day);
    if (list) list.push(fact);
    else byDay.set(day, [fact]);
  }
  let best: [number, Fact[]] | undefined;
  for (const entry of byDay) {
    if (!best || entry[1].length > best[1].length || (entry[1].length === best[1].length && entry[0] > best[0])) best = entry;
  }
  if (!best) return undefined;
  const first = [...best[1]].sort((a, b) => (a.id < b.id ? -1 : 1))[0] as Fact;
  return { day: datedInterval(first).start, factId: first.id };
}

export type DateBound =
  | { readonly ok: true; readonly interval: DayInterval; readonly text: string }
  | { readonly ok: false; readonly message: Phrase };

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
  | { readonly ok: false; readonly message: Phrase };

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
  const text = lower && upper ? `from ${lower.text} to ${upper.text}` : lower ? `from ${lower.text} on` : `up to ${upper?.text}`;
  return { ok: true, bounds, text };
}
