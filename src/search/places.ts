/**
 * Places as users type them: resolving `/where` input to a place of the gazetteer, and the `/where`
 * autocomplete. Every spelling (slug, name, aliases) meets under `nameKey`, so "Ain Hour", "ain-hawr",
 * "Ain al-Hawr" and "AIN HAWR" are one place; anything else gets ranked "did you mean" candidates.
 */
import type { FactBase, Place } from '../domain/types.ts';
import { nameKey, normaliseTerms } from '../text/normalise.ts';
import { NameIndex, type NameEntry, type NameSpelling } from './name-index.ts';
import type { ChoiceList } from './suggestion.ts';
import type { PlaceResolution, Suggestion } from './types.ts';

/** How many "did you mean" candidates an unresolved place name gets. */
const MAX_CANDIDATES = 5;
/** Longest place name looked for in free text, in words, and how much of a long text is scanned. */
const MAX_MENTION_WORDS = 6;
const MAX_MENTION_WORDS_SCANNED = 32;

export class PlaceDirectory {
  readonly #places: readonly Place[];
  readonly #bySlug: ReadonlyMap<string, Place>;
  readonly #names: NameIndex;

  private constructor(places: readonly Place[], bySlug: ReadonlyMap<string, Place>, names: NameIndex) {
    this.#places = places;
    this.#bySlug = bySlug;
    this.#names = names;
  }

  /** @param factCounts how many facts concern each place (the more, the earlier it is suggested) */
  static *build(
    { places, placeById }: Pick<FactBase, 'places' | 'placeById'>,
    factCounts: ReadonlyMap<string, number>,
  ): Generator<void, PlaceDirectory, undefined> {
    const spellings = places.map((place): NameSpelling[] => [
      { text: place.name, via: 'name' },
      ...place.aliases.map((alias) => ({ text: alias, via: 'alias' as const })),
      { text: place.id, via: 'id' },
    ]);
    const names = yield* NameIndex.build(spellings, places.map((place) => factCounts.get(place.id) ?? 0));
    return new PlaceDirectory(places, placeById, names);
  }

  resolve(input: string): PlaceResolution {
    const key = nameKey(input);
    if (key.length === 0) return { kind: 'none' };
    // A slug typed exactly as such ("ain-hawr") is reported as found by id; "Ain Hawr" by name.
    const bySlug = this.#bySlug.get(input.trim());
    if (bySlug) return { kind: 'found', place: bySlug, via: 'id', matched: bySlug.id };
    const [exact] = this.#names.exact(key);
    if (exact) {
      const place = this.#places[exact.item]!;
      return { kind: 'found', place, via: exact.via === 'word' ? 'alias' : exact.via, matched: exact.spelling };
    }
    const candidates = new Map<number, Place>();
    for (const entry of this.#names.ranked(key, 'full')) {
      if (candidates.size >= MAX_CANDIDATES) break;
      if (!candidates.has(entry.item)) candidates.set(entry.item, this.#places[entry.item]!);
    }
    return candidates.size > 0 ? { kind: 'suggestions', candidates: [...candidates.values()] } : { kind: 'none' };
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
        for (const entry of this.#names.exact(key)) {
          const place = this.#places[entry.item]!;
          found.set(place.id, place);
        }
      }
    }
    return [...found.values()];
  }

  /** Autocomplete: exact name → exact alias → prefix → fuzzy; the most cited places when empty. */
  suggest(input: string, limit?: number): Suggestion[] {
    return this.#names.suggest(input, limit, (choices, entry) => this.#add(choices, entry));
  }

  #add(choices: ChoiceList, entry: NameEntry): void {
    const place = this.#places[entry.item]!;
    if (choices.hasValue(place.id)) return;
    const shown = entry.via === 'alias' || (entry.via === 'word' && entry.spelling !== place.name) ? ` (${entry.spelling})` : '';
    choices.add(`${place.name}${shown} — ${place.region}`, place.id);
  }
}
