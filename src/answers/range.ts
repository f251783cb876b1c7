/** Events whose possible days overlap a range of days a user asked for (/attacks, /timeline). */
import { dayNumber } from '../knowledge/days.ts';
import type { EventView } from './events.ts';

export function eventsBetween(views: readonly EventView[], bounds: { readonly from?: string; readonly to?: string }): EventView[] {
  const from = bounds.from ? (dayNumber(bounds.from) ?? -Infinity) : -Infinity;
  const to = bounds.to ? (dayNumber(bounds.to) ?? Infinity) : Infinity;
  return views.filter((view) => view.days.last >= from && view.days.first <= to);
}
