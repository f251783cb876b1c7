/** An append-only Int32Array that doubles when full: millions of postings without millions of JS numbers. */
export class GrowableInt32 {
  #data: Int32Array;
  length = 0;

  constructor(initialCapacity = 1024) {
    this.#data = new Int32Array(Math.max(16, initialCapacity));
  }

  push(value: number): void {
    if (this.length === this.#data.length) {
      const bigger = new Int32Array(this.#data.length * 2);
      bigger.set(this.#data);
      this.#data = bigger;
    }
    this.#data[this.length++] = value;
  }

  /** Make room for `capacity` values in total (never shrinks). */
  reserve(capacity: number): void {
    if (capacity <= this.#data.length) return;
    const bigger = new Int32Array(capacity);
    bigger.set(this.#data.subarray(0, this.length));
    this.#data = bigger;
  }

  get(i: number): number {
    return this.#data[i] as number;
  }

  set(i: number, value: number): void {
    this.#data[i] = value;
  }

  /** The filled part (a view: no copy). */
  view(): Int32Array {
    return this.#data.subarray(0, this.length);
  }
}
