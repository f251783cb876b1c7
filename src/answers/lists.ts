/**
 * Lists on a card are kept to what a reader takes in without scrolling: entries are added while
 * they fit a character budget, and the rest are counted and reached through the card's menu.
 */
import type { FactBase } from '../domain/types.ts';
import type { Block } from './answer.ts';
import { inlineText } from './answer.ts';
import { Citations } from './citations.ts';

/**
 * Characters of list entries on a card whose whole visible text must stay within 1,000 (`/patrol`,
 * `/attacks`, `/where`, `/search`): the title, the footnotes and the labels take the rest.
 */
export const LIST_BUDGET = 640;
/** The same for the cards allowed 2,000 characters a view (`/timeline`, `/source`, `/help`). */
export const LONG_LIST_BUDGET = 1300;
/** Discord's limit on the options of a select menu. */
export const MENU_MAX = 25;

function blockLength(block: Block): number {
  switch (block.kind) {
    case 'break':
      return 0;
    case 'quote':
      return block.text.length + 4;
    case 'line':
      return block.label.length + 1 + inlineText(block.text).length + 1;
    default:
      return inlineText(block.text).length + 1;
  }
}

/** Characters the blocks show, as a list's budget counts them. */
export function blocksLength(blocks: readonly Block[]): number {
  return blocks.reduce((n, block) => n + blockLength(block), 0);
}

/** An entry of a list, built with the card's citations (so that only shown entries are cited). */
export type Entry = (citations: Citations) => Block;

/**
 * The entries that fit `budget` characters, in order, built with `citations`, and how many were
 * left out. Each entry is measured first with citations of its own, so that a source only an entry
 * left out cites never gets a footnote.
 */
export function fitList(base: FactBase, entries: readonly Entry[], budget: number, citations: Citations): { shown: Block[]; left: number } {
  let used = 0;
  let count = 0;
  for (const entry of entries) {
    const length = blockLength(entry(new Citations(base)));
    if (count > 0 && used + length > budget) break;
    used += length;
    count++;
  }
  return { shown: entries.slice(0, count).map((entry) => entry(citations)), left: entries.length - count };
}

/** "All 2020." when every date on a list shares the year, which the list then leaves out. */
export function yearNote(year: number | undefined): string {
  return year === undefined ? '' : `All ${year}`;
}
