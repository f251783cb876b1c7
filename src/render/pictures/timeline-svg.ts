/**
 * The timeline picture as SVG: a pure function of the layout. A mark known to the day is a solid
 * dot; one known only to a week, a month or a span is a pale bar with a solid outline over every
 * day it could fall on, so certainty reads as solid and uncertainty as pale and long. Each mark is
 * one `<g class="mark">` carrying its event id and days, which the tests measure.
 *
 * Every word drawn is a patrol number from the fact base or chrome: row names, legend, month ticks.
 */
import { isoDay } from '../../knowledge/days.ts';
import { CUT_ARROW, layoutTimeline, type LegendItem, type PlacedMark, type PlacedRow, type Timeline, type TimelineLayout } from './layout.ts';
import { FONT_FAMILY, INK, ROW_INK, SIZE, textWidth } from './style.ts';

/** Two decimals: enough for a tenth of a pixel at 2.3× and short enough to keep the SVG small. */
function n(value: number): string {
  return String(Math.round(value * 100) / 100);
}

/** A label keeps clear of the grid lines and marks behind it: the background drawn round each letter first. */
const HALO = `stroke="${INK.background}" stroke-width="3" stroke-linejoin="round" paint-order="stroke"`;

function xml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * ⚖, drawn: the font has no such glyph and resvg draws no colour emoji. Beam, post and foot, and
 * two pans on strings, in a SIZE.icon square whose left edge is `x` and middle `y`.
 */
function scalesIcon(x: number, y: number): string {
  const s = SIZE.icon / 13;
  return (
    `<g class="dispute" transform="translate(${n(x)} ${n(y - SIZE.icon / 2)}) scale(${n(s)})" stroke="${INK.dispute}" stroke-width="1.5" stroke-linecap="round" stroke-linejoin="round" fill="none">` +
    `<path d="M6.5 1.2V11.8M3.5 12.2H9.5M1.8 3.2H11.2M1.8 3.2L0.4 8M1.8 3.2L3.2 8M11.2 3.2L9.8 8M11.2 3.2L12.6 8"/>` +
    `<path d="M0.2 8H3.4Q1.8 10.6 0.2 8ZM9.6 8H12.8Q11.2 10.6 9.6 8Z" fill="${INK.dispute}"/>` +
    `</g>`
  );
}

function markSvg(mark: PlacedMark): string {
  const colour = ROW_INK[mark.event.row];
  const { event, y } = mark;
  const attrs = `class="mark" data-event="${xml(event.id)}" data-row="${event.row}" data-shape="${mark.shape}" data-first="${isoDay(mark.days.first)}" data-last="${isoDay(mark.days.last)}"`;
  const parts: string[] = [];
  if (mark.shape === 'dot') {
    parts.push(`<circle cx="${n((mark.x0 + mark.x1) / 2)}" cy="${n(y)}" r="${SIZE.dot}" fill="${colour}" stroke="${INK.background}" stroke-width="1.5"/>`);
  } else {
    const h = SIZE.bar;
    // The outline is drawn inside the bar's days (inset by half its width) so the bar spans exactly them.
    parts.push(
      `<rect x="${n(mark.x0)}" y="${n(y - h / 2)}" width="${n(mark.x1 - mark.x0)}" height="${h}" rx="${n(Math.min(3, (mark.x1 - mark.x0) / 2))}" fill="${colour}" fill-opacity="0.4" stroke="none"/>`,
      `<rect x="${n(mark.x0 + 0.75)}" y="${n(y - h / 2 + 0.75)}" width="${n(Math.max(0, mark.x1 - mark.x0 - 1.5))}" height="${h - 1.5}" rx="${n(Math.max(0, Math.min(2.25, (mark.x1 - mark.x0) / 2 - 0.75)))}" fill="none" stroke="${colour}" stroke-width="1.5"/>`,
    );
    if (mark.cutBefore) parts.push(`<path class="cut-before" d="M${n(mark.x0 - 1)} ${n(y - 4)}L${n(mark.x0 - CUT_ARROW)} ${n(y)}L${n(mark.x0 - 1)} ${n(y + 4)}Z" fill="${colour}"/>`);
    if (mark.cutAfter) parts.push(`<path class="cut-after" d="M${n(mark.x1 + 1)} ${n(y - 4)}L${n(mark.x1 + CUT_ARROW)} ${n(y)}L${n(mark.x1 + 1)} ${n(y + 4)}Z" fill="${colour}"/>`);
  }
  let x = mark.labelX;
  if (event.label) {
    parts.push(`<text class="label" x="${n(x)}" y="${n(y + SIZE.text * 0.36)}" font-size="${SIZE.text}" font-weight="bold" fill="${INK.text}" ${HALO}>${xml(event.label)}</text>`);
    x += textWidth(event.label, SIZE.text, true) + 3;
  }
  if (event.disputed) parts.push(scalesIcon(x, y));
  return `<g ${attrs}>${parts.join('')}</g>`;
}

