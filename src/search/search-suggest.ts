/**
 * `/search` autocomplete: completions of the word being typed, taken from the index's own term list,
 * then the statements of the facts the query would find. The term list is sorted, so a prefix is one
 * range and RangeTop gives its most frequent terms in O(k log k) — flat whatever the prefix length or
 * vocabulary size; those that follow the words already typed in the facts found come first ("human
 * sh" → "human shields"), the rest by frequency ("pat" → "patrol" before "patrolling").
 */
import type { Fact } from '../domain/types.ts';
import { normaliseTerms } from '../text/normalise.ts';
import { prefixRange } from './sorted-keys.ts';
import { ChoiceList, choiceLimit, truncateValue } from './suggestion.ts';
import type { FactSearch } from './fact-search.ts';
import type { TextHit, TextIndex } from './text-index.ts';
import { searchTerms } from './terms.ts';
import type { Suggestion } from './types.ts';

/** Completions shown before statements, so both kinds fit in 25 choices. */
const MAX_COMPLETIONS_FIRST = 10;
/** Completions considered for the word being typed (the most frequent ones). */
const MAX_COMPLETIONS = 25;

export class SearchSuggester {
  readonly #text: TextIndex;

  constructor(
    private readonly search: FactSearch,
    private readonly facts: readonly Fact[],
    /** Shown when nothing is typed: the most used tags, as words ("human shields"). */
    private readonly starters: readonly string[],
  ) {
    this.#text = search.text;
  }

  suggest(input: string, limit?: number): Suggestion[] {
    const choices = new ChoiceList(choiceLimit(limit));
    const typed = input.replace(/\s+/g, ' ').trimStart();
    if (typed.trim().length === 0) {
      for (const starter of this.starters) choices.add(starter, starter);
      return choices.toArray();
    }
    const completing = !typed.endsWith(' ');
    const lastSpace = typed.lastIndexOf(' ');
    const head = completing ? typed.slice(0, lastSpace + 1).trim() : typed.trim();
    const partial = completing ? (normaliseTerms(typed.slice(lastSpace + 1)).at(-1) ?? '') : '';
    const headHasWords = searchTerms(head).length > 0;

    // Facts the query finds: shown as statements, and used to rank completions by what co-occurs
    // with the words already typed ("human sh" → "human shields" before the commoner "sham").
    // A lone 1-character word would match almost everything: only completions then.
    const searchable = headHasWords || partial.length >= 2 || !completing;
    const hits = searchable ? this.search.search(typed, choices.limit, { lastIsPrefix: completing && partial.length >= 2 }) : [];

    const completions = completing && partial.length > 0 ? this.#completions(head, partial, headHasWords ? hits : []) : [];
    let next = 0;
    while (next < completions.length && next < MAX_COMPLETIONS_FIRST && !choices.full) {
      const completion = completions[next++]!;
      choices.add(completion, completion);
    }
    for (const hit of hits) {
      if (choices.full) break;
      const statement = this.facts[hit.doc]!.statement;
      choices.add(statement, truncateValue(statement));
    }
    while (next < completions.length && !choices.full) {
      const completion = completions[next++]!;
      choices.add(completion, completion);
    }
    return choices.toArray();
  }

  /**
   * The typed text with its last word completed. Completions that follow the last typed word in the
   * facts found ("human sh" → "human shields") come first, then those found with the typed words
   * anywhere, then the most frequent.
   */
  #completions(head: string, partial: string, hits: readonly TextHit[]): string[] {
    const { terms } = this.#text.data;
    const [start, end] = prefixRange(terms, partial);
    const candidates: string[] = [];
    for (const term of this.#text.byFrequency.best(start, end)) {
      if (candidates.length >= MAX_COMPLETIONS) break;
      candidates.push(terms[term]!);
    }
    const lastTyped = searchTerms(head).at(-1);
    const together = new Map<string, number>();
    hits.forEach((hit, rank) => {
      const weight = 1 / (rank + 1);
      for (const term of hit.terms) together.set(term, (together.get(term) ?? 0) + weight);
      if (lastTyped === undefined) return;
      const fact = this.facts[hit.doc]!;
      // Tags count as text here: "suicide b" → "suicide bombing" from a suicide-bombing tag.
      const words = searchTerms(`${fact.statement} ${fact.quote} ${fact.tags.map((tag) => tag.replace(/-/g, ' ')).join(' . ')}`);
      for (let i = 0; i + 1 < words.length; i++) {
        if (words[i] === lastTyped && words[i + 1]!.startsWith(partial)) together.set(words[i + 1]!, (together.get(words[i + 1]!) ?? 0) + 10 * weight);
      }
    });
    const ranked = candidates
      .map((term, byFrequency) => ({ term, byFrequency, together: together.get(term) ?? 0 }))
      .sort((a, b) => b.together - a.together || a.byFrequency - b.byFrequency);
    // Keep the user's own words as typed; only the word being typed is replaced.
    const kept = truncateValue(head, 60);
    return ranked.map(({ term }) => (kept.length > 0 ? `${kept} ${term}` : term));
  }
}
