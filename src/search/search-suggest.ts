/**
 * `/search` autocomplete, from the small indexes rather than MiniSearch's `autoSuggest` over whole
 * facts (measured for issue 12: 20 ms a keystroke at p99 at 10,000 facts, up to 860 ms at 100,000).
 * It offers the text with its last word completed — into a name that starts with the last words
 * typed ("human sh" → "human shields", "near ain h" → "near Ain Hawr") or into a word of the
 * vocabulary, most used first — and then the statements of the facts the first completion finds.
 */
import { normaliseTerms } from '../text/normalise.ts';
import type { FactSearch } from './fact-search.ts';
import type { NameIndex } from './names.ts';
import { ChoiceList, choiceLimit, truncateValue } from './suggestion.ts';
import { termQuery } from './terms.ts';
import type { Suggestion } from './types.ts';
import type { Vocabulary } from './vocabulary.ts';

/** Completions shown before statements, so both kinds fit in 25 choices. */
const MAX_COMPLETIONS_FIRST = 10;
/** Completions considered for the word being typed. */
const MAX_COMPLETIONS = 25;
/** Kept of the words already typed, so that a completion stays a choice value (≤ 100 characters). */
const MAX_HEAD = 60;

interface Completion {
  readonly text: string;
  /** Ranked by how many typed words it continues (a name that follows the word before: 2), how used it is, and a display name before an alias. */
  readonly words: number;
  readonly facts: number;
  readonly alias: boolean;
}

export class SearchSuggester {
  constructor(
    private readonly search: FactSearch,
    private readonly vocabulary: Vocabulary,
    private readonly names: NameIndex,
    /** Shown when nothing is typed: the most used tags, as words ("human shields"). */
    private readonly starters: readonly string[],
  ) {}

  suggest(input: string, limit?: number): Suggestion[] {
    const choices = new ChoiceList(choiceLimit(limit));
    const typed = input.replace(/\s+/g, ' ').trimStart();
    if (typed.trim() === '') {
      for (const starter of this.starters) choices.add(starter, starter);
      return choices.toArray();
    }
    const completions = typed.endsWith(' ') ? [] : this.#completions(typed);
    const { hits } = this.search.search(completions[0] ?? typed, choices.limit, { typing: true });
    let next = 0;
    while (next < completions.length && next < MAX_COMPLETIONS_FIRST && !choices.full) choices.add(completions[next]!, completions[next++]!);
    for (const hit of hits) choices.add(hit.fact.statement, truncateValue(hit.fact.statement));
    while (next < completions.length && !choices.full) choices.add(completions[next]!, completions[next++]!);
    return choices.toArray();
  }

  /** The typed text with its last word completed, best first; the words before it kept as typed. */
  #completions(typed: string): string[] {
    const words = typed.split(' ');
    const partial = normaliseTerms(words.at(-1)!).at(-1);
    if (partial === undefined) return [];
    const previous = words.length > 1 ? normaliseTerms(words.at(-2)!).at(-1) : undefined;
    const found: Completion[] = [];
    // A name that continues the last two words typed, else one that starts with the last word.
    if (previous !== undefined) found.push(...this.#names(words.slice(0, -2), [previous, partial]));
    if (found.length === 0) found.push(...this.#names(words.slice(0, -1), [partial]));
    const head = truncateValue(words.slice(0, -1).join(' '), MAX_HEAD);
    for (const term of this.vocabulary.completions(partial, MAX_COMPLETIONS)) {
      found.push({ text: head === '' ? term : `${head} ${term}`, words: 1, facts: this.vocabulary.frequency(term), alias: false });
    }
    found.sort((a, b) => b.words - a.words || b.facts - a.facts || Number(a.alias) - Number(b.alias));
    return [...new Set(found.map((completion) => completion.text))].slice(0, MAX_COMPLETIONS);
  }

  /** Names (not source titles: too long to be a query) whose words start with `window`, the last one completed. */
  #names(before: readonly string[], window: readonly string[]): Completion[] {
    const key = window.join(' ');
    const head = truncateValue(before.join(' '), MAX_HEAD);
    return this.names
      .spellingsMatching(termQuery(window), { fields: ['place', 'other'], combineWith: 'AND', prefix: (_term, i, all) => i === all.length - 1, fuzzy: false })
      .filter(({ spelling }) => spelling.key.startsWith(key))
      .map(({ spelling, entity }) => ({
        text: head === '' ? spelling.text : `${head} ${spelling.text}`,
        words: window.length,
        facts: entity.facts.length,
        alias: spelling.via !== 'name',
      }));
  }
}
