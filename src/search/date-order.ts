/**
 * The one date order of the fact base: by the earliest day a fact can have happened, then by id.
 * A fact dated only "July 2020" sorts on 1 July, one known to within a week on the first day of that
 * week — so nothing is placed later than it could have been, and equal days keep a stable order.
 *
 * Date ranges are look-ups, not search: a sorted list and a binary search.
 */
import type { Fact } from '../domain/types.ts';
import { periodOf, possibleDays } from '../knowledge/days.ts';

/** Per position in the fact base, the first and last day each fact can have happened on (epoch days). */
export interface Days {
  readonly first: Int32Array;
  readonly last: Int32Array;
}

export function daysOf(facts: readonly Fact[]): Days {
  const first = new Int32Array(facts.length);
  const last = new Int32Array(facts.length);
  facts.forEach((fact, i) => {
    const days = possibleDays(fact);
    first[i] = days?.first ?? 0;
    last[i] = days?.last ?? 0;
  });
  return { first, last };
}

/** Positions in `facts`, sorted by the fact's first possible day, then id. */
export function dateOrder(facts: readonly Fact[], { first }: Days): number[] {
  const ids = facts.map((fact) => fact.id);
  return facts.map((_, i) => i).sort((a, b) => first[a]! - first[b]! || (ids[a]! < ids[b]! ? -1 : ids[a]! > ids[b]! ? 1 : 0));
}

/**
 * Facts in date order with their possible days, for "what happened between these days" in
 * O(log n + answer): sorted by first possible day, so the facts starting inside the range are one
 * slice, and the only others that can overlap it start at most `maxSpan` days before it.
 */
export class DatedList {
  readonly facts: readonly Fact[];
  readonly #first: Int32Array;
  readonly #last: Int32Array;
  readonly #maxSpan: number;

  /** @param positions of facts in `all`, in date order (see dateOrder) */
  constructor(all: readonly Fact[], positions: readonly number[], days: Days) {
    this.facts = positions.map((position) => all[position]!);
    this.#first = Int32Array.from(positions, (position) => days.first[position]!);
    this.#last = Int32Array.from(positions, (position) => days.last[position]!);
    let maxSpan = 0;
    for (let i = 0; i < positions.length; i++) maxSpan = Math.max(maxSpan, this.#last[i]! - this.#first[i]!);
    this.#maxSpan = maxSpan;
  }

  /** Facts whose possible days overlap [from, to] (epoch days, inclusive), in date order. */
  between(from: number, to: number): readonly Fact[] {
    if (from === Number.NEGATIVE_INFINITY && to === Number.POSITIVE_INFINITY) return this.facts;
    const out: Fact[] = [];
    for (let i = this.#firstIndexFrom(from - this.#maxSpan); i < this.facts.length && this.#first[i]! <= to; i++) {
      if (this.#last[i]! >= from) out.push(this.facts[i]!);
    }
    return out;
  }

  #firstIndexFrom(day: number): number {
    let lo = 0;
    let hi = this.facts.length;
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
