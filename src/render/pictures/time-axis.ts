/**
 * The picture's time axis: day numbers (days since 1970-01-01, as knowledge/days.ts counts them)
 * to x. Long stretches with nothing on record are collapsed to a short break, so that one event a
 * year and a half before the rest does not squeeze them into a sliver. Everywhere else one day has
 * the same width, so a bar's length is its number of possible days wherever it is drawn.
 */

/** An empty stretch longer than this is collapsed: four months of nothing is worth a mark, not a third of the width. */
export const COLLAPSE_DAYS = 120;

/** Days from `first` to `last`, both included. */
export interface DaySpan {
  readonly first: number;
  readonly last: number;
}

/** A stretch of days drawn at full scale. */
export interface Segment extends DaySpan {
  /** x of the left edge of its first day. */
  readonly x: number;
  /** x just past the right edge of its last day. */
  readonly end: number;
}

/** Empty days left out of the axis, and where their break mark is. */
export interface Collapsed extends DaySpan {
  readonly x: number;
}

export interface TimeAxis {
  readonly pxPerDay: number;
  readonly segments: readonly Segment[];
  readonly collapsed: readonly Collapsed[];
  /** x of the left edge of `day`; `last + 1` gives a segment's right edge. */
  x(day: number): number;
}

export interface AxisRoom {
  readonly left: number;
  readonly right: number;
  /** Room before and after each segment. */
  readonly pad: number;
  /** Width of a collapsed stretch. */
  readonly gap: number;
}

/** Stretches that hold at least one span, joined across gaps of at most COLLAPSE_DAYS. */
function runsOf(spans: readonly DaySpan[]): DaySpan[] {
  const sorted = [...spans].sort((a, b) => a.first - b.first);
  const runs: { first: number; last: number }[] = [];
  for (const span of sorted) {
    const run = runs[runs.length - 1];
    if (run && span.first - run.last - 1 <= COLLAPSE_DAYS) run.last = Math.max(run.last, span.last);
    else runs.push({ first: span.first, last: span.last });
  }
  return runs;
}

/** The axis for these spans (at least one, already cut to the range drawn) across `room`. */
export function timeAxis(spans: readonly DaySpan[], room: AxisRoom): TimeAxis {
  const runs = runsOf(spans);
  const days = runs.reduce((sum, run) => sum + run.last - run.first + 1, 0);
  const width = room.right - room.left - runs.length * 2 * room.pad - (runs.length - 1) * room.gap;
  const pxPerDay = width / days;
  const segments: Segment[] = [];
  let at = room.left;
  for (const run of runs) {
    const x = at + room.pad;
    const end = x + (run.last - run.first + 1) * pxPerDay;
    segments.push({ ...run, x, end });
    at = end + room.pad + room.gap;
  }
  const collapsed = segments.slice(1).map((next, i): Collapsed => {
    const before = segments[i]!;
    return { first: before.last + 1, last: next.first - 1, x: (before.end + next.x) / 2 };
  });
  return {
    pxPerDay,
    segments,
    collapsed,
    x(day) {
      const segment = segments.find((s) => day >= s.first && day <= s.last + 1) ?? (day < segments[0]!.first ? segments[0]! : segments[segments.length - 1]!);
      return segment.x + (day - segment.first) * pxPerDay;
    },
  };
}
