/**
 * Where everything on the timeline picture goes: rows, lanes, every mark, the axis and the legend.
 * Pure geometry from plain events, so the SVG writer only draws and the tests can measure.
 */
import { packLanes, type Extent } from './lanes.ts';
import { ROWS, type Row, type RowKey } from './rows.ts';
import { SIZE, textWidth, WIDTH } from './style.ts';
import { ticksFor, type Tick } from './ticks.ts';
import { timeAxis, type DaySpan, type TimeAxis } from './time-axis.ts';

/** One event as the picture needs it. */
export interface TimelineEvent {
  readonly id: string;
  readonly row: RowKey;
  /** Its possible days (day numbers, both included). */
  readonly first: number;
  readonly last: number;
  /** The patrol number that labels its mark. */
  readonly label?: string;
  readonly disputed: boolean;
}

export interface Timeline {
  /** The events to draw, each overlapping the range. */
  readonly events: readonly TimelineEvent[];
  /** The range asked for (day numbers, both included); an open side ends where the events do. */
  readonly from?: number;
  readonly to?: number;
}

export interface PlacedMark {
  readonly event: TimelineEvent;
  /** A dot for a single possible day, a bar over several. */
  readonly shape: 'dot' | 'bar';
  /** The possible days inside the range drawn. */
  readonly days: DaySpan;
  /** x from the left edge of its first day to the right edge of its last. */
  readonly x0: number;
  readonly x1: number;
  /** Centre of its lane. */
  readonly y: number;
  /** Days it may fall on that lie outside the range drawn, before and after. */
  readonly cutBefore: boolean;
  readonly cutAfter: boolean;
  /** Where its label and ⚖ go; `labelX` is their left edge. */
  readonly labelX: number;
}

export interface PlacedRow {
  readonly row: Row;
  /** Top of the row's name line, and of its marks. */
  readonly top: number;
  readonly lanesTop: number;
  readonly bottom: number;
  readonly count: number;
}

export type LegendKey = 'dot' | 'bar' | 'dispute' | 'cut' | 'gap';

export interface LegendItem {
  readonly key: LegendKey;
  readonly text: string;
  readonly x: number;
  readonly y: number;
}

export interface TimelineLayout {
  readonly width: number;
  readonly height: number;
  /** The days drawn: the range asked for, cut to where its events are. */
  readonly range: DaySpan;
  readonly axis: TimeAxis;
  readonly ticks: readonly Tick[];
  readonly axisY: number;
  readonly rows: readonly PlacedRow[];
  readonly marks: readonly PlacedMark[];
  readonly legend: readonly LegendItem[];
}

const LEGEND_TEXT: Record<LegendKey, string> = {
  dot: 'known to the day',
  bar: 'could be any day under the bar',
  dispute: 'sources disagree',
  cut: 'goes on past the edge',
  gap: 'empty months left out',
};

/** Width of a legend item's sample and the space after it. */
const SAMPLE = 18;
const LEFT = SIZE.margin;
const RIGHT = WIDTH - SIZE.margin;
/** How far the arrow of a bar cut by the range reaches past its end. */
export const CUT_ARROW = 6;
/** More lanes than this in one row and marks overlap. */
const MAX_LANES = 8;

function rangeOf(timeline: Timeline): DaySpan | null {
  if (timeline.events.length === 0) return null;
  let first = Infinity;
  let last = -Infinity;
  for (const e of timeline.events) {
    first = Math.min(first, e.first);
    last = Math.max(last, e.last);
  }
  first = Math.max(timeline.from ?? -Infinity, first);
  last = Math.min(timeline.to ?? Infinity, last);
  return first <= last ? { first, last } : null;
}

/** The width a mark's label and ⚖ take, with the space before them. */
function labelWidth(event: TimelineEvent): number {
  const label = event.label ? textWidth(event.label, SIZE.text, true) : 0;
  const icon = event.disputed ? SIZE.icon + (label > 0 ? 3 : 0) : 0;
  return label + icon > 0 ? 4 + label + icon : 0;
}

