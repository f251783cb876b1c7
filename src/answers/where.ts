/** /where <place>: a place by any spelling, its names once, and what the sources say happened there. */
import type { Fact, Place } from '../domain/types.ts';
import { descendantsOf } from '../knowledge/place-tree.ts';
import { firstPossibleDay } from '../knowledge/days.ts';
import type { KnowledgeIndex } from '../search/types.ts';
import { nameKey } from '../text/normalise.ts';
import type { Action, Answer, Block, Inline, MenuOption } from './answer.ts';
import { noticeAnswer, user } from './answer.ts';
import { Citations } from './citations.ts';
import { cited, panelActions } from './event-card.ts';
import { eventLabel, eventsOf } from './events.ts';
import { blocksLength, fitList, LIST_BUDGET, MENU_MAX, type Entry } from './lists.ts';
import type { Target } from './query.ts';
import { plural } from './words.ts';

/** No place name is anywhere near this long; longer input is cut before it reaches the index. */
const MAX_PLACE_INPUT = 200;
/** Buttons to patrols and places a place card offers. */
const MAX_LINKS = 3;

function describe(place: Place): string {
  return `${place.kind.replace(/-/g, ' ')}, ${place.region}`;
}

/** One place as a menu offers it: its name, what and where it is, and its /where card. */
export function placeOption(place: Place): MenuOption {
  return { label: place.name, description: describe(place), emoji: '📍', target: { command: 'where', place: place.name } };
}

/** A few places that do have facts, to show what /where can answer. */
function examplePlaces(index: KnowledgeIndex, count: number): string[] {
  return index.base.places
    .filter((p) => index.factsAtPlace(p.id).length > 0)
    .slice(0, count)
    .map((p) => p.name);
}

interface Here {
  readonly fact: Fact;
  /** The place within the asked one the fact is filed under, when it is not the place itself. */
  readonly within?: Place;
}

/** The facts at a place and at the places within it, each once, in date order. */
function factsHere(index: KnowledgeIndex, place: Place, within: readonly Place[]): Here[] {
  const seen = new Map<string, Here>();
  for (const fact of index.factsAtPlace(place.id)) seen.set(fact.id, { fact });
  for (const inner of within) {
    for (const fact of index.factsAtPlace(inner.id)) if (!seen.has(fact.id)) seen.set(fact.id, { fact, within: inner });
  }
  return [...seen.values()].sort((a, b) => firstPossibleDay(a.fact) - firstPossibleDay(b.fact) || (a.fact.id < b.fact.id ? -1 : 1));
}

function placeCard(index: KnowledgeIndex, place: Place, typed: string, target: Target): Answer {
  const base = index.base;
  const within = descendantsOf(base.places, place.id);
  const here = factsHere(index, place, within);
  const citations = new Citations(base);
  const names = place.aliases.length > 0 ? `also ${place.aliases.join(' · ')} — ` : '';
  const blocks: Block[] = [{ kind: 'small', text: [`${names}${describe(place)}`] }];
  if (nameKey(typed) !== nameKey(place.name) && nameKey(typed) !== nameKey(place.id)) {
    blocks.push({ kind: 'small', text: ['“', user(typed, 60), `” is a spelling of ${place.name}.`] });
  }
  if (place.note) blocks.push({ kind: 'para', text: [place.note] });
  // The names and the note come first; the list gets what is left of the card's 1,000 characters.
  const header = blocksLength(blocks);
  if (here.length === 0) {
    blocks.push({ kind: 'para', text: ['The sources name it, but the fact base has nothing that happened there.'] });
  } else {
    const entries = here.map(({ fact, within: inner }): Entry => (c) => {
      const text: Inline = [...cited(fact.statement, [fact.id], c), ...(inner ? [` — in ${inner.name}`] : [])];
      const disputed = (base.disputesByFact.get(fact.id) ?? []).length > 0;
      return { kind: 'item', text, ...(disputed ? { disputed: true } : {}) };
    });
    const { shown, left } = fitList(base, entries, Math.max(LIST_BUDGET / 3, LIST_BUDGET - header), citations);
    blocks.push({ kind: 'break' }, ...shown);
    if (left > 0) blocks.push({ kind: 'small', text: [`${left} more in the quotes panel, or /search ${place.name}`] });
  }
  const evidence = { facts: here.map((h) => h.fact.id), readings: [] };
  return {
    target,
    kind: 'ok',
    title: `📍 ${place.name}`,
    blocks,
    footnotes: citations.footnotes(),
    notes: here.length > 0 ? [`${plural(here.length, 'fact')} here${within.length > 0 ? ' and in places within it' : ''}`] : [],
    actions: [...panelActions(base, evidence), ...links(index, place, here)],
    evidence,
  };
}

