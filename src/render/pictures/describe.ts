/**
 * The timeline picture in words, for screen readers (the gallery item's alt text): what it covers,
 * how many events each row holds and which patrols are numbered, how many dates are certain, and
 * what the axis leaves out. Counts and patrol numbers only: the card's own text tells the events.
 */
import { daysInterval, formatInterval, spanText } from '../../text/day-spans.ts';
import { listText, plural } from '../../answers/words.ts';
import type { TimelineLayout } from './layout.ts';
import type { DaySpan } from './time-axis.ts';

/** An exact span of drawn days (the axis's gaps are days, not events' vaguer dates). */
function daysText(span: DaySpan): string {
  return formatInterval(daysInterval(span));
}

/** What the picture covers: its events' days within the range, each end as precise as its event. */
function coveredText(layout: TimelineLayout): string {
  const { range } = layout;
  return spanText(layout.marks.map(({ event }) => ({ first: Math.max(event.first, range.first), last: Math.min(event.last, range.last) })));
}

/** Patrol numbers listed one by one; past this, the first few and how many more. */
const NUMBERS_LISTED = 12;

/** " (patrols 1 and 22, and 1 unnumbered)", " (on patrols 21 and 25)" */
function numbers(labels: readonly (string | undefined)[], on: string): string {
  const numbered = [...new Set(labels.filter((l): l is string => l !== undefined))].sort((a, b) => Number(a) - Number(b));
  const unnumbered = labels.filter((l) => l === undefined).length;
  const parts = [];
  const listed = numbered.length <= NUMBERS_LISTED ? numbered : [...numbered.slice(0, NUMBERS_LISTED - 1), `${numbered.length - NUMBERS_LISTED + 1} more`];
  if (numbered.length > 0) parts.push(`${on}${numbered.length === 1 ? 'patrol' : 'patrols'} ${listText(listed)}`);
  if (unnumbered > 0 && numbered.length > 0) parts.push(`${unnumbered} unnumbered`);
  return parts.length > 0 ? ` (${parts.join(', and ')})` : '';
}

export function describeTimeline(layout: TimelineLayout): string {
  const { marks } = layout;
  const sentences = [`Timeline of ${plural(marks.length, 'event')}, ${coveredText(layout)}, one row per kind.`];
  const rows = layout.rows.map((row) => {
    const inRow = marks.filter((m) => m.event.row === row.row.key);
    const labels = inRow.map((m) => m.event.label);
    if (row.row.key === 'patrols') return `${row.row.name}: ${inRow.length}${numbers(labels, '')}`;
    if (row.row.key === 'attacks') return `${row.row.name}: ${inRow.length}${numbers(labels, 'on ')}`;
    return `${row.row.name}: ${inRow.length}`;
  });
  sentences.push(`${rows.join('. ')}.`);
  const dots = marks.filter((m) => m.shape === 'dot').length;
  const bars = marks.length - dots;
  sentences.push(
    [dots > 0 ? `${dots} known to the day, drawn as dots` : '', bars > 0 ? `${bars} known only to a week, a month or a span, drawn as bars over the days they could fall on` : '']
      .filter(Boolean)
      .join('; ') + '.',
  );
  const disputed = marks.filter((m) => m.event.disputed).length;
  if (disputed > 0) sentences.push(`${disputed} marked ⚖ where the sources disagree.`);
  const cut = marks.filter((m) => m.cutBefore || m.cutAfter).length;
  if (cut > 0) sentences.push(`${cut} go on past the edges of the range.`);
  if (layout.axis.collapsed.length > 0) {
    sentences.push(`The axis leaves out ${listText(layout.axis.collapsed.map(daysText))}, with nothing on record.`);
  }
  return sentences.join(' ');
}
