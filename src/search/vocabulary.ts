/**
 * Every indexed term with the number of facts it reaches, in their own words or through a name they
 * point to. Kept in MiniSearch's SearchableMap (a radix tree), so that the completions of a prefix
 * are one subtree. It answers what the search engine itself does not expose: how common a query
 * word is (searches leave very common words out when rarer ones were typed, see fact-search.ts), and
 * which whole words complete the word being typed into /search.
 */
import SearchableMap from 'minisearch/SearchableMap';
import type { Entity } from './entities.ts';
import type { NameIndex } from './names.ts';
import { splitWords, termProcessor } from './terms.ts';

export class Vocabulary {
  readonly #terms = new SearchableMap<number>();

  /**
   * @param text how many facts use each term in their own words (counted while indexing them, see
   *   fact-text.ts); to which each name's terms add the facts that point to it (capped at the fact count)
   */
  constructor(text: ReadonlyMap<string, number>, names: NameIndex, factCount: number) {
    for (const [term, df] of text) this.#terms.set(term, df);
    const processTerm = termProcessor();
    // A term in several spellings of one place ("ain" in Ain Hawr, Ain Hour…) counts its facts once.
    const termsOf = new Map<Entity, Set<string>>();
    for (const spelling of names.spellings) {
      if (spelling.entity.facts.length === 0) continue;
      const terms = termsOf.get(spelling.entity) ?? new Set<string>();
      for (const term of splitWords(spelling.text).flatMap(processTerm)) terms.add(term);
      termsOf.set(spelling.entity, terms);
    }
    for (const [entity, terms] of termsOf) {
      for (const term of terms) this.#terms.update(term, (df = 0) => Math.min(factCount, df + entity.facts.length));
    }
  }

  /** How many facts a term reaches; 0 for a word the fact base never uses. */
  frequency(term: string): number {
    return this.#terms.get(term) ?? 0;
  }

  /**
   * How many facts a query word can reach — itself, its completions if `prefix`, and for a word the
   * base does not know its near spellings up to `fuzzy` edits — added up until past `cap`.
   */
  reach(term: string, prefix: boolean, fuzzy: number, cap: number): number {
    let total = this.frequency(term);
    if (prefix) {
      for (const [completion, df] of this.#terms.atPrefix(term)) {
        if (completion !== term) total += df;
        if (total > cap) return total;
      }
    }
    if (fuzzy > 0) for (const [df] of this.#terms.fuzzyGet(term, fuzzy).values()) total += df;
    return total;
  }

  /** Terms that start with `prefix`, the most used first (ties alphabetically). */
  completions(prefix: string, limit: number): string[] {
    const found = [...this.#terms.atPrefix(prefix)];
    found.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
    return found.slice(0, limit).map(([term]) => term);
  }
}
