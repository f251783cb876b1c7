/**
 * The fixed, seeded mix of what users ask: patrol numbers (known and unknown), place spellings with
 * typos, search phrases taken from the facts (some mistyped), date ranges and source ids — and the
 * text typed into autocomplete, keystroke by keystroke.
 */
import type { CommandName } from '../src/answers/index.ts';
import type { FactBase, Place } from '../src/domain/types.ts';
import { STOP_WORDS } from '../src/search/stop-words.ts';
import { createRandom, type Random } from './prng.ts';

export interface CommandCase {
  readonly command: CommandName;
  readonly values: Readonly<Record<string, string | number | undefined>>;
}

/** Phrases users are expected to type whatever the base holds. */
const FIXED_PHRASES = ['human shields', 'suicide bombing', 'joint patrol attacked', 'Ain Hour', 'armoured vehicle damaged', 'M4 highway'];
const LETTERS = 'abcdefghijklmnopqrstuvwxyz';

/** One slip of the fingers: swap two neighbours, drop, double or replace a letter. */
function typo(random: Random, word: string): string {
  if (word.length < 4) return word;
  const at = random.int(1, word.length - 2);
  switch (random.int(0, 3)) {
    case 0:
      return word.slice(0, at) + word[at + 1] + word[at] + word.slice(at + 2);
    case 1:
      return word.slice(0, at) + word.slice(at + 1);
    case 2:
      return word.slice(0, at) + word[at] + word.slice(at);
    default:
      return word.slice(0, at) + random.pick([...LETTERS]) + word.slice(at + 1);
  }
}

/** How a user might write a place: any spelling, any case, hyphens or spaces, sometimes a typo. */
function placeSpelling(random: Random, place: Place): string {
  let text = random.pick([place.name, place.name, ...place.aliases, place.id]);
  const style = random.next();
  if (style < 0.15) text = text.toLowerCase();
  else if (style < 0.25) text = text.toUpperCase();
  else if (style < 0.35) text = text.replace(/ /g, '-');
  if (random.chance(0.3)) {
    const words = text.split(' ');
    const i = random.int(0, words.length - 1);
    words[i] = typo(random, words[i]!);
    text = words.join(' ');
  }
  return text;
}

/** 1–3 consecutive meaningful words of a fact's statement, sometimes mistyped. */
function searchPhrase(random: Random, base: FactBase): string {
  if (random.chance(0.1)) return random.pick(FIXED_PHRASES);
  const fact = random.pick(base.facts);
  const words = fact.statement
    .split(/\s+/)
    .map((w) => w.replace(/[^\p{L}\p{N}'-]/gu, ''))
    .filter((w) => w.length >= 3 && !STOP_WORDS.has(w.toLowerCase()));
  if (words.length === 0) return random.pick(FIXED_PHRASES);
  const length = Math.min(words.length, random.int(1, 3));
  const start = random.int(0, words.length - length);
  const phrase = words.slice(start, start + length);
  if (random.chance(0.25)) {
    const i = random.int(0, phrase.length - 1);
    phrase[i] = typo(random, phrase[i]!);
  }
  return phrase.join(' ');
}

function monthOf(random: Random): string {
  const year = random.pick([2020, 2020, 2021, 2022]);
  return `${year}-${String(random.int(1, 12)).padStart(2, '0')}`;
}

/** Places worth asking about: the ones facts mention, plus the whole gazetteer for misses. */
function placesOf(base: FactBase): Place[] {
  const cited = new Set(base.facts.flatMap((fact) => fact.places));
  const withFacts = base.places.filter((place) => cited.has(place.id));
  return withFacts.length > 0 ? withFacts : [...base.places];
}

export function commandMix(base: FactBase, count: number, seed: number): CommandCase[] {
  const random = createRandom(seed);
  const places = placesOf(base);
  const patrols = [...new Set(base.facts.flatMap((fact) => fact.patrols))];
  const cases: CommandCase[] = [];
  for (let i = 0; i < count; i++) {
    const roll = random.next();
    if (roll < 0.25) {
      const number = patrols.length > 0 && random.chance(0.75) ? random.pick(patrols) : random.chance(0.8) ? random.int(1, 999) : undefined;
      cases.push({ command: 'patrol', values: { number } });
    } else if (roll < 0.5) {
      cases.push({ command: 'where', values: { place: placeSpelling(random, random.pick(places)) } });
    } else if (roll < 0.8) {
      cases.push({ command: 'search', values: { query: searchPhrase(random, base) } });
    } else if (roll < 0.86) {
      const from = monthOf(random);
      cases.push({ command: 'timeline', values: random.chance(0.5) ? { from, to: `${from.slice(0, 4)}-12` } : { from } });
    } else if (roll < 0.92) {
      cases.push({ command: 'attacks', values: random.chance(0.5) ? { from: monthOf(random) } : {} });
    } else if (roll < 0.98) {
      const id = random.chance(0.9) && base.sources.length > 0 ? random.pick(base.sources).id : 'no-such-source';
      cases.push({ command: 'source', values: { id } });
    } else {
      cases.push({ command: 'help', values: {} });
    }
  }
  return cases;
}

/** Texts typed into autocomplete; each is replayed one keystroke at a time. */
export function autocompleteTargets(base: FactBase, count: number, seed: number): { where: string[]; search: string[] } {
  const random = createRandom(seed);
  const places = placesOf(base);
  return {
    where: Array.from({ length: count }, () => placeSpelling(random, random.pick(places))),
    search: Array.from({ length: count }, () => searchPhrase(random, base)),
  };
}

/** Every prefix of `text` from 1 character, grouped by length: what each keystroke sends. */
export function keystrokes(texts: readonly string[]): Map<number, string[]> {
  const byLength = new Map<number, string[]>();
  for (const text of texts) {
    for (let length = 1; length <= text.length; length++) {
      const list = byLength.get(length) ?? [];
      list.push(text.slice(0, length));
      byLength.set(length, list);
    }
  }
  return byLength;
}
