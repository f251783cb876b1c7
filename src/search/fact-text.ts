/**
 * The facts' own words — statement and quote — in one MiniSearch. Everything a fact points to (its
 * places, source, claimant, patrols, kind, tags) is in the names index instead (names.ts).
 *
 * The statement counts most: a fact *about* human shields says so in its statement; one whose quote
 * mentions them in passing ranks below it.
 */
import MiniSearch, { type Options } from 'minisearch';
import type { Fact } from '../domain/types.ts';
import { asIs, splitWords, termProcessor } from './terms.ts';

export const TEXT_BOOST = { statement: 3, quote: 1.5 } as const;

/**
 * The options the facts index is built with — and, as MiniSearch requires, loaded back from its
 * cached JSON with. Documents are positions in `facts` (a result's id is one: no look-up by fact id,
 * and scores can be summed in arrays); `processTerm` normalises word by word (terms.ts).
 */
export function factTextOptions(facts: readonly Fact[] = []): Options<number> {
  return {
    fields: Object.keys(TEXT_BOOST),
    extractField: (position, field) => (field === 'id' ? position : facts[position]![field as keyof typeof TEXT_BOOST]),
    tokenize: splitWords,
    processTerm: termProcessor(),
    // Queries arrive as terms already (see termQuery in terms.ts).
    searchOptions: { boost: { ...TEXT_BOOST }, tokenize: splitWords, processTerm: asIs },
  };
}

/** An empty facts index, to which the facts are added by position. */
export function emptyFactText(facts: readonly Fact[]): MiniSearch<number> {
  return new MiniSearch<number>(factTextOptions(facts));
}
