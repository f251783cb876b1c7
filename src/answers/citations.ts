/**
 * Numbered citations: a card cites each source once, as a footnote, and marks every line with the
 * numbers of the sources its facts come from ("… [1][2]"). Numbers follow the order in which a
 * card first cites a source, so [1] is the first source the reader meets.
 */
import type { FactBase, Source } from '../domain/types.ts';
import type { Footnote, InlinePart } from './answer.ts';
import { dateText } from './dates.ts';

export class Citations {
  readonly #numbers = new Map<string, number>();
  readonly #sources: Source[] = [];

  constructor(private readonly base: FactBase) {}

  /** The footnote number of a source, given it on first use. */
  number(source: Source): number {
    let n = this.#numbers.get(source.id);
    if (n === undefined) {
      n = this.#sources.push(source);
      this.#numbers.set(source.id, n);
    }
    return n;
  }

  /**
   * The marker for the sources of these facts, each number once and in order. The loader has
   * checked every reference, so a fact or source that is missing here is a bug worth an error.
   */
  cite(factIds: readonly string[]): InlinePart {
    const numbers = new Set<number>();
    for (const id of factIds) numbers.add(this.number(this.sourceOf(id)));
    return { cite: [...numbers].sort((a, b) => a - b) };
  }

  sourceOf(factId: string): Source {
    const fact = this.base.factById.get(factId);
    const source = fact && this.base.sourceById.get(fact.source);
    if (!source) throw new Error(`fact ${factId} or its source is not in the fact base`);
    return source;
  }

  /** The sources cited so far, in footnote order. */
  get sources(): readonly Source[] {
    return this.#sources;
  }

  /** "[1] SouthFront, 22–24 Jul 2020": each cited source by its short name and publication date. */
  footnotes(): Footnote[] {
    return this.#sources.map((source, i) => ({ n: i + 1, text: `${source.short_name}, ${dateText(source, { months: 'short' })}`, sourceId: source.id }));
  }
}
