/**
 * What every card about an event shares: its summary and labelled lines with citation markers, the
 * notes that say once what was inferred, and the buttons that open its quotes and its disputes.
 */
import type { CardLine, Dispute, FactBase } from '../domain/types.ts';
import type { Action, Block, Evidence, Inline } from './answer.ts';
import type { Citations } from './citations.ts';
import type { EventView } from './events.ts';

/** "text [1]": our words followed by the markers of the facts they rest on. */
export function cited(text: string, cites: readonly string[], citations: Citations): Inline {
  return cites.length > 0 ? [text, ' ', citations.cite(cites)] : [text];
}

/** A disputed line's sides in one line: "none [1] vs mines cleared on the route [2]". */
function sidesText(line: CardLine, citations: Citations): Inline {
  const parts: Inline[number][] = [];
  (line.sides ?? []).forEach((side, i) => {
    if (i > 0) parts.push(' vs ');
    parts.push(...cited(side.text, side.cites, citations));
  });
  return parts;
}

function lineBlock(line: CardLine, citations: Citations): Block {
  if (line.sides) return { kind: 'line', label: line.label, text: sidesText(line, citations), disputed: true };
  return { kind: 'line', label: line.label, text: cited(line.text ?? '', line.cites, citations), ...(line.dispute ? { disputed: true } : {}) };
}

/** The summary, then the labelled lines. */
export function eventBlocks(view: EventView, citations: Citations): Block[] {
  return [{ kind: 'para', text: cited(view.summary.text, view.summary.cites, citations) }, { kind: 'break' }, ...view.lines.map((l) => lineBlock(l, citations))];
}

/** What was inferred about these events, each note once. */
export function inferenceNotes(views: readonly EventView[]): string[] {
  const notes = new Set<string>();
  for (const view of views) {
    if (view.patrol?.inferred && view.patrol.note) notes.add(view.patrol.note);
    if (view.identificationNote) notes.add(view.identificationNote);
    // The note says how (“Tuesday” (SOFREP)…); the prefix says that it is our inference, once.
    if (view.dateNote) notes.add(`date inferred: ${view.dateNote}`);
  }
  return [...notes];
}

/**
 * A list's one note on inference: each card says how its own date or number was worked out, so a
 * list only says that some were, rather than repeating every card's note.
 */
export function listInferenceNotes(views: readonly EventView[]): string[] {
  const inferred = views.filter((v) => v.dated.date_basis === 'inferred' || v.patrol?.inferred).length;
  if (inferred === 0) return [];
  return [inferred === views.length ? 'dates inferred from context: each card says how' : 'some dates inferred from context: each card says how'];
}

/** The disputes any of these facts take part in, in the order the fact base lists them. */
export function disputesOf(base: FactBase, factIds: Iterable<string>): Dispute[] {
  const ids = new Set<string>();
  for (const id of factIds) for (const d of base.disputesByFact.get(id) ?? []) ids.add(d);
  return base.disputes.filter((d) => ids.has(d.id));
}

/**
 * "📜 Quotes & sources" and, when there are any, "⚖️ N disputes": the disputes counted are those of
 * the card's evidence, which its disputes panel shows.
 */
export function panelActions(base: FactBase, evidence: Evidence): Action[] {
  const actions: Action[] = [{ kind: 'panel', panel: 'quotes', label: 'Quotes & sources', emoji: '📜' }];
  const disputes = disputesOf(base, evidence.facts).length;
  if (disputes > 0) actions.push({ kind: 'panel', panel: 'disputes', label: disputes === 1 ? '1 dispute' : `${disputes} disputes`, emoji: '⚖️' });
  return actions;
}

/** Every fact an event stands on: what its quotes panel shows and its disputes come from. */
function reportIds(views: readonly EventView[]): string[] {
  return [...new Set(views.flatMap((v) => v.reports.map((f) => f.id)))];
}

/**
 * Whether a list line or a picture marks this event ⚖️: its card shows a disputed line. A curated
 * record's lines say which points are disputed (two claims of one dispute can stand on the same
 * side, as two trainings set against a forecast do); an event made from facts has no such lines,
 * so there its reports holding two claims of one dispute stand in. Lists, the picture and the card
 * agree through this one test.
 */
export function eventDisputed(base: FactBase, view: EventView): boolean {
  if (view.curated) return view.lines.some((line) => line.dispute !== undefined || line.sides !== undefined);
  return holdsDispute(base, view.reports.map((f) => f.id));
}

/** Whether these facts hold two claims of one dispute: a point the sources tell differently. */
function holdsDispute(base: FactBase, factIds: readonly string[]): boolean {
  const seen = new Set<string>();
  for (const id of new Set(factIds)) {
    for (const d of base.disputesByFact.get(id) ?? []) {
      if (seen.has(d)) return true;
      seen.add(d);
    }
  }
  return false;
}

/** The evidence of a card about these events: their reports, and how they were identified and dated. */
export function eventEvidence(views: readonly EventView[]): Evidence {
  const readings = new Set<string>();
  for (const view of views) {
    const record = view.record;
    if (!record) continue;
    if (record.patrol?.basis === 'inferred' && record.patrol.reasoning) readings.add(record.patrol.reasoning.trim());
    if (record.identification) readings.add(record.identification.trim());
    if (record.date_basis === 'inferred' && record.date_reasoning) readings.add(record.date_reasoning.trim());
  }
  return { facts: reportIds(views), readings: [...readings] };
}
