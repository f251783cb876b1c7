/** /timeline [from] [to]: everything in the fact base in date order. */
import type { KnowledgeIndex } from '../search/types.ts';
import type { Answer } from './answer.ts';
import { capList, factItems, plural, supportFor } from './cite.ts';
import { parseDateRange } from './dates.ts';

export function answerTimeline(index: KnowledgeIndex, from?: string, to?: string): Answer {
  const title = 'Timeline';
  const range = parseDateRange(from, to);
  if (!range.ok) {
    return { command: 'timeline', kind: 'invalid-input', title, notice: range.message, hint: ['Example: /timeline from:2020-07 to:2020-08'], items: [] };
  }
  // The index finds a range's facts without walking the whole timeline (see search/date-order.ts).
  const facts = index.factsBetween(range.bounds);
  const when = range.text ? ` ${range.text}` : '';
  if (facts.length === 0) {
    return {
      command: 'timeline',
      kind: 'not-found',
      title,
      notice: [`The fact base has nothing dated${when}.`],
      hint: ['Try a wider range, or /timeline with no dates for everything.'],
      items: [],
    };
  }
  const { shown, note } = capList(facts);
  return {
    command: 'timeline',
    kind: 'ok',
    title,
    notice: [`${plural(facts.length, 'fact')}${when}, in date order. A fact dated only to a month or a range is placed at its earliest possible day.${note}`],
    items: factItems(supportFor(index.base), shown),
  };
}
