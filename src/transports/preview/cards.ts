/**
 * Every card the page's lists can open: each patrol, attack, place and source, offered exactly as
 * the bot's own menus offer them, and the cards of /patrol, /attacks, /timeline and /help. The
 * "changed since the last good version" list compares these.
 */
import type { MenuOption } from '../../answers/answer.ts';
import { attackOption } from '../../answers/attacks.ts';
import { eventsOf } from '../../answers/events.ts';
import { patrolOption } from '../../answers/patrol.ts';
import type { Target } from '../../answers/query.ts';
import { sourceOption } from '../../answers/source.ts';
import { placeOption } from '../../answers/where.ts';
import { encodeTarget } from '../../render/custom-ids.ts';
import type { KnowledgeIndex } from '../../search/types.ts';

export interface CardLink {
  readonly label: string;
  readonly description?: string;
  readonly emoji?: string;
  /** The target as a select option carries it (`patrol:number=22`): what the page asks to open. */
  readonly target: string;
}

export interface CardLists {
  readonly commands: readonly CardLink[];
  readonly patrols: readonly CardLink[];
  readonly attacks: readonly CardLink[];
  readonly places: readonly CardLink[];
  readonly sources: readonly CardLink[];
}

const COMMAND_CARDS: readonly [string, Target][] = [
  ['/patrol', { command: 'patrol' }],
  ['/attacks', { command: 'attacks' }],
  ['/timeline', { command: 'timeline' }],
  ['/help', { command: 'help' }],
];

function link(option: MenuOption): CardLink[] {
  const target = encodeTarget(option.target);
  // A target too long for a custom id could not be opened from Discord either.
  if (!target) return [];
  return [{ label: option.label, ...(option.description ? { description: option.description } : {}), ...(option.emoji ? { emoji: option.emoji } : {}), target }];
}

export function cardLists(index: KnowledgeIndex): CardLists {
  const base = index.base;
  const events = eventsOf(base);
  return {
    commands: COMMAND_CARDS.flatMap(([label, target]) => link({ label, target })),
    patrols: events.patrols.flatMap((n) => link(patrolOption(events, n))),
    attacks: events.all.filter((view) => view.kind === 'attack').flatMap((view) => link(attackOption(view))),
    places: base.places.flatMap((place) => link(placeOption(place))),
    sources: base.sources.flatMap((source) => link(sourceOption(source))),
  };
}

/** Each card once (an attack on a numbered patrol opens that patrol's card, which the patrols list has too). */
export function everyCard(lists: CardLists): CardLink[] {
  const seen = new Map<string, CardLink>();
  for (const list of [lists.commands, lists.patrols, lists.attacks, lists.places, lists.sources]) {
    for (const card of list) if (!seen.has(card.target)) seen.set(card.target, card);
  }
  return [...seen.values()];
}
