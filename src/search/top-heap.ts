/** The best `capacity` (doc, score) pairs of a stream, without sorting the stream: a min-heap. */
export class TopHeap {
  readonly #docs: number[] = [];
  readonly #scores: number[] = [];

  constructor(readonly capacity: number) {}

  offer(doc: number, score: number): void {
    const docs = this.#docs;
    const scores = this.#scores;
    if (docs.length < this.capacity) {
      docs.push(doc);
      scores.push(score);
      this.#up(docs.length - 1);
    } else if (docs.length > 0 && this.#worse(docs[0]!, scores[0]!, doc, score)) {
      docs[0] = doc;
      scores[0] = score;
      this.#down(0);
    }
  }

  /** Best first; equal scores by doc position (the earlier first), so results are stable. */
  sorted(): Array<{ doc: number; score: number }> {
    return this.#docs.map((doc, i) => ({ doc, score: this.#scores[i]! })).sort((a, b) => b.score - a.score || a.doc - b.doc);
  }

  /** Whether (docA, scoreA) ranks below (docB, scoreB). */
  #worse(docA: number, scoreA: number, docB: number, scoreB: number): boolean {
    return scoreA < scoreB || (scoreA === scoreB && docA > docB);
  }

  #up(i: number): void {
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.#worse(this.#docs[i]!, this.#scores[i]!, this.#docs[parent]!, this.#scores[parent]!)) break;
      this.#swap(i, parent);
      i = parent;
    }
  }

  #down(i: number): void {
    const n = this.#docs.length;
    for (;;) {
      const left = 2 * i + 1;
      const right = left + 1;
      let worst = i;
      if (left < n && this.#worse(this.#docs[left]!, this.#scores[left]!, this.#docs[worst]!, this.#scores[worst]!)) worst = left;
      if (right < n && this.#worse(this.#docs[right]!, this.#scores[right]!, this.#docs[worst]!, this.#scores[worst]!)) worst = right;
      if (worst === i) return;
      this.#swap(i, worst);
      i = worst;
    }
  }

  #swap(a: number, b: number): void {
    [this.#docs[a], this.#docs[b]] = [this.#docs[b]!, this.#docs[a]!];
    [this.#scores[a], this.#scores[b]] = [this.#scores[b]!, this.#scores[a]!];
  }
}
