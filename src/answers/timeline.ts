/** /timeline [from] [to]: what happened, one line per event, with a menu to jump to a month. */
import { format } from 'date-fns';
import type { KnowledgeIndex } from '../search/types.ts';
import type { Answer, Block, Inline, MenuOption } from './answer.ts';
import { noticeAnswer } from './answer.ts';
import { Citations } from './citations.ts';
import { spanText } from '../text/day-spans.ts';
import { dateText, isoToDay, parseDateRange, sameYear } from './dates.ts';
import { isoDay } from '../knowledge/days.ts';
import { cited, eventEvidence, eventDisputed, listInferenceNotes, panelActions } from './event-card.ts';
import { eventLabel, eventsOf, type EventView } from './events.ts';
import { fitList, LONG_LIST_BUDGET, MENU_MAX, yearNote, type Entry } from './lists.ts';
import type { Target } from './query.ts';
import { eventsBetween } from './range.ts';
import { plural } from './words.ts';

/** The month options of each fact base's events, worked out once: every /timeline card offers them. */
const monthMenus = new WeakMap<readonly EventView[], MenuOption[]>();

function monthOptions(views: readonly EventView[]): MenuOption[] {
  let options = monthMenus.get(views);
  if (!options) monthMenus.set(views, (options = buildMonthOptions(views)));
  return options;
}

/**
 * Each month with at least one event starting in it, in order: the "Jump to month…" options. Each
 * counts the events its card lists: every event whose possible days reach into the month, so an
 * event of 31 August – 1 September counts in both. (Months that only a long span reaches into get
 * no option of their own: an event known to a year would otherwise fill the menu.)
 */
function buildMonthOptions(views: readonly EventView[]): MenuOption[] {
  const counts = new Map<string, number>();
  for (const view of views) counts.set(isoDay(view.days.first).slice(0, 7), 0);
  const months = [...counts.keys()].sort();
  for (const view of views) {
    const first = isoDay(view.days.first).slice(0, 7);
    const last = isoDay(view.days.last).slice(0, 7);
    for (const month of months) if (month >= first && month <= last) counts.set(month, counts.get(month)! + 1);
  }
  // Discord allows 25 options: a long fact base keeps the latest months, where a reader is likely to be going.
  return months.slice(-MENU_MAX).map((month) => {
    return {
      label: format(isoToDay(month), 'MMMM yyyy'),
      description: plural(counts.get(month)!, 'event'),
      target: { command: 'timeline', from: month, to: month },
    };
  });
}

export function answerTimeline(index: KnowledgeIndex, from?: string, to?: string): Answer {
  const target: Target = { command: 'timeline', ...(from !== undefined && { from }), ...(to !== undefined && { to }) };
  const title = 'Timeline';
  const range = parseDateRange(from, to);
  if (!range.ok) return noticeAnswer(target, 'invalid-input', title, range.message, ['Example: /timeline from:2020-07 to:2020-08']);
  const all = eventsOf(index.base).all;
  const views = eventsBetween(all, range.bounds);
  const when = range.text ? ` ${range.text}` : '';
  if (views.length === 0) {
    return noticeAnswer(target, 'not-found', title, [`The fact base has nothing dated${when}.`], ['Try a wider range, or /timeline with no dates for everything.'], {
      menu: { placeholder: 'Jump to month…', options: monthOptions(all) },
    });
  }
  const citations = new Citations(index.base);
  const year = sameYear(views.map((v) => v.days));
  const span = spanText(views.map((v) => v.days));
  const entries = views.map((view): Entry => (c) => {
    const text: Inline = [{ strong: `${dateText(view.dated, { months: 'short', year: year === undefined })} · ${eventLabel(view)}` }, ' — ', ...cited(view.brief.text, view.brief.cites, c)];
    const disputed = eventDisputed(index.base, view);
    return { kind: 'item', text, ...(disputed ? { disputed: true } : {}) };
  });
  const { shown, left } = fitList(index.base, entries, LONG_LIST_BUDGET, citations);
  const blocks: Block[] = [{ kind: 'para', text: [`${plural(views.length, 'event')}${when || `, ${span}`}, in date order.`] }, { kind: 'break' }, ...shown];
  const small = [yearNote(year), left > 0 ? `${left} more: jump to a month, or narrow with from: and to:` : ''].filter(Boolean).join(' · ');
  if (small) blocks.push({ kind: 'small', text: [small] });
  const evidence = eventEvidence(views);
  return {
    target,
    kind: 'ok',
    title: range.text ? `Timeline${when}` : title,
    blocks,
    footnotes: citations.footnotes(),
    notes: listInferenceNotes(views),
    actions: panelActions(index.base, evidence),
    menu: { placeholder: 'Jump to month…', options: monthOptions(all) },
    picture: { kind: 'timeline', ...range.bounds },
    evidence,
  };
}
