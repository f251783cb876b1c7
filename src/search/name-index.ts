/**
 * A small index of names (places, sources) for resolving what a user typed and for autocomplete:
 * every spelling of every item under its normalised key (`nameKey`), plus each later word of a
 * multi-word name so that "hawr" finds "Ain Hawr". Keys are sorted, so exact lookup and prefix ranges
 * are binary searches; a RangeTop over the keys gives the most useful items of any prefix range in
 * O(k log k) — a 1-character prefix costs the same as a 10-character one, whatever the base's size.
 */
import { nameKey } from '../text/normalise.ts';
import { fuzzyBound, fuzzyKeys, type FuzzyMatch } from './fuzzy-keys.ts';
import { RangeTop } from './range-top.ts';
import { lowerBound, prefixRange } from './sorted-keys.ts';
import { STOP_WORDS } from './stop-words.ts';
import { ChoiceList, choiceLimit } from './suggestion.ts';
import { NameKeys } from './terms.ts';
import type { Suggestion } from './types.ts';
import { float64Map, range } from './arrays.ts';

/** How a key was derived from its item: a slug, the display name, an alias, or a later word of one. */
export type NameVia = 'id' | 'name' | 'alias' | 'word';

export interface NameSpelling {
  readonly text: string;
  readonly via: Exclude<NameVia, 'word'>;
}

export interface NameEntry {
  readonly key: string;
  readonly item: number;
  readonly via: NameVia;
  /** The spelling this key came from, as written in the knowledge files. */
  readonly spelling: string;
}

export interface FuzzyEntry extends NameEntry {
  readonly distance: number;
}

/** Items whose names are keyed between two chances for the async builder to yield. */
const ITEMS_PER_STEP = 256;

/** Priority among exact matches of one key: a display name beats an alias beats a slug. */
const VIA_ORDER: Readonly<Record<NameVia, number>> = { name: 0, alias: 1, id: 2, word: 3 };

export class NameIndex {
  readonly keys: readonly string[];
  readonly entries: readonly NameEntry[];
  readonly #best: RangeTop;
  /** Every item under its display name, most popular first: what an empty key stands for. */
  readonly #popular: readonly NameEntry[];

  private constructor(entries: NameEntry[], popularity: ArrayLike<number>, displayNames: readonly string[]) {
    this.entries = entries;
    this.keys = entries.map((e) => e.key);
    // Whole-name keys before later-word keys, then the more popular item.
    const rank = float64Map(entries, (e) => (e.via === 'word' ? 0 : 2 ** 40) + (popularity[e.item] ?? 0));
    this.#best = new RangeTop(rank);
    this.#popular = range(displayNames.length)
      .sort((a, b) => (popularity[b] ?? 0) - (popularity[a] ?? 0) || a - b)
      .map((item): NameEntry => ({ key: '', item, via: 'name', spelling: displayNames[item]! }));
  }

  /**
   * Build from every spelling of item i (at index i) and how much each item is worth showing first
   * (e.g. how many facts cite it); a generator that pauses every few hundred items.
   */
  static *build(spellings: ReadonlyArray<readonly NameSpelling[]>, popularity: ArrayLike<number>): Generator<void, NameIndex, undefined> {
    const entries: NameEntry[] = [];
    // The same keys as nameKey (what user input is resolved with), each distinct word folded once.
    const keys = new NameKeys();
    // Spellings of one item often fold alike ("M4", "M-4"): each key once per item (and kind).
    const wholeKeys = new Set<string>();
    const wordKeys = new Set<string>();
    for (let item = 0; item < spellings.length; item++) {
      wholeKeys.clear();
      wordKeys.clear();
      for (const { text, via } of spellings[item]!) {
        const key = keys.key(text);
        if (key.length === 0 || wholeKeys.has(key)) continue;
        wholeKeys.add(key);
        entries.push({ key, item, via, spelling: text });
        // Later words of a multi-word name: "ain hawr" is also found from "hawr" (but a slug is
        // typed from its start, and nobody looks a title up from "on the …").
        if (via === 'id') continue;
        for (let space = key.indexOf(' '); space >= 0; space = key.indexOf(' ', space + 1)) {
          const word = key.slice(space + 1);
          if (wordKeys.has(word) || STOP_WORDS.has(word.slice(0, word.indexOf(' ') >>> 0))) continue;
          wordKeys.add(word);
          entries.push({ key: word, item, via: 'word', spelling: text });
        }
      }
      if (item % ITEMS_PER_STEP === ITEMS_PER_STEP - 1) yield;
    }
    entries.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : VIA_ORDER[a.via] - VIA_ORDER[b.via] || a.item - b.item));
    yield;
    const displayNames = spellings.map((item) => (item.find((s) => s.via === 'name') ?? item[0])?.text ?? '');
    return new NameIndex(entries, popularity, displayNames);
  }

  /** Entries whose key is exactly `key` (whole names only), name before alias before slug. */
  exact(key: string): NameEntry[] {
    const out: NameEntry[] = [];
    for (let i = lowerBound(this.keys, key); i < this.keys.length && this.keys[i] === key; i++) {
      const entry = this.entries[i]!;
      if (entry.via !== 'word') out.push(entry);
    }
    return out;
  }

  /** Entries whose key starts with `key`, whole names first, then by popularity; lazily. */
  *prefix(key: string): Generator<NameEntry, void, undefined> {
    const [start, end] = prefixRange(this.keys, key);
    for (const i of this.#best.best(start, end)) yield this.entries[i]!;
  }

  /** Entries within `maxDistance` edits of `key` (whole key, or a start of it in prefix mode). */
  fuzzy(key: string, maxDistance: number, mode: 'full' | 'prefix', cap = 512): FuzzyEntry[] {
    if (maxDistance <= 0) return [];
    return fuzzyKeys(this.keys, key, { maxDistance, mode, limit: cap }).map((match: FuzzyMatch) => ({
      ...this.entries[match.index]!,
      distance: match.distance,
    }));
  }

  /**
   * Everything a typed key may stand for, best first: exact whole names (name, alias, slug), then
   * keys starting with it, then close misspellings — nearest first, whole names before later words,
   * shorter keys first; for an empty key, every item by popularity under its display name. Lazy, and
   * an item may come more than once: callers take what they need and skip what they already have.
   */
  *ranked(key: string, fuzzyMode: 'full' | 'prefix'): Generator<NameEntry, void, undefined> {
    if (key.length === 0) {
      yield* this.#popular;
      return;
    }
    yield* this.exact(key);
    yield* this.prefix(key);
    yield* this.fuzzy(key, fuzzyBound(key.length), fuzzyMode).sort(
      (a, b) => a.distance - b.distance || Number(a.via === 'word') - Number(b.via === 'word') || a.key.length - b.key.length,
    );
  }

  /**
   * Autocomplete for what a user typed: the `ranked` entries of its key (misspellings matched as
   * prefixes, since the user is still typing), each offered to `add`, until `limit` choices are taken.
   */
  suggest(input: string, limit: number | undefined, add: (choices: ChoiceList, entry: NameEntry) => void): Suggestion[] {
    const choices = new ChoiceList(choiceLimit(limit));
    for (const entry of this.ranked(nameKey(input), 'prefix')) {
      if (choices.full) break;
      add(choices, entry);
    }
    return choices.toArray();
  }
}
