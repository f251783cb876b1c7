/**
 * Places as users type them: resolving `/where` input to a place of the gazetteer, spotting places
 * named in a query, and the `/where` autocomplete. Every spelling (slug, name, aliases) meets under
 * `nameKey`, so "Ain Hour", "ain-hawr", "Ain al-Hawr" and "AIN HAWR" are one place: that is a look-up
 * in a map. Anything else is a search of the names index for "did you mean" candidates.
 */
import type { FactBase, Place } from '../domain/types.ts';
import { closest } from '../knowledge/issues.ts';
import { foldText, nameKey, normaliseTerms } from '../text/normalise.ts';
import type { Entity } from './entities.ts';
import type { NameIndex, Spelling } from './names.ts';
import { ChoiceList, choiceLimit } from './suggestion.ts';
import type { PlaceResolution, Suggestion } from './types.ts';

/** How many "did you mean" candidates an unresolved place name gets. */
const MAX_CANDIDATES = 5;
/** Longest place name looked for in free text, in words, and how much of a long text is scanned. */
const MAX_MENTION_WORDS = 6;
const MAX_MENTION_WORDS_SCANNED = 32;

export class PlaceDirectory {
  /** Every spelling's key, to the place and the spelling (name before alias before slug). */
  readonly #byKey = new Map<string, { readonly place: Place; readonly spelling: Spelling }>();
  /** The same with the spaces taken out ("ainhawr"), as a name is typed run together; null where two places meet. */
  readonly #byJoinedKey = new Map<string, { readonly place: Place; readonly spelling: Spelling } | null>();
  /** Places by how many facts are at them: what an empty /where suggests. */
  readonly #popular: readonly Place[];

  constructor(
    private readonly base: FactBase,
    private readonly names: NameIndex,
    places: ReadonlyMap<string, Entity>,
  ) {
    for (const spelling of names.spellings) {
      const place = spelling.field === 'place' ? base.placeById.get(spelling.entity.id) : undefined;
      if (place && !this.#byKey.has(spelling.key)) this.#byKey.set(spelling.key, { place, spelling });
    }
    for (const place of base.places) {
      for (const text of [place.name, ...place.aliases]) {
        const found = this.#byKey.get(nameKey(text));
        // With and without its article: "AinHawr", "AinalHawr".
        for (const joined of new Set([nameKey(text), foldText(text)].map((key) => key.replaceAll(' ', '')))) {
          const other = this.#byJoinedKey.get(joined);
          if (other === undefined && found?.place === place) this.#byJoinedKey.set(joined, found);
          else if (other && other.place !== place) this.#byJoinedKey.set(joined, null);
        }
      }
    }
    const facts = (place: Place) => places.get(place.id)?.facts.length ?? 0;
    this.#popular = [...base.places].sort((a, b) => facts(b) - facts(a));
  }

  resolve(input: string): PlaceResolution {
    const key = nameKey(input);
    if (key.length === 0) return { kind: 'none' };
    // A slug typed exactly as such ("ain-hawr") is reported as found by id; "Ain Hawr" by name.
    const bySlug = this.base.placeById.get(input.trim());
    if (bySlug) return { kind: 'found', place: bySlug, via: 'id', matched: bySlug.id };
    const exact = this.#exact(key);
    if (exact) return { kind: 'found', place: exact.place, via: exact.spelling.via, matched: exact.spelling.text };
    const candidates = this.names.complete(input, 'place').slice(0, MAX_CANDIDATES);
    if (candidates.length > 0) return { kind: 'suggestions', candidates: candidates.map((match) => this.#place(match.spelling)) };
    // "AinHowr": a misspelling of a name typed run together.
    const near = closest(key.replaceAll(' ', ''), this.#byJoinedKey.keys());
    const guess = near === undefined ? undefined : this.#byJoinedKey.get(near);
    return guess ? { kind: 'suggestions', candidates: [guess.place] } : { kind: 'none' };
  }

  /** The spelling whose key is `key`, or, with the spaces taken out, the one place's spelling that reads so. */
  #exact(key: string): { readonly place: Place; readonly spelling: Spelling } | undefined {
    return this.#byKey.get(key) ?? this.#byJoinedKey.get(key.replaceAll(' ', '')) ?? undefined;
  }

  /**
   * Places named in free text: every run of up to 6 consecutive words whose key is exactly a
   * place's name, alias or slug ("attacks near Ain Hour" → ain-hawr).
   */
  mentionedIn(text: string): Place[] {
    const words = normaliseTerms(text).slice(0, MAX_MENTION_WORDS_SCANNED);
    const found = new Map<string, Place>();
    for (let start = 0; start < words.length; start++) {
      let key = '';
      for (let end = start; end < Math.min(words.length, start + MAX_MENTION_WORDS); end++) {
        key = end === start ? words[end]! : `${key} ${words[end]}`;
        const place = this.#byKey.get(key)?.place;
        if (place) found.set(place.id, place);
      }
    }
    return [...found.values()];
  }

  /** Autocomplete: an exact name or alias first, then the names index's matches; the most cited places when empty. */
  suggest(input: string, limit?: number): Suggestion[] {
    const choices = new ChoiceList(choiceLimit(limit));
    if (nameKey(input) === '') {
      for (const place of this.#popular) choices.add(`${place.name} — ${place.region}`, place.id);
      return choices.toArray();
    }
    const exact = this.#exact(nameKey(input));
    if (exact) this.#add(choices, exact.spelling);
    for (const match of this.names.complete(input, 'place')) {
      if (choices.full) break;
      this.#add(choices, match.spelling);
    }
    return choices.toArray();
  }

  #place(spelling: Spelling): Place {
    return this.base.placeById.get(spelling.entity.id)!;
  }

  /** The place as a choice, with the alias it was found by ("Ain Hawr (Ain Hour) — …"). */
  #add(choices: ChoiceList, spelling: Spelling): void {
    const place = this.#place(spelling);
    if (choices.hasValue(place.id)) return;
    const shown = spelling.via === 'alias' ? ` (${spelling.text})` : '';
    choices.add(`${place.name}${shown} — ${place.region}`, place.id);
  }
}
