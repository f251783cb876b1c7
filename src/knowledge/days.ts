/**
 * What a date in the fact base means, in whole days since 1970-01-01: the period a date names and
 * the span of days a dated record can fall on. The one definition for every layer — the checks,
 * the search layer's date order and ranges, the answers' date text — with no time zone.
 */
import type { Dated } from '../domain/types.ts';

const DAY_MS = 86_400_000;

/**
 * Days since 1970-01-01 of a proleptic Gregorian date (Hinnant's days_from_civil). Plain arithmetic,
 * no Date objects: the search layer works out two of these for every fact when it builds an index.
 */
function civilDay(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

/** The number written at iso[from, from + count), or NaN if any of it is not a digit. */
function digits(iso: string, from: number, count: number): number {
  let value = 0;
  for (let i = from; i < from + count; i++) {
    const digit = iso.charCodeAt(i) - 48;
    if (!(digit >= 0 && digit <= 9)) return Number.NaN;
    value = value * 10 + digit;
  }
  return value;
}

/**
 * First and last day of the period a date names: `2020` a year, `2020-07` a month, `2020-07-22`
 * a day; null for anything else ("2020-13", "2020-02-30", "July").
 */
export function periodOf(iso: string): { first: number; last: number } | null {
  const year = digits(iso, 0, 4);
  if (Number.isNaN(year)) return null;
  if (iso.length === 4) return { first: civilDay(year, 1, 1), last: civilDay(year, 12, 31) };
  const month = iso.charCodeAt(4) === 45 ? digits(iso, 5, 2) : Number.NaN;
  if (!(month >= 1 && month <= 12)) return null;
  // civilDay takes month 13 as January of the next year.
  const monthEnd = civilDay(year, month + 1, 1) - 1;
  if (iso.length === 7) return { first: civilDay(year, month, 1), last: monthEnd };
  const day = iso.length === 10 && iso.charCodeAt(7) === 45 ? digits(iso, 8, 2) : Number.NaN;
  const single = civilDay(year, month, day);
  return day >= 1 && single <= monthEnd ? { first: single, last: single } : null;
}

/** Days since 1970-01-01 of a valid YYYY-MM-DD, else null. */
export function dayNumber(iso: string): number | null {
  return iso.length === 10 ? (periodOf(iso)?.first ?? null) : null;
}

export function isoDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/**
 * The span of days a dated record can fall on — the one definition every layer uses (the checks
 * here, the search layer's date order and ranges, the answers' date text). For week and approximate
 * precision the date is only a best estimate and the bounds are the span; for a day, a month or a
 * year it is the date's period, narrowed by any bounds. Only meaningful for records that passed
 * `checkDates`.
 */
export function possibleDays(record: Dated): { first: number; last: number } | null {
  const period = periodOf(record.date);
  if (!period) return null;
  const earliest = record.date_earliest ? dayNumber(record.date_earliest) : null;
  const latest = record.date_latest ? dayNumber(record.date_latest) : null;
  if (record.date_precision === 'week' || record.date_precision === 'approximate') {
    return { first: earliest ?? period.first, last: latest ?? period.last };
  }
  return {
    first: earliest === null ? period.first : Math.max(period.first, earliest),
    last: latest === null ? period.last : Math.min(period.last, latest),
  };
}

/** The earliest day a checked record can fall on (what the fact base is ordered by). */
export function firstPossibleDay(record: Dated): number {
  return possibleDays(record)?.first ?? Number.NaN;
}
