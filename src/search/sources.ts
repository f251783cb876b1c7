/**
 * Sources for `/source` autocomplete: found by slug, any word of the title, or the publisher; the
 * choice shows title, outlet and date, and sends the slug.
 */
import type { Source } from '../domain/types.ts';
import { NameIndex, type NameSpelling } from './name-index.ts';
import { shortDateLabel } from './patrols.ts';
import type { ChoiceList } from './suggestion.ts';
import type { Suggestion } from './types.ts';

export class SourceDirectory {
  readonly #sources: readonly Source[];
  readonly #names: NameIndex;
  /** Choice names, worked out when first shown (date formatting for thousands of sources adds up). */
  readonly #labels = new Map<number, string>();

  private constructor(sources: readonly Source[], names: NameIndex) {
    this.#sources = sources;
    this.#names = names;
  }

  /** @param factCounts how many facts cite each source (the more, the earlier it is suggested) */
  static *build(sources: readonly Source[], factCounts: ReadonlyMap<string, number>): Generator<void, SourceDirectory, undefined> {
    const spellings = sources.map((source): NameSpelling[] => [
      { text: source.id, via: 'id' },
      { text: source.title, via: 'name' },
      ...(source.publisher ? [{ text: source.publisher, via: 'alias' as const }] : []),
    ]);
    const names = yield* NameIndex.build(spellings, sources.map((source) => factCounts.get(source.id) ?? 0));
    return new SourceDirectory(sources, names);
  }

  /** Autocomplete: by slug, title or publisher (see NameIndex.ranked); the most cited sources when empty. */
  suggest(input: string, limit?: number): Suggestion[] {
    return this.#names.suggest(input, limit, (choices, entry) => this.#add(choices, entry.item));
  }

  #add(choices: ChoiceList, item: number): void {
    const source = this.#sources[item]!;
    if (choices.hasValue(source.id)) return;
    let label = this.#labels.get(item);
    if (label === undefined) {
      label = `${source.title} — ${source.publisher ?? 'unnamed outlet'}, ${shortDateLabel(source)}`;
      this.#labels.set(item, label);
    }
    choices.add(label, source.id);
  }
}