function rowSvg(row: PlacedRow, layout: TimelineLayout): string {
  const colour = ROW_INK[row.row.key];
  const title = row.top + SIZE.rowTitle - 7;
  const grid = layout.ticks
    .filter((t) => t.line)
    .map((t) => `<line x1="${n(t.x)}" y1="${n(row.lanesTop)}" x2="${n(t.x)}" y2="${n(row.bottom)}" stroke="${INK.grid}" stroke-width="1"/>`);
  const breaks = layout.axis.collapsed.map(
    (c) => `<line x1="${n(c.x)}" y1="${n(row.lanesTop)}" x2="${n(c.x)}" y2="${n(row.bottom)}" stroke="${INK.grid}" stroke-width="1.5" stroke-dasharray="2 3"/>`,
  );
  return (
    `<g class="row" data-row="${row.row.key}" data-count="${row.count}">` +
    grid.join('') +
    breaks.join('') +
    `<circle cx="${n(SIZE.margin + 5)}" cy="${n(title - SIZE.text * 0.33)}" r="5" fill="${colour}"/>` +
    `<text x="${n(SIZE.margin + 15)}" y="${n(title)}" font-size="${SIZE.text}" font-weight="bold" fill="${INK.text}">${xml(row.row.name)}</text>` +
    `</g>`
  );
}

function axisSvg(layout: TimelineLayout): string {
  const { axis, axisY } = layout;
  const parts: string[] = [];
  for (const s of axis.segments) {
    parts.push(`<line x1="${n(s.x - SIZE.segmentPad + 2)}" y1="${n(axisY)}" x2="${n(s.end + SIZE.segmentPad - 2)}" y2="${n(axisY)}" stroke="${INK.axis}" stroke-width="1.5"/>`);
  }
  for (const c of axis.collapsed) {
    // The usual axis break: two slashes where time was left out.
    parts.push(`<path class="break" d="M${n(c.x - 5)} ${n(axisY + 6)}L${n(c.x - 1)} ${n(axisY - 6)}M${n(c.x + 1)} ${n(axisY + 6)}L${n(c.x + 5)} ${n(axisY - 6)}" stroke="${INK.axis}" stroke-width="1.5" fill="none"/>`);
  }
  for (const t of layout.ticks) {
    if (t.line) parts.push(`<line x1="${n(t.x)}" y1="${n(axisY)}" x2="${n(t.x)}" y2="${n(axisY + 5)}" stroke="${INK.axis}" stroke-width="1.5"/>`);
    if (t.label) parts.push(`<text class="tick" x="${n(t.x + 2)}" y="${n(axisY + 20)}" font-size="${SIZE.text}" fill="${INK.text}">${xml(t.label)}</text>`);
    if (t.context) parts.push(`<text class="tick" x="${n(t.x + 2)}" y="${n(axisY + 37)}" font-size="${SIZE.small}" fill="${INK.muted}">${xml(t.context)}</text>`);
  }
  return `<g class="axis">${parts.join('')}</g>`;
}

function legendSvg(item: LegendItem): string {
  const y = item.y + SIZE.legendLine / 2;
  const sampleInk = INK.muted;
  const samples: Record<LegendItem['key'], string> = {
    dot: `<circle cx="${n(item.x + 6)}" cy="${n(y)}" r="${SIZE.dot}" fill="${sampleInk}"/>`,
    bar: `<rect x="${n(item.x)}" y="${n(y - SIZE.bar / 2)}" width="14" height="${SIZE.bar}" rx="3" fill="${sampleInk}" fill-opacity="0.4"/><rect x="${n(item.x + 0.75)}" y="${n(y - SIZE.bar / 2 + 0.75)}" width="12.5" height="${SIZE.bar - 1.5}" rx="2.25" fill="none" stroke="${sampleInk}" stroke-width="1.5"/>`,
    dispute: scalesIcon(item.x, y),
    cut: `<path d="M${n(item.x + 3)} ${n(y - 5)}L${n(item.x + 11)} ${n(y)}L${n(item.x + 3)} ${n(y + 5)}Z" fill="${sampleInk}"/>`,
    gap: `<path d="M${n(item.x + 2)} ${n(y + 6)}L${n(item.x + 6)} ${n(y - 6)}M${n(item.x + 8)} ${n(y + 6)}L${n(item.x + 12)} ${n(y - 6)}" stroke="${INK.axis}" stroke-width="1.5" fill="none"/>`,
  };
  return `<g class="legend" data-key="${item.key}">${samples[item.key]}<text x="${n(item.x + 18)}" y="${n(y + SIZE.small * 0.35)}" font-size="${SIZE.small}" fill="${INK.muted}">${xml(item.text)}</text></g>`;
}

export function layoutSvg(layout: TimelineLayout): string {
  const { width, height } = layout;
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${FONT_FAMILY}" ` +
    `data-px-per-day="${layout.axis.pxPerDay}" data-first="${isoDay(layout.range.first)}" data-last="${isoDay(layout.range.last)}">` +
    `<rect width="${width}" height="${height}" fill="${INK.background}"/>` +
    layout.rows.map((r) => rowSvg(r, layout)).join('') +
    axisSvg(layout) +
    `<g class="marks">${layout.marks.map(markSvg).join('')}</g>` +
    layout.legend.map(legendSvg).join('') +
    `</svg>`
  );
}

/** The SVG of a timeline, or null when none of its events lies in its range. */
export function timelineSvg(timeline: Timeline): string | null {
  const layout = layoutTimeline(timeline);
  return layout ? layoutSvg(layout) : null;
}
