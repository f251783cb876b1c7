/**
 * Sources for `/source` autocomplete: found by slug, any word of the title, or the publisher (the
 * names index); the choice shows title, outlet and date, and sends the slug.
 */
import type { Source } from '../domain/types.ts';
import { nameKey } from '../text/normalise.ts';
import type { Entity } from './entities.ts';
import type { NameIndex } from './names.ts';
import { shortDateLabel } from './patrols.ts';
import { ChoiceList, choiceLimit } from './suggestion.ts';
import type { Suggestion } from './types.ts';

export class SourceDirectory {
  /** Sources by how many facts cite them: what an empty /source suggests. */
  readonly #popular: readonly Source[];

  constructor(
    private readonly sourceById: ReadonlyMap<string, Source>,
    private readonly names: NameIndex,
    sources: ReadonlyMap<string, Entity>,
  ) {
    const facts = (source: Source) => sources.get(source.id)?.facts.length ?? 0;
    this.#popular = [...sourceById.values()].sort((a, b) => facts(b) - facts(a));
  }

  suggest(input: string, limit?: number): Suggestion[] {
    const choices = new ChoiceList(choiceLimit(limit));
    const found = nameKey(input) === '' ? this.#popular : this.names.complete(input, 'source').map((match) => this.sourceById.get(match.entity.id)!);
    for (const source of found) {
      if (choices.full) break;
      // Short name and date first: Discord cuts a choice at 100 characters, and a long title should
      // lose its end, not the outlet and date that tell two articles apart.
      choices.add(`${source.short_name}, ${shortDateLabel(source)} — ${source.title}`, source.id);
    }
    return choices.toArray();
  }
}
