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

export class FactSearch {
  constructor(
    readonly text: TextIndex,
    private readonly places: PlaceDirectory,
  ) {}

  /** `lastIsPrefix`: the last word is still being typed (autocomplete). */
  search(query: string, limit: number, lastIsPrefix = false): TextHit[] {
    const named = this.places.mentionedIn(query).map((place) => entityKey('place', place.id));
    return this.text.search(query, limit, { lastIsPrefix, ...(named.length > 0 ? { boost: { entities: named, factor: PLACE_NAMED_BOOST } } : {}) });
  }
}
