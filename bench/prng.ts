/**
 * A small seeded PRNG so that every benchmark run generates the same synthetic knowledge and the same
 * query mix: numbers from two runs (or two machines) are then comparable.
 */

/** mulberry32: 32-bit state, good enough statistical quality for test data, and tiny. */
export function createRandom(seed: number): Random {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return new Random(next);
}

export class Random {
  constructor(readonly next: () => number) {}

  /** Integer in [min, max], both inclusive. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('pick from an empty list');
    return items[Math.floor(this.next() * items.length)] as T;
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  /** `count` distinct items (fewer if the list is shorter). */
  sample<T>(items: readonly T[], count: number): T[] {
    const chosen = new Set<T>();
    const want = Math.min(count, items.length);
    while (chosen.size < want) chosen.add(this.pick(items));
    return [...chosen];
  }
}

/**
 * Draws ranks 0..n-1 with probability ∝ 1/(rank+1)^s — the shape of word and place frequencies in
 * real text, so that a few terms are everywhere and most are rare (what makes search cost uneven).
 */
export class Zipf {
  readonly #cumulative: Float64Array;

  constructor(n: number, s = 1.05) {
    this.#cumulative = new Float64Array(n);
    let total = 0;
    for (let rank = 0; rank < n; rank++) {
      total += 1 / Math.pow(rank + 1, s);
      this.#cumulative[rank] = total;
    }
    for (let rank = 0; rank < n; rank++) this.#cumulative[rank] = (this.#cumulative[rank] as number) / total;
  }

  draw(random: Random): number {
    const u = random.next();
    let lo = 0;
    let hi = this.#cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((this.#cumulative[mid] as number) < u) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}
