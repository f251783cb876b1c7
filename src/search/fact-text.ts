/**
 * The facts' own words — statement and quote — in one MiniSearch. Everything a fact points to (its
 * places, source, claimant, patrols, kind, tags) is in the names index instead (names.ts).
 *
 * The statement counts most: a fact *about* human shields says so in its statement; one whose quote
 * mentions them in passing ranks below it.
 */
import MiniSearch, { type Options } from 'minisearch';
import type { Fact } from '../domain/types.ts';
import type { Steps } from './slices.ts';
import { asIs, splitWords, termProcessor } from './terms.ts';

export const TEXT_BOOST = { statement: 3, quote: 1.5 } as const;

/** The part of an index worth caching (cache.ts): the facts' index and how many facts use each term. */
export interface TextParts {
  readonly text: MiniSearch<number>;
  readonly frequencies: ReadonlyMap<string, number>;
}

const FACTS_PER_STEP = 32;

/** Index every fact, pausing every few dozen (see slices.ts). */
export function* buildTextParts(facts: readonly Fact[]): Steps<TextParts> {
  const builder = new FactTextBuilder(facts);
  for (let i = 0; i < facts.length; i++) {
    builder.text.add(i);
    if (i % FACTS_PER_STEP === FACTS_PER_STEP - 1) yield;
  }
  return builder.finish();
}

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

/**
 * Indexes facts and counts, as it goes, how many facts use each term (the vocabulary's frequencies).
 * MiniSearch reads a fact's field through `extractField` before it passes that field's words to
 * `processTerm`, so the counter knows whose words it sees: one pass over every word, not two.
 */
class FactTextBuilder {
  readonly text: MiniSearch<number>;
  readonly #counts = new Map<string, { df: number; last: number }>();
  #processTerm = termProcessor();
  #reading = -1;

  constructor(facts: readonly Fact[]) {
    const options = factTextOptions(facts);
    this.text = new MiniSearch<number>({
      ...options,
      extractField: (position, field) => {
        this.#reading = position;
        return options.extractField!(position, field);
      },
      processTerm: (word) => {
        const terms = this.#processTerm(word);
        for (const term of terms) this.#count(term);
        return terms;
      },
    });
  }

  /** Each fact counts once for a term, however often it uses it. */
  #count(term: string): void {
    let count = this.#counts.get(term);
    if (count === undefined) this.#counts.set(term, (count = { df: 0, last: -1 }));
    if (count.last !== this.#reading) {
      count.last = this.#reading;
      count.df++;
    }
  }

  /** The index and the counts; the memo of every word seen is let go (the index keeps its options). */
  finish(): TextParts {
    const frequencies = new Map([...this.#counts].map(([term, { df }]) => [term, df]));
    this.#counts.clear();
    this.#processTerm = termProcessor();
    return { text: this.text, frequencies };
  }
}
