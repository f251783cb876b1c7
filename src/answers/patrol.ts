/** /patrol [number]: the card of one joint patrol, or the list of the patrols on record. */
import type { KnowledgeIndex } from '../search/types.ts';
import type { Action, Answer, Block, Inline, MenuOption } from './answer.ts';
import { noticeAnswer } from './answer.ts';
import { Citations } from './citations.ts';
import { dateText, sameYear } from './dates.ts';
import { cited, eventBlocks, eventEvidence, eventDisputed, inferenceNotes, listInferenceNotes, panelActions } from './event-card.ts';
import { eventsOf, type EventCatalogue, type EventView } from './events.ts';
import { fitList, LIST_BUDGET, MENU_MAX, yearNote, type Entry } from './lists.ts';
import type { Target } from './query.ts';
import { plural } from './words.ts';

const PATROL_EMOJI = '🛡️';
const ATTACK_EMOJI = '💥';

function emojiOf(views: readonly EventView[]): string {
  return views.some((v) => v.kind === 'attack') ? ATTACK_EMOJI : PATROL_EMOJI;
}

/** A patrol's main event: the patrol itself if there is a record of it, else what befell it. */
function primary(views: readonly EventView[]): EventView {
  return views[0]!;
}

/** One patrol on record as a menu offers it: "Patrol 22 · 22 Jul", what it was. */
export function patrolOption(catalogue: EventCatalogue, n: number): MenuOption {
  const views = catalogue.byPatrol.get(n)!;
  const main = primary(views);
  return {
    label: `Patrol ${n} · ${dateText(main.dated, { months: 'short' })}`,
    description: main.brief.text,
    emoji: emojiOf(views),
    target: { command: 'patrol', number: n },
  };
}

/** "Open a patrol…": every patrol on record (up to Discord's 25 options). */
function patrolMenu(catalogue: EventCatalogue): { placeholder: string; options: MenuOption[] } {
  return { placeholder: 'Open a patrol…', options: catalogue.patrols.slice(0, MENU_MAX).map((n) => patrolOption(catalogue, n)) };
}

/** Buttons to the patrols before and after this one on record. */
function neighbours(catalogue: EventCatalogue, n: number): Action[] {
  const i = catalogue.patrols.indexOf(n);
  const actions: Action[] = [];
  const before = catalogue.patrols[i - 1];
  const after = catalogue.patrols[i + 1];
  if (before !== undefined) actions.push({ kind: 'open', label: `Patrol ${before}`, emoji: '◀️', target: { command: 'patrol', number: before } });
  if (after !== undefined) actions.push({ kind: 'open', label: `Patrol ${after}`, emoji: '▶️', target: { command: 'patrol', number: after } });
  return actions;
}

function listAnswer(index: KnowledgeIndex): Answer {
  const target: Target = { command: 'patrol' };
  const catalogue = eventsOf(index.base);
  if (catalogue.patrols.length === 0) {
    return noticeAnswer(target, 'not-found', 'Joint patrols on record: none', ['The fact base has no patrols yet.']);
  }
  const citations = new Citations(index.base);
  const mains = catalogue.patrols.map((n) => primary(catalogue.byPatrol.get(n)!));
  const year = sameYear(mains.map((v) => v.days));
  const entries = mains.map((main): Entry => (c) => {
    const disputed = eventDisputed(index.base, main);
    const text: Inline = [{ strong: String(main.patrol!.number) }, ` · ${dateText(main.dated, { months: 'short', year: year === undefined })} · `, ...cited(main.brief.text, main.brief.cites, c)];
    return { kind: 'item', text, ...(disputed ? { disputed: true } : {}) };
  });
  const { shown, left } = fitList(index.base, entries, LIST_BUDGET, citations);
  const marked = shown.some((b) => b.kind === 'item' && b.disputed);
  const small = [yearNote(year), marked ? '⚖️ marks a point the sources tell differently' : '', left > 0 ? `${left} more in the menu` : ''].filter(Boolean).join(' · ');
  return {
    target,
    kind: 'ok',
    title: `Joint patrols on record: ${catalogue.patrols.length}`,
    blocks: [...shown, ...(small ? [{ kind: 'small', text: [small] } as const] : [])],
    footnotes: citations.footnotes(),
    notes: listInferenceNotes(mains),
    actions: [{ kind: 'open', label: 'All attacks', emoji: ATTACK_EMOJI, target: { command: 'attacks' } }],
    menu: patrolMenu(catalogue),
    // The whole timeline: the patrols among the attacks, agreements and training around them.
    picture: { kind: 'timeline' },
    evidence: eventEvidence(mains),
  };
}

/** The known patrol number closest to the one asked for (the lower one on a tie). */
function nearest(known: readonly number[], n: number): number {
  return known.reduce((best, k) => (Math.abs(k - n) < Math.abs(best - n) ? k : best));
}

export function answerPatrol(index: KnowledgeIndex, number: number | undefined): Answer {
  if (number === undefined) return listAnswer(index);
  const target: Target = { command: 'patrol', number };
  const catalogue = eventsOf(index.base);
  const views = catalogue.byPatrol.get(number);
  if (!views) {
    const known = catalogue.patrols;
    if (known.length === 0) return noticeAnswer(target, 'not-found', `Patrol ${number}: not on record`, [`No record of patrol ${number}: the fact base has no patrols yet.`]);
    const near = nearest(known, number);
    return noticeAnswer(
      target,
      'not-found',
      `Patrol ${number}: not on record`,
      [`The fact base has no record of patrol ${number}. Patrols on record: ${known.join(', ')}.`],
      ['Sources number only some patrols; pick one below.'],
      {
        actions: [{ kind: 'open', label: `Patrol ${near}`, emoji: emojiOf(catalogue.byPatrol.get(near)!), target: { command: 'patrol', number: near } }],
        menu: patrolMenu(catalogue),
      },
    );
  }
  const citations = new Citations(index.base);
  const [main, ...rest] = views as [EventView, ...EventView[]];
  const blocks: Block[] = eventBlocks(main, citations);
  for (const view of rest) {
    blocks.push({ kind: 'break' }, { kind: 'line', label: view.name, text: cited(view.summary.text, view.summary.cites, citations) });
    blocks.push(...eventBlocks(view, citations).slice(2));
  }
  const evidence = eventEvidence(views);
  const attacked = views.some((v) => v.kind === 'attack');
  return {
    target,
    kind: 'ok',
    title: `Patrol ${number} · ${dateText(main.dated)}`,
    blocks,
    footnotes: citations.footnotes(),
    notes: [plural(evidence.facts.length, 'fact'), ...inferenceNotes(views)],
    actions: [
      ...panelActions(index.base, evidence),
      ...neighbours(catalogue, number),
      ...(attacked ? [{ kind: 'open', label: 'All attacks', emoji: ATTACK_EMOJI, target: { command: 'attacks' } } as const] : []),
    ],
    evidence,
  };
}
