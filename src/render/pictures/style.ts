/**
 * How the timeline picture looks: its size, type, colours and marks, in SVG user units. The picture
 * is drawn 440 units wide and rasterised at twice that: Discord shows a gallery image 400–550 px
 * wide, so a 14-unit label reads as 13–17 px on a phone, and twice the pixels stay sharp on dense
 * screens (more would only cost rendering time and bytes).
 */

export const WIDTH = 440;
export const PNG_WIDTH = 880;

/**
 * Atkinson Hyperlegible, made for readers with low vision: distinct 1/l/I and 0/O and open
 * shapes, which is what patrol numbers and month names at phone size need. It has no ⚖, so the
 * dispute mark is drawn (scalesIcon below) rather than typed.
 */
export const FONT_FAMILY = 'Atkinson Hyperlegible';

/** Discord's dark card, so the picture sits in the card rather than on it. */
export const INK = {
  background: '#2b2d31',
  text: '#f2f3f5',
  muted: '#b5bac1',
  grid: '#3a3c42',
  axis: '#80848e',
  dispute: '#f0b232',
} as const;

/**
 * One colour per row, from Okabe and Ito's palette, chosen to stay apart under every common
 * colour-vision deficiency (blue against orange above all). Colour is never the only cue: each
 * row is also named and has its own place.
 */
export const ROW_INK = {
  patrols: '#56b4e9',
  attacks: '#e69f00',
  related: '#cc79a7',
  accords: '#009e73',
  other: '#a3a6ad',
} as const;

export const SIZE = {
  margin: 14,
  /** Row names, tick labels, mark labels; the legend is a step smaller. */
  text: 14,
  small: 13,
  rowTitle: 20,
  rowGap: 6,
  /** Vertical distance between lanes of marks. */
  lane: 16,
  /** A crowded row squeezes its lanes so that it is never taller than this many lanes… */
  rowLanes: 3,
  /** …down to this pitch, below which stacked marks could no longer be told apart. */
  minLane: 5,
  /** A row with numbered marks keeps lanes tall enough that its labels never touch. */
  labelledLane: 15,
  dot: 6,
  bar: 10,
  /** Room left and right of each stretch of days, so edge marks are not cut. */
  segmentPad: 9,
  /** The width a collapsed stretch of empty time takes on the axis. */
  gap: 16,
  /** Least room between two tick labels. */
  tickGap: 8,
  axis: 44,
  legendLine: 22,
  /** A disputed mark's ⚖. */
  icon: 13,
} as const;

/** A conservative width of text at `size`: Atkinson's figures and lowercase are about 0.55 em. */
export function textWidth(text: string, size: number, bold = false): number {
  return [...text].length * size * (bold ? 0.62 : 0.58);
}
