/**
 * "The best N entries among those in positions [lo, hi)", for any range, in O(N log N) whatever its
 * size. Autocomplete needs exactly this: a 1-character prefix selects thousands of sorted keys, and
 * only the 25 most useful may be shown within Discord's 3 seconds on every keystroke.
 *
 * A sparse table holds, for every position i and power of two 2^k, the position of the highest rank
 * in [i, i + 2^k); any range's best is then the better of two overlapping blocks. The range is split
 * around its best and the halves go into a small max-heap, so entries come out best first.
 */
export class RangeTop {
  /** levels[k][i] = position of the highest rank in [i, i + 2^k). */
  readonly #levels: Int32Array[];
  readonly #rank: ArrayLike<number>;

  /** `rank[i]`: higher is better; ties go to the lower position (the earlier key). */
  constructor(rank: ArrayLike<number>) {
    this.#rank = rank;
    const n = rank.length;
    const base = new Int32Array(n);
    for (let i = 0; i < n; i++) base[i] = i;
    this.#levels = [base];
    for (let width = 2; width <= n; width *= 2) {
      const previous = this.#levels[this.#levels.length - 1] as Int32Array;
      const half = width / 2;
      const level = new Int32Array(n - width + 1);
      for (let i = 0; i < level.length; i++) level[i] = this.#better(previous[i] as number, previous[i + half] as number);
      this.#levels.push(level);
    }
  }

  /** Positions in [lo, hi) from the highest rank down; stop iterating whenever enough were taken. */
  *best(lo: number, hi: number): Generator<number, void, undefined> {
    if (lo >= hi) return;
    const heap = new RangeHeap(this.#rank);
    heap.push(lo, hi, this.#argmax(lo, hi));
    while (heap.size > 0) {
      const [start, end, at] = heap.pop();
      yield at;
      if (start < at) heap.push(start, at, this.#argmax(start, at));
      if (at + 1 < end) heap.push(at + 1, end, this.#argmax(at + 1, end));
    }
  }

  #argmax(lo: number, hi: number): number {
    const k = 31 - Math.clz32(hi - lo);
    const level = this.#levels[k] as Int32Array;
    return this.#better(level[lo] as number, level[hi - (1 << k)] as number);
  }

  #better(a: number, b: number): number {
    const ra = this.#rank[a] as number;
    const rb = this.#rank[b] as number;
    return ra > rb || (ra === rb && a <= b) ? a : b;
  }
}

/** A binary max-heap of ranges keyed by the rank of each range's best position. */
class RangeHeap {
  #items: Array<[number, number, number]> = [];

  constructor(readonly rank: ArrayLike<number>) {}

  get size(): number {
    return this.#items.length;
  }

  push(start: number, end: number, at: number): void {
    const items = this.#items;
    items.push([start, end, at]);
    let i = items.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.#above(items[i]!, items[parent]!)) break;
      [items[i], items[parent]] = [items[parent]!, items[i]!];
      i = parent;
    }
  }

  pop(): [number, number, number] {
    const items = this.#items;
    const top = items[0]!;
    const last = items.pop()!;
    if (items.length > 0) {
      items[0] = last;
      let i = 0;
      for (;;) {
        const left = 2 * i + 1;
        const right = left + 1;
        let best = i;
        if (left < items.length && this.#above(items[left]!, items[best]!)) best = left;
        if (right < items.length && this.#above(items[right]!, items[best]!)) best = right;
        if (best === i) break;
        [items[i], items[best]] = [items[best]!, items[i]!];
        i = best;
      }
    }
    return top;
  }

  #above(a: [number, number, number], b: [number, number, number]): boolean {
    const ra = this.rank[a[2]] as number;
    const rb = this.rank[b[2]] as number;
    return ra > rb || (ra === rb && a[2] < b[2]);
  }
}
