/** /where <place>: a place by any spelling, its names, and the facts there in date order. */
import type { Place } from '../domain/types.ts';
import type { KnowledgeIndex } from '../search/types.ts';
import { nameKey } from '../text/normalise.ts';
import type { Answer, AnswerItem, Phrase } from './answer.ts';
import { user } from './answer.ts';
import { capList, factItems, plural, supportFor } from './cite.ts';

/** No place name is anywhere near this long; longer input is cut before it reaches the index. */
const MAX_PLACE_INPUT = 200;

function describe(place: Place): string {
  return `${place.kind.replace(/-/g, ' ')}, ${place.region}`;
}

function placeDetails(place: Place): AnswerItem[] {
  const items: AnswerItem[] = [{ kind: 'detail', label: 'What and where', value: [describe(place)] }];
  if (place.aliases.length > 0) items.push({ kind: 'detail', label: 'Also written', value: [place.aliases.join(', ')] });
  if (place.note) items.push({ kind: 'detail', label: 'Note', value: [place.note] });
  return items;
}

/** A few places that do have facts, to show what /where can answer. */
function examplePlaces(index: KnowledgeIndex, count: number): string[] {
  return index.base.places
    .filter((p) => index.factsAtPlace(p.id).length > 0)
    .slice(0, count)
    .map((p) => p.name);
}

export function answerWhere(index: KnowledgeIndex, input: string): Answer {
  const typed = input.trim().slice(0, MAX_PLACE_INPUT);
  if (nameKey(typed) === '') {
    return {
      command: 'where',
      kind: 'invalid-input',
      title: 'Which place?',
      notice: ['Give a place name in any spelling.'],
      hint: [`Examples: ${examplePlaces(index, 3).map((n) => `/where ${n}`).join(', ')}`],
      items: [],
    };
  }
  const resolution = index.resolvePlace(typed);
  if (resolution.kind === 'found') {
    const { place } = resolution;
    const facts = index.factsAtPlace(place.id);
    const notice: Phrase =
      nameKey(typed) === nameKey(place.name)
        ? [`${place.name}: ${plural(facts.length, 'fact')} in the fact base.`]
        : ['“', user(typed), `” is ${resolution.via === 'id' ? 'the id of' : 'a spelling of'} ${place.name}. ${plural(facts.length, 'fact')} in the fact base.`];
    const items = placeDetails(place);
    const listed = capList(facts, 'use /search with the place and other words for the rest');
    if (facts.length > 0) {
      items.push({ kind: 'heading', text: `What the sources say about ${place.name}`, note: 'in date order' });
      items.push(...factItems(supportFor(index.base), listed.shown));
    }
    return { command: 'where', kind: 'ok', title: place.name, notice: [...notice, listed.note], items };
  }
  if (resolution.kind === 'suggestions' && resolution.candidates.length > 0) {
    const names = resolution.candidates.map((p) => p.name);
    return {
      command: 'where',
      kind: 'not-found',
      title: 'Did you mean…',
      notice: ['No place is called “', user(typed), `”. Did you mean ${names.join(', or ')}?`],
      hint: [`Try /where ${names[0]}`],
      items: resolution.candidates.map((p) => ({ kind: 'detail', label: p.name, value: [describe(p) + (p.aliases.length ? `; also written ${p.aliases.join(', ')}` : '')] })),
    };
  }
  const examples = examplePlaces(index, 5);
  return {
    command: 'where',
    kind: 'not-found',
    title: 'No such place',
    notice: ['The gazetteer has no place called “', user(typed), '”, nor anything close.'],
    hint: examples.length > 0 ? [`Places the sources talk about include ${examples.join(', ')}.`] : [],
    items: [],
  };
}
