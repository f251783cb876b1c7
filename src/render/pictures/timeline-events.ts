/** The fact base's events in a card's range, as the timeline picture draws them. */
import type { Picture } from '../../answers/answer.ts';
import { eventDisputed } from '../../answers/event-card.ts';
import { eventsOf } from '../../answers/events.ts';
import { eventsBetween } from '../../answers/range.ts';
import type { FactBase } from '../../domain/types.ts';
import { dayNumber } from '../../knowledge/days.ts';
import type { Timeline, TimelineEvent } from './layout.ts';
import { rowOf } from './rows.ts';

/** The same events, in the same range, as the card's own list (answers/range.ts decides both). */
export function timelineOf(base: FactBase, picture: Picture): Timeline {
  const events = eventsBetween(eventsOf(base).all, picture).map((view): TimelineEvent => {
    const row = rowOf(view.kind, view.target);
    // Patrol numbers label patrols and the attacks on them: the numbers readers look for.
    const numbered = view.patrol && (row === 'patrols' || row === 'attacks');
    return {
      id: view.id,
      row,
      first: view.days.first,
      last: view.days.last,
      ...(numbered && { label: String(view.patrol!.number) }),
      // Marked ⚖ as the lists mark it: its card shows a disputed line.
      disputed: eventDisputed(base, view),
    };
  });
  const from = picture.from ? dayNumber(picture.from) : null;
  const to = picture.to ? dayNumber(picture.to) : null;
  return { events, ...(from !== null && { from }), ...(to !== null && { to }) };
}
