/** /attacks [from] [to]: one line per attack on the joint patrols, related attacks apart. */
import type { KnowledgeIndex } from '../search/types.ts';
import type { Answer, Block, Inline, MenuOption } from './answer.ts';
import { noticeAnswer } from './answer.ts';
import { Citations } from './citations.ts';
import { spanText } from '../text/day-spans.ts';
import { dateText, parseDateRange, sameYear } from './dates.ts';
import { cited, eventEvidence, eventDisputed, listInferenceNotes, panelActions } from './event-card.ts';
import { eventsOf, type EventView } from './events.ts';
import { fitList, LIST_BUDGET, MENU_MAX, yearNote, type Entry } from './lists.ts';
import type { Target } from './query.ts';
import { eventsBetween } from './range.ts';
import { plural } from './words.ts';

/** Characters of the small line that lists related attacks. */
const RELATED_BUDGET = 200;

/** Where an attack's card is: its patrol's, or its own when it hit no joint patrol. */
function attackTarget(view: EventView): Target {
  return view.patrol ? { command: 'patrol', number: view.patrol.number } : { command: 'event', id: view.id };
}

/** "Jul · Patrol 21", or the event's name when it hit no numbered patrol. */
function attackLabel(view: EventView, year: boolean): string {
  const when = dateText(view.dated, { months: 'short', year });
  return view.patrol ? `${when} · Patrol ${view.patrol.number}` : `${when} · ${view.name}`;
}

/** One attack as the menu offers it: its date and patrol (or name), what happened, and the card it opens. */
export function attackOption(view: EventView): MenuOption {
  return { label: attackLabel(view, true), description: view.brief.text, emoji: view.target === 'related-forces' ? '🎯' : '💥', target: attackTarget(view) };
}

export function answerAttacks(index: KnowledgeIndex, from?: string, to?: string): Answer {
  const target: Target = { command: 'attacks', ...(from !== undefined && { from }), ...(to !== undefined && { to }) };
  const title = 'Attacks on the joint patrols';
  const range = parseDateRange(from, to);
  if (!range.ok) return noticeAnswer(target, 'invalid-input', title, range.message, ['Example: /attacks from:July 2020 to:August 2020']);

  const attacks = eventsBetween(eventsOf(index.base).all, range.bounds).filter((v) => v.kind === 'attack');
  const onPatrols = attacks.filter((v) => v.target !== 'related-forces');
  const related = attacks.filter((v) => v.target === 'related-forces');
  const when = range.text ? ` ${range.text}` : '';
  if (attacks.length === 0) {
    return noticeAnswer(target, 'not-found', title, [`The fact base records no attacks${when}.`], range.text ? ['Try a wider range, or /attacks with no dates for all of them.'] : []);
  }

  const citations = new Citations(index.base);
  const year = sameYear(attacks.map((v) => v.days));
  const span = onPatrols.length > 0 ? spanText(onPatrols.map((v) => v.days)) : '';
  const lead =
    `${plural(onPatrols.length, 'attack')} on joint patrols on record${when || (span ? `, ${span}` : '')}` +
    (related.length > 0 ? `, and ${plural(related.length, 'related attack')} on the forces involved.` : '.');
  const entries = onPatrols.map((view): Entry => (c) => {
    const disputed = eventDisputed(index.base, view);
    const text: Inline = [{ strong: attackLabel(view, year === undefined) }, ' — ', ...cited(view.brief.text, view.brief.cites, c)];
    return { kind: 'item', text, ...(disputed ? { disputed: true } : {}) };
  });
  // The related attacks' small line takes its share of the card's 1,000 characters first.
  const { shown, left } = fitList(index.base, entries, LIST_BUDGET - (related.length > 0 ? RELATED_BUDGET : 0), citations);
  const blocks: Block[] = [{ kind: 'para', text: [lead] }, { kind: 'break' }, ...shown];
  if (related.length > 0) {
    // Related attacks share one small line: as many as fit, then a count (the menu opens any of them).
    const text: Inline[number][] = ['Related, not on a patrol: '];
    let used = 0;
    let listed = 0;
    for (const view of related) {
      const when = `${dateText(view.dated, { months: 'short', year: year === undefined })} — `;
      const length = when.length + view.brief.text.length;
      if (listed > 0 && used + length > RELATED_BUDGET) break;
      if (listed > 0) text.push(' · ');
      text.push(when, ...cited(view.brief.text, view.brief.cites, citations));
      used += length;
      listed++;
    }
    if (listed < related.length) text.push(` · and ${related.length - listed} more`);
    blocks.push({ kind: 'small', text });
  }
  const small = [yearNote(year), left > 0 ? `${left} more in the menu` : ''].filter(Boolean).join(' · ');
  if (small) blocks.push({ kind: 'small', text: [small] });

  const evidence = eventEvidence(attacks);
  const options = attacks.slice(0, MENU_MAX).map(attackOption);
  return {
    target,
    kind: 'ok',
    title,
    blocks,
    footnotes: citations.footnotes(),
    notes: listInferenceNotes(attacks),
    actions: panelActions(index.base, evidence),
    menu: { placeholder: 'Open an attack…', options },
    picture: { kind: 'timeline', ...range.bounds },
    evidence,
  };
}