function legendItems(keys: readonly LegendKey[], top: number): { items: LegendItem[]; bottom: number } {
  const items: LegendItem[] = [];
  let x = LEFT;
  let y = top;
  for (const key of keys) {
    const width = SAMPLE + textWidth(LEGEND_TEXT[key], SIZE.small);
    if (x > LEFT && x + width > RIGHT) {
      x = LEFT;
      y += SIZE.legendLine;
    }
    items.push({ key, text: LEGEND_TEXT[key], x, y });
    x += width + 16;
  }
  return { items, bottom: y + SIZE.legendLine };
}

/** The layout of a timeline, or null when none of its events lies in its range. */
export function layoutTimeline(timeline: Timeline): TimelineLayout | null {
  const range = rangeOf(timeline);
  if (!range) return null;
  const events = timeline.events.filter((e) => e.last >= range.first && e.first <= range.last);
  const spans = events.map((e) => ({ first: Math.max(e.first, range.first), last: Math.min(e.last, range.last) }));
  const axis = timeAxis(spans, { left: LEFT, right: RIGHT, pad: SIZE.segmentPad, gap: SIZE.gap });

  // Horizontal: each mark's extent, and its label's on the side where it fits.
  const shaped = events.map((event, i) => {
    const days = spans[i]!;
    const x0 = axis.x(days.first);
    const x1 = axis.x(days.last + 1);
    const shape = event.first === event.last ? ('dot' as const) : ('bar' as const);
    const centre = (x0 + x1) / 2;
    // A bar cut by the range has an arrow outside its cut end.
    const left = shape === 'dot' ? Math.min(x0, centre - SIZE.dot) : x0 - (event.first < range.first ? CUT_ARROW : 0);
    const right = shape === 'dot' ? Math.max(x1, centre + SIZE.dot) : x1 + (event.last > range.last ? CUT_ARROW : 0);
    const label = labelWidth(event);
    const onRight = right + label <= RIGHT;
    const extent: Extent = onRight ? { start: left - 2, end: right + label + 2 } : { start: left - label - 2, end: right + 2 };
    return { event, days, x0, x1, shape, extent, labelX: onRight ? right + 4 : left - label };
  });

  // Vertical: rows top to bottom, each as tall as its lanes need, squeezed when crowded.
  const rows: PlacedRow[] = [];
  const marks: PlacedMark[] = [];
  let y = SIZE.margin;
  for (const row of ROWS) {
    const inRow = shaped.filter((m) => m.event.row === row.key);
    if (inRow.length === 0 && !row.always) continue;
    const { lanes, count } = packLanes(inRow.map((m) => m.extent), MAX_LANES);
    const labelled = inRow.some((m) => m.event.label !== undefined || m.event.disputed);
    const used = Math.max(count, 1);
    const pitch = used <= SIZE.rowLanes ? SIZE.lane : Math.max(labelled ? SIZE.labelledLane : SIZE.minLane, (SIZE.lane * SIZE.rowLanes) / used);
    const lanesTop = y + SIZE.rowTitle;
    inRow.forEach((m, i) => {
      marks.push({
        event: m.event,
        shape: m.shape,
        days: m.days,
        x0: m.x0,
        x1: m.x1,
        y: lanesTop + SIZE.lane / 2 + lanes[i]! * pitch,
        cutBefore: m.event.first < range.first,
        cutAfter: m.event.last > range.last,
        labelX: m.labelX,
      });
    });
    const bottom = lanesTop + (used - 1) * pitch + SIZE.lane;
    rows.push({ row, top: y, lanesTop, bottom, count: inRow.length });
    y = bottom + SIZE.rowGap;
  }

  const axisY = y + 2;
  const ticks = ticksFor(axis, RIGHT);
  const keys: LegendKey[] = ['dot', 'bar'];
  if (marks.some((m) => m.event.disputed)) keys.push('dispute');
  if (marks.some((m) => m.cutBefore || m.cutAfter)) keys.push('cut');
  if (axis.collapsed.length > 0) keys.push('gap');
  const legend = legendItems(keys, axisY + SIZE.axis);
  return { width: WIDTH, height: Math.ceil(legend.bottom + SIZE.margin - 6), range, axis, ticks, axisY, rows, marks, legend: legend.items };
}
