/**
 * The two views a card can open that have no slash command: an event without a patrol number (a
 * related attack, a training, an agreement), and a single fact with its quote.
 */
import type { Fact, FactBase } from '../domain/types.ts';
import type { KnowledgeIndex } from '../search/types.ts';
import type { Action, Answer, Block, Evidence } from './answer.ts';
import { noticeAnswer } from './answer.ts';
import { Citations } from './citations.ts';
import { dateText } from './dates.ts';
import { eventBlocks, eventEvidence, inferenceNotes, panelActions } from './event-card.ts';
import { eventLabel, eventsOf, type EventView } from './events.ts';
import { answerPatrol } from './patrol.ts';
import type { Target } from './query.ts';

/** Where a reader goes from an event: its patrol's card, or the list of its kind. */
function eventLink(view: EventView): Action {
  if (view.patrol) return { kind: 'open', label: `Patrol ${view.patrol.number}`, emoji: view.kind === 'attack' ? '💥' : '🛡️', target: { command: 'patrol', number: view.patrol.number } };
  if (view.kind === 'attack') return { kind: 'open', label: 'All attacks', emoji: '💥', target: { command: 'attacks' } };
  return { kind: 'open', label: 'Timeline', emoji: '🗓️', target: { command: 'timeline' } };
}

function gone(target: Target, what: string): Answer {
  return noticeAnswer(target, 'not-found', 'Not on record any more', [`The fact base no longer has that ${what}: it may have been edited since this card was sent.`], [
    'Run the command again for a fresh answer.',
  ]);
}

export function answerEvent(index: KnowledgeIndex, id: string): Answer {
  const target: Target = { command: 'event', id };
  const view = eventsOf(index.base).byId.get(id);
  if (!view) return gone(target, 'event');
  // A numbered patrol, or an attack on one, is told on its patrol's card with everything else about it.
  if (view.patrol) return answerPatrol(index, view.patrol.number);
  const citations = new Citations(index.base);
  const blocks = eventBlocks(view, citations);
  const evidence = eventEvidence([view]);
  return {
    target,
    kind: 'ok',
    title: `${view.name} · ${dateText(view.dated)}`,
    blocks,
    footnotes: citations.footnotes(),
    notes: inferenceNotes([view]),
    actions: [...panelActions(index.base, evidence), eventLink(view)],
    evidence,
  };
}

/**
 * " (our reading: …)" when this fact belongs to the event by our inference rather than by its own
 * words: the patrol's number is inferred, or the fact comes from a source that does not state the
 * number and was grouped with those that do ("the Latakia outlet's patrol is matched by its route").
 */
function linkReading(base: FactBase, view: EventView, fact: Fact): string {
  const record = view.record;
  if (!record?.patrol) return '';
  if (record.patrol.basis === 'inferred') return view.patrol?.note ? ` (our reading: ${view.patrol.note})` : ' (number inferred)';
  const stating = new Set(record.patrol.stated_in.flatMap((id) => base.factById.get(id)?.source ?? []));
  return view.identificationNote && !stating.has(fact.source) ? ` (our reading: ${view.identificationNote})` : '';
}

export function answerFact(index: KnowledgeIndex, id: string): Answer {
  const target: Target = { command: 'fact', id };
  const base = index.base;
  const fact = base.factById.get(id);
  if (!fact) return gone(target, 'fact');
  const citations = new Citations(base);
  const claimant = base.claimantById.get(fact.claimant);
  const via = fact.reported_via.flatMap((c) => base.claimantById.get(c)?.short_name ?? []);
  const events = eventsOf(base).byFact.get(fact.id) ?? [];
  const evidence: Evidence = { facts: [fact.id], readings: fact.date_basis === 'inferred' && fact.date_reasoning ? [fact.date_reasoning.trim()] : [] };
  const blocks: Block[] = [
    { kind: 'para', text: [fact.statement, ' ', citations.cite([fact.id])] },
    { kind: 'quote', text: fact.quote },
    { kind: 'break' },
    { kind: 'line', label: 'Claimed by', text: [(claimant?.short_name ?? fact.claimant) + (via.length > 0 ? `, via ${via.join(', ')}` : '')] },
  ];
  if (events.length > 0) blocks.push({ kind: 'line', label: 'Part of', text: [events.map((v) => eventLabel(v) + linkReading(base, v, fact)).join(', ')] });
  return {
    target,
    kind: 'ok',
    title: `Report · ${dateText(fact)}`,
    blocks,
    footnotes: citations.footnotes(),
    notes: fact.date_basis === 'inferred' ? ['date inferred from context: the quotes panel says how'] : [],
    actions: [...panelActions(base, evidence), ...events.slice(0, 2).map(eventLink)],
    evidence,
  };
}
