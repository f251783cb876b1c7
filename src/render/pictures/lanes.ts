/**
 * Lanes within a row, so that marks (with their labels) that share days sit one above the other
 * instead of on top of each other: greedy interval partitioning in order of start, which uses the
 * fewest lanes possible.
 */

export interface Extent {
  readonly start: number;
  readonly end: number;
}

/**
 * The lane of each extent (in the order given) and how many lanes were used. Past `max` lanes a
 * mark goes to the lane that frees up first, so even a fact base far larger than today's gives a
 * picture of bounded height, with marks overlapping only where there is no room left.
 */
export function packLanes(extents: readonly Extent[], max: number): { readonly lanes: number[]; readonly count: number } {
  const order = extents.map((_, i) => i).sort((a, b) => extents[a]!.start - extents[b]!.start || extents[b]!.end - extents[a]!.end || a - b);
  const ends: number[] = [];
  const lanes: number[] = new Array<number>(extents.length).fill(0);
  for (const i of order) {
    const { start, end } = extents[i]!;
    let lane = ends.findIndex((e) => e <= start);
    if (lane === -1 && ends.length < max) lane = ends.push(-Infinity) - 1;
    if (lane === -1) lane = ends.indexOf(Math.min(...ends));
    lanes[i] = lane;
    ends[lane] = Math.max(ends[lane]!, end);
  }
  return { lanes, count: ends.length };
}
