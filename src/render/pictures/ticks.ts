/**
 * Where the axis gets a tick and what its labels say: the finest calendar unit (day, week, month,
 * a few months, years) whose labels have room, so a week-long range is read in days and two years
 * in months. A second line gives the month or year once per stretch and wherever it changes;
 * labels that would touch are left out, never squeezed.
 */
import { SIZE, textWidth } from './style.ts';
import type { TimeAxis } from './time-axis.ts';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;

export interface Tick {
  readonly day: number;
  readonly x: number;
  /** Whether a grid line is drawn: false for the label that names a stretch with no tick of its own. */
  readonly line: boolean;
  readonly label?: string;
  /** The month or year the label belongs to, said once per stretch and where it changes. */
  readonly context?: string;
}

interface Calendar {
  readonly year: number;
  /** 1–12 */
  readonly month: number;
  readonly day: number;
}

function calendar(day: number): Calendar {
  const date = new Date(day * 86_400_000);
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

interface Unit {
  /** Fewest days between two ticks. */
  readonly spacing: number;
  readonly sample: string;
  has(c: Calendar): boolean;
  label(c: Calendar): string;
  context(c: Calendar): string | undefined;
}

const monthYear = (c: Calendar) => `${MONTHS[c.month - 1]} ${c.year}`;

const days = (spacing: number, has: (c: Calendar) => boolean): Unit => ({ spacing, sample: '22', has, label: (c) => String(c.day), context: monthYear });
const months = (step: number): Unit => ({
  spacing: 28 * step,
  sample: 'May',
  has: (c) => c.day === 1 && (c.month - 1) % step === 0,
  label: (c) => MONTHS[c.month - 1]!,
  context: (c) => String(c.year),
});
const years = (step: number): Unit => ({
  spacing: 365 * step,
  sample: '2020',
  has: (c) => c.day === 1 && c.month === 1 && c.year % step === 0,
  label: (c) => String(c.year),
  context: () => undefined,
});

/** Finest first. */
const UNITS: readonly Unit[] = [
  days(1, () => true),
  days(7, (c) => c.day === 1 || c.day === 8 || c.day === 15 || c.day === 22),
  months(1),
  months(2),
  months(3),
  months(6),
  years(1),
  years(2),
  years(5),
  years(10),
  years(50),
];

function unitFor(pxPerDay: number): Unit {
  return UNITS.find((u) => u.spacing * pxPerDay >= textWidth(u.sample, SIZE.text) + SIZE.tickGap) ?? UNITS[UNITS.length - 1]!;
}

/** Ticks for the axis, labels thinned so that none touch and none runs past `right`. */
export function ticksFor(axis: TimeAxis, right: number): Tick[] {
  const unit = unitFor(axis.pxPerDay);
  const raw: { day: number; line: boolean; label: string; context: string | undefined; first: boolean }[] = [];
  for (const segment of axis.segments) {
    let found = false;
    for (let day = segment.first; day <= segment.last; day++) {
      const c = calendar(day);
      if (!unit.has(c)) continue;
      raw.push({ day, line: true, label: unit.label(c), context: unit.context(c), first: !found });
      found = true;
    }
    if (!found) {
      // A short stretch between two ticks still says when it is: its first day, in full.
      const c = calendar(segment.first);
      raw.push({ day: segment.first, line: false, label: `${c.day} ${MONTHS[c.month - 1]}`, context: String(c.year), first: true });
    }
  }
  const ticks: Tick[] = [];
  let labelEnd = -Infinity;
  let contextEnd = -Infinity;
  let lastContext: string | undefined;
  for (const t of raw) {
    const x = axis.x(t.day);
    const labelRoom = x >= labelEnd && x + textWidth(t.label, SIZE.text) <= right;
    const wantsContext = t.context !== undefined && (t.first || t.context !== lastContext);
    const contextRoom = wantsContext && x >= contextEnd && x + textWidth(t.context!, SIZE.small) <= right;
    if (labelRoom) labelEnd = x + textWidth(t.label, SIZE.text) + SIZE.tickGap;
    if (contextRoom) {
      contextEnd = x + textWidth(t.context!, SIZE.small) + SIZE.tickGap;
      lastContext = t.context;
    }
    ticks.push({ day: t.day, x, line: t.line, ...(labelRoom && { label: t.label }), ...(contextRoom && { context: t.context! }) });
  }
  return ticks;
}
