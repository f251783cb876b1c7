/**
 * Discord's rules for autocomplete choices, enforced in one place: at most 25 choices, each name 1–100
 * characters, each value at most 100, and no choice twice.
 */
import type { Suggestion } from './types.ts';

export const MAX_CHOICES = 25;
export const MAX_CHOICE_LENGTH = 100;

/** The number of choices to return for a requested `limit` (default and ceiling 25). */
export function choiceLimit(limit: number | undefined): number {
  if (limit === undefined || Number.isNaN(limit)) return MAX_CHOICES;
  return Math.max(0, Math.min(MAX_CHOICES, Math.floor(limit)));
}

/** The first `length` UTF-16 units of `text`, without splitting a surrogate pair. */
function head(text: string, length: number): string {
  const code = text.charCodeAt(length - 1);
  return text.slice(0, code >= 0xd800 && code <= 0xdbff ? length - 1 : length);
}

/** One line of at most `max` characters; a cut ends at a word boundary when it can, with "…". */
export function truncateText(text: string, max = MAX_CHOICE_LENGTH): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = head(flat, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/** A value that is sent back as typed text: at most 100 characters, cut at a word boundary, no "…". */
export function truncateValue(text: string, max = MAX_CHOICE_LENGTH): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = head(flat, max);
  const space = cut.lastIndexOf(' ');
  return space > max / 2 ? cut.slice(0, space) : cut;
}

/** Collects choices up to a limit, skipping empty ones and any whose name or value was already taken. */
export class ChoiceList {
  readonly #choices: Suggestion[] = [];
  readonly #names = new Set<string>();
  readonly #values = new Set<string>();

  constructor(readonly limit: number) {}

  get full(): boolean {
    return this.#choices.length >= this.limit;
  }

  hasValue(value: string): boolean {
    return this.#values.has(value);
  }

  /** Adds a choice (name and value are made to fit); returns false when it was not added. */
  add(name: string, value: string): boolean {
    if (this.full) return false;
    const fittedName = truncateText(name);
    const fittedValue = truncateValue(value);
    if (fittedName.length === 0 || fittedValue.length === 0) return false;
    if (this.#names.has(fittedName) || this.#values.has(fittedValue)) return false;
    this.#names.add(fittedName);
    this.#values.add(fittedValue);
    this.#choices.push({ name: fittedName, value: fittedValue });
    return true;
  }

  toArray(): Suggestion[] {
    return [...this.#choices];
  }
}
