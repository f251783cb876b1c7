/**
 * Free-text search over facts as both /search and its autocomplete use it: the full-text index, with
 * facts at a place the query names ranked up.
 */
import { entityKey } from './fact-fields.ts';
import type { PlaceDirectory } from './places.ts';
import type { TextHit, TextIndex } from './text-index.ts';

/**
 * Score factor for facts at a place the query names: "Ain Hour" should rank the facts *about* Ain
 * Hawr (whose statements may well say "Ain Hawr") above a fact that only passes through it.
 */
const PLACE_NAMED_BOOST = 2;
/** Postings budget for completions and misspellings while a query is being typed. */
const AUTOCOMPLETE_POSTINGS = 150_000;
/** While typing, words in more than this share of the facts are left out if a rarer word remains. */
const AUTOCOMPLETE_COMMON_SHARE = 0.2;

export class FactSearch {
  constructor(
    readonly text: TextIndex,
    private readonly places: PlaceDirectory,
  ) {}

  /**
   * `typing`: the query is being typed (autocomplete), so completions and misspellings get a smaller
   * budget and every keystroke stays cheap; `lastIsPrefix`: complete its last word even when short.
   */
  search(query: string, limit: number, typing?: { readonly lastIsPrefix: boolean }): TextHit[] {
    const named = this.places.mentionedIn(query).map((place) => entityKey('place', place.id));
    return this.text.search(query, limit, {
      ...(typing ? { lastIsPrefix: typing.lastIsPrefix, maxPostings: AUTOCOMPLETE_POSTINGS, skipCommonAbove: AUTOCOMPLETE_COMMON_SHARE } : {}),
      ...(named.length > 0 ? { boost: { entities: named, factor: PLACE_NAMED_BOOST } } : {}),
    });
  }
}
