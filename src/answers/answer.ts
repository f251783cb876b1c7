/**
 * The platform-neutral answer every command returns: a card. It is data, not text with markup: the
 * Discord renderer draws it as a Components V2 container, the terminal renderer as plain text, so
 * both always say the same thing.
 *
 * A card answers first (its title and lead), then gives a few labelled lines, cites its sources
 * once as numbered footnotes, and says once what was inferred. Quotes and disputes are not on the
 * card: they are panels (answers of their own) that its actions open.
 */
import type { Target } from './query.ts';

/**
 * Inline text. Our words are plain strings; what a user typed is kept apart so that each renderer
 * can neutralise it (Discord: markdown, mentions and links; terminal: control characters);
 * citation markers are numbers into the card's footnotes.
 */
export type InlinePart =
  | string
  | { readonly user: string }
  | { readonly cite: readonly number[] }
  /** Our text, emphasised (a patrol number, a matched word). */
  | { readonly strong: string };
export type Inline = readonly InlinePart[];

export type Block =
  /** A paragraph. */
  | { readonly kind: 'para'; readonly text: Inline }
  /** A labelled line: "**Route** Tronba → Ain Hawr [1]"; `disputed` lines show the sides in `text`. */
  | { readonly kind: 'line'; readonly label: string; readonly text: Inline; readonly disputed?: boolean }
  /** One entry of a list. */
  | { readonly kind: 'item'; readonly text: Inline; readonly disputed?: boolean }
  /** A source's words, verbatim. */
  | { readonly kind: 'quote'; readonly text: string; readonly by?: string }
  /** A heading inside the card (a source in the quotes panel, a month in the timeline). */
  | { readonly kind: 'subheading'; readonly text: Inline }
  /** Small print. */
  | { readonly kind: 'small'; readonly text: Inline }
  /** A separator between parts of the card. */
  | { readonly kind: 'break' };

/** A source, cited once per card: "[1] SouthFront, 22–24 Jul 2020". */
export interface Footnote {
  readonly n: number;
  readonly text: string;
  /** The source cited, so that a panel can number its sources as the card did. */
  readonly sourceId: string;
}

/** A button under the card. */
export type Action =
  /** Open the card's quotes & sources panel, or its disputes panel (worked out from the card's target), for whoever presses. */
  | { readonly kind: 'panel'; readonly panel: 'quotes' | 'disputes'; readonly label: string; readonly emoji?: string }
  /** Open another card: the next patrol, a place, all attacks. */
  | { readonly kind: 'open'; readonly label: string; readonly emoji?: string; readonly target: Target };

/** A select menu under the card: "Open a patrol…". */
export interface Menu {
  readonly placeholder: string;
  readonly options: readonly MenuOption[];
}

export interface MenuOption {
  readonly label: string;
  readonly description?: string;
  readonly emoji?: string;
  readonly target: Target;
}

/** A picture the card carries, drawn by the render layer from the fact base. */
export interface Picture {
  readonly kind: 'timeline';
  /** Inclusive bounds (YYYY-MM-DD) of the range drawn; open when absent. */
  readonly from?: string;
  readonly to?: string;
}

export type AnswerKind = 'ok' | 'not-found' | 'invalid-input';

export interface Answer {
  /** What was asked: the card's own target, which panels and re-renders are computed from. */
  readonly target: Target;
  readonly kind: AnswerKind;
  /** The heading, which answers the question ("Patrol 22 · 22 July 2020"). Never holds user input. */
  readonly title: string;
  readonly blocks: readonly Block[];
  readonly footnotes: readonly Footnote[];
  /** What was inferred (a date, a patrol number), said once for the whole card. */
  readonly notes: readonly string[];
  readonly actions: readonly Action[];
  readonly menu?: Menu;
  readonly picture?: Picture;
  /** What the card stands on, for its panels: never shown on the card itself. */
  readonly evidence?: Evidence;
}

/** The facts a card rests on and how its inferences were made: what its two panels show. */
export interface Evidence {
  /** Ids of the facts, in the order the card tells them. */
  readonly facts: readonly string[];
  /** How a date, a patrol number or the grouping of reports was worked out, in the knowledge files' words. */
  readonly readings: readonly string[];
}

/** What the user typed, as a user part; cut to `max` characters with "…" where an answer bounds its echo. */
export function user(text: string, max = Infinity): InlinePart {
  const chars = [...text];
  return { user: chars.length > max ? `${chars.slice(0, max).join('')}…` : text };
}

/** The inline text as plain text: user parts as typed, citations as [1][2], emphasis dropped. */
export function inlineText(text: Inline): string {
  return text.map(partText).join('');
}

export function partText(part: InlinePart): string {
  if (typeof part === 'string') return part;
  if ('user' in part) return part.user;
  if ('strong' in part) return part.strong;
  return citeText(part.cite);
}

/** [1][2]: one marker per footnote. */
export function citeText(numbers: readonly number[]): string {
  return numbers.map((n) => `[${n}]`).join('');
}

/** A card that says something went wrong with what was asked, with a hint at what to do. */
export function noticeAnswer(target: Target, kind: Exclude<AnswerKind, 'ok'>, title: string, text: Inline, hint?: Inline, extra: Partial<Answer> = {}): Answer {
  const blocks: Block[] = [{ kind: 'para', text }];
  if (hint && hint.length > 0) blocks.push({ kind: 'small', text: hint });
  return { target, kind, title, blocks, footnotes: [], notes: [], actions: [], ...extra };
}
