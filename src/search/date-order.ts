/**
 * The one date order of the fact base: by the earliest day a fact can have happened, then by id.
 * A fact dated only "July 2020" sorts on 1 July, one known to within a week on the first day of that
 * week — so nothing is placed later than it could have been, and equal days keep a stable order.
 */
import type { Fact } from '../domain/types.ts';
import { firstPossibleDay, periodOf } from '../knowledge/days.ts';
import { compareKeys } from './sorted-keys.ts';
import { int32Map, range } from './arrays.ts';

/**
 * Positions of `facts` in date order: a counting sort on the first possible day (days span a few
 * years, so this is linear), then the few facts sharing a day sorted by id.
 */
export function dateOrder(facts: readonly Fact[], firstDays: Int32Array = int32Map(facts, firstPossibleDay)): Int32Array {
  const n = facts.length;
  if (n === 0) return new Int32Array(0);
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < n; i++) {
    min = Math.min(min, firstDays[i]!);
    max = Math.max(max, firstDays[i]!);
  }
  if (max - min > 4 * n + 100_000) {
    // Dates spread over millennia: a comparison sort is then the cheaper one.
    return Int32Array.from(
      range(n).sort((a, b) => firstDays[a]! - firstDays[b]! || compareKeys(facts[a]!.id, facts[b]!.id)),
    );
  }
  const start = new Int32Array(max - min + 2);
  for (let i = 0; i < n; i++) start[firstDays[i]! - min + 1]!++;
  for (let d = 1; d < start.length; d++) start[d]! += start[d - 1]!;
  const order = new Int32Array(n);
  const cursor = start.slice();
  for (let i = 0; i < n; i++) order[cursor[firstDays[i]! - min]!++] = i;
  for (let d = 0; d + 1 < start.length; d++) {
    const from = start[d]!;
    const to = start[d + 1]!;
    if (to - from > 1 && !idsAscending(facts, order, from, to)) {
      const group = Array.from(order.subarray(from, to)).sort((a, b) => compareKeys(facts[a]!.id, facts[b]!.id));
      order.set(group, from);
    }
  }
  return order;
}

/** Whether the facts at order[from, to) are already in id order (often so: files list facts in order). */
function idsAscending(facts: readonly Fact[], order: Int32Array, from: number, to: number): boolean {
  for (let i = from + 1; i < to; i++) if (facts[order[i - 1]!]!.id > facts[order[i]!]!.id) return false;
  return true;
}

/**
 * Facts in date order with their possible days, for "what happened between these days" in
 * O(log n + answer): sorted by first possible day, so the facts starting inside the range are one
 * slice, and the only others that can overlap it start at most `maxSpan` days before it.
 */
export class DatedList {
  readonly #facts: readonly Fact[];
  readonly #first: Int32Array;
  readonly #last: Int32Array;
  readonly #maxSpan: number;

  /**
   * @param facts in date order (by first possible day, then id)
   * @param first, last their first and last possible days (epoch days), in the same order
   */
  constructor(facts: readonly Fact[], first: Int32Array, last: Int32Array) {
    this.#facts = facts;
    this.#first = first;
    this.#last = last;
    let maxSpan = 0;
    for (let i = 0; i < facts.length; i++) maxSpan = Math.max(maxSpan, last[i]! - first[i]!);
    this.#maxSpan = maxSpan;
  }

  get facts(): readonly Fact[] {
    return this.#facts;
  }

  /** Facts whose possible days overlap [from, to] (epoch days, inclusive), in date order. */
  between(from: number, to: number): readonly Fact[] {
    if (from === Number.NEGATIVE_INFINITY && to === Number.POSITIVE_INFINITY) return this.#facts;
    const start = this.#firstIndexFrom(from - this.#maxSpan);
    const out: Fact[] = [];
    for (let i = start; i < this.#facts.length && this.#first[i]! <= to; i++) {
      if (this.#last[i]! >= from) out.push(this.#facts[i]!);
    }
    return out;
  }

  #firstIndexFrom(day: number): number {
    let lo = 0;
    let hi = this.#facts.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.#first[mid]! < day) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}

/**
 * The first / last day a bound given as YYYY, YYYY-MM or YYYY-MM-DD stands for, as an epoch day;
 * NaN when it is none of those ("2020-13" and "2020-02-30" are not dates).
 */
export function boundDay(iso: string | undefined, side: 'from' | 'to'): number {
  if (iso === undefined) return side === 'from' ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
  const period = periodOf(iso);
  if (!period) return Number.NaN;
  return side === 'from' ? period.first : period.last;
}