/** Buttons to the patrols that happened here and to the places around: the place it lies in, and the next place on a route. */
function links(index: KnowledgeIndex, place: Place, here: readonly Here[]): Action[] {
  const base = index.base;
  const catalogue = eventsOf(base);
  const actions: Action[] = [];
  const patrols = new Set<number>();
  const events = new Set<string>();
  for (const { fact } of here) {
    for (const view of catalogue.byFact.get(fact.id) ?? []) {
      if (view.patrol && !patrols.has(view.patrol.number)) {
        patrols.add(view.patrol.number);
        if (patrols.size <= MAX_LINKS) actions.push({ kind: 'open', label: eventLabel(view), emoji: view.kind === 'attack' ? '💥' : '🛡️', target: { command: 'patrol', number: view.patrol.number } });
      }
      events.add(view.id);
    }
  }
  const parent = place.within ? base.placeById.get(place.within) : undefined;
  if (parent) actions.push({ kind: 'open', label: parent.name, emoji: '📍', target: { command: 'where', place: parent.name } });
  // The other end of a route through here (Ain Hawr → Tronba), so a reader can follow it.
  for (const id of events) {
    const route = catalogue.byId.get(id)?.record?.route;
    if (!route) continue;
    const other = route.from === place.id ? route.to : route.to === place.id ? route.from : undefined;
    const next = other ? base.placeById.get(other) : undefined;
    if (next && next.id !== parent?.id && !actions.some((a) => a.kind === 'open' && a.target.command === 'where' && a.target.place === next.name)) {
      actions.push({ kind: 'open', label: next.name, emoji: '📍', target: { command: 'where', place: next.name } });
    }
  }
  return actions;
}

export function answerWhere(index: KnowledgeIndex, input: string): Answer {
  const typed = input.trim().slice(0, MAX_PLACE_INPUT);
  const target: Target = { command: 'where', place: typed };
  if (nameKey(typed) === '') {
    return noticeAnswer(target, 'invalid-input', 'Which place?', ['Give a place name in any spelling.'], [
      `Examples: ${examplePlaces(index, 3).map((n) => `/where ${n}`).join(', ')}`,
    ]);
  }
  const resolution = index.resolvePlace(typed);
  if (resolution.kind === 'found') return placeCard(index, resolution.place, typed, target);
  if (resolution.kind === 'suggestions' && resolution.candidates.length > 0) {
    const names = resolution.candidates.map((p) => p.name);
    return noticeAnswer(target, 'not-found', 'Did you mean…', ['No place is called “', user(typed, 60), `”. Did you mean ${names.join(', or ')}?`], [], {
      menu: {
        placeholder: 'Did you mean…',
        options: resolution.candidates.slice(0, MENU_MAX).map(placeOption),
      },
    });
  }
  const examples = examplePlaces(index, 5);
  return noticeAnswer(
    target,
    'not-found',
    'No such place',
    ['The gazetteer has no place called “', user(typed, 60), '”, nor anything close.'],
    examples.length > 0 ? [`Places the sources talk about include ${examples.join(', ')}.`] : [],
  );
}
