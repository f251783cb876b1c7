/**
 * Rules about one event record: what it refers to exists, what a card will show of it cites only
 * the facts that report it, the fields that belong to some kinds of event only appear on them, an
 * inferred number, date or grouping of reports says so, and a disputed line shows the dispute's
 * claims. Its date against its reports is event-dates.ts's, its card text card-text-rules.ts's, and
 * patrol numbers across facts and events patrol-membership.ts's.
 */
import type { Dispute, EventRecord, Fact, KnowledgeIssue } from '../domain/types.ts';
import type { Located } from './entries.ts';
import { checkId, type Catalogues } from './references.ts';
import { issueAt, type FieldPath } from './yaml-file.ts';

export interface EventContext {
  readonly catalogues: Catalogues;
  readonly factById: ReadonlyMap<string, Fact>;
  /** The disputes that passed their own checks: a disputed line's sides are judged against their claims. */
  readonly disputeById: ReadonlyMap<string, Dispute>;
}

/** Every list of fact ids an event holds besides `reports`, with the path to it. */
function citations(event: EventRecord): { readonly path: FieldPath; readonly ids: readonly string[] }[] {
  const lists: { readonly path: FieldPath; readonly ids: readonly string[] }[] = [
    { path: ['summary', 'cites'], ids: event.summary.cites },
    { path: ['brief', 'cites'], ids: event.brief.cites },
  ];
  if (event.patrol) lists.push({ path: ['patrol', 'stated_in'], ids: event.patrol.stated_in });
  event.actors.forEach((actor, i) => lists.push({ path: ['actors', i, 'cites'], ids: actor.cites }));
  event.lines.forEach((line, i) => {
    lists.push({ path: ['lines', i, 'cites'], ids: line.cites });
    line.sides?.forEach((side, j) => lists.push({ path: ['lines', i, 'sides', j, 'cites'], ids: side.cites }));
  });
  return lists;
}

export function checkEvent(entry: Located<EventRecord>, context: EventContext): KnowledgeIssue[] {
  const { value: event, file, index } = entry;
  const { catalogues } = context;
  const issues: KnowledgeIssue[] = [];
  const at = (path: FieldPath, message: string) => issues.push(issueAt(file, [index, ...path], message));

  // References.
  event.reports.forEach((id, i) => checkId(entry, ['reports', i], id, 'fact', catalogues.facts, issues));
  event.places.forEach((id, i) => checkId(entry, ['places', i], id, 'place', catalogues.places, issues));
  if (event.route) {
    checkId(entry, ['route', 'from'], event.route.from, 'place', catalogues.places, issues);
    checkId(entry, ['route', 'to'], event.route.to, 'place', catalogues.places, issues);
  }
  event.lines.forEach((line, i) => {
    if (line.dispute) checkId(entry, ['lines', i, 'dispute'], line.dispute, 'dispute', catalogues.disputes, issues);
  });

  // A card cites only the facts of its own event: what it shows is what those facts report.
  const reported = new Set(event.reports);
  for (const { path, ids } of citations(event)) {
    ids.forEach((id, i) => {
      if (reported.has(id)) return;
      const known = !catalogues.facts.complete || catalogues.facts.ids.has(id);
      at(
        [...path, i],
        known
          ? `cites fact ${id}, which is not in this event's reports: add it to reports, or cite a fact of this event`
          : `unknown fact "${id}": no such id in ${catalogues.facts.where}`,
      );
    });
  }
  const seen = new Set<string>();
  event.reports.forEach((id, i) => {
    if (seen.has(id)) at(['reports', i], `fact ${id} is listed twice`);
    seen.add(id);
  });

  // Fields that only some kinds of event have.
  if (event.kind === 'attack' && event.target === undefined) {
    issues.push(issueAt(file, [index, 'target'], 'is required for kind attack: joint-patrol or related-forces', [index, 'kind']));
  }
  if (event.kind !== 'attack' && event.target !== undefined) at(['target'], `only attacks have a target, and this event's kind is ${event.kind}`);
  if (event.patrol && event.kind !== 'patrol' && event.kind !== 'attack') {
    at(['patrol'], `only a patrol, or an attack on one, has a patrol number; this event's kind is ${event.kind}`);
  }
  if (event.kind === 'attack' && event.patrol && event.target !== undefined && event.target !== 'joint-patrol') {
    at(['patrol'], 'an attack with a patrol number hit that joint patrol: its target must be joint-patrol');
  }
  if (event.route && event.kind !== 'patrol') at(['route'], `only a patrol has a route; this event's kind is ${event.kind}`);

  // How the patrol number is known.
  if (event.patrol?.basis === 'stated' && event.patrol.stated_in.length === 0) {
    at(['patrol', 'stated_in'], 'a stated number names the facts whose quote gives it');
  }
  if (event.patrol?.basis === 'inferred') {
    if (!event.patrol.reasoning?.trim()) at(['patrol', 'reasoning'], 'is required when the number is inferred: say how it was worked out');
    if (!event.patrol.note?.trim()) at(['patrol', 'note'], 'is required when the number is inferred: a few words the card shows');
  }
  if (event.date_basis === 'inferred' && !event.date_note?.trim()) {
    issues.push(
      issueAt(file, [index, 'date_note'], 'is required when date_basis is inferred: a few words the card shows once', [index, 'date_basis']),
    );
  }

  // Grouping reports from different sources into one event is our inference: it is said, and shown.
  const sources = new Set(event.reports.flatMap((id) => context.factById.get(id)?.source ?? []));
  if (sources.size > 1 && !event.identification?.trim()) {
    issues.push(
      issueAt(
        file,
        [index, 'identification'],
        `is required: the reports come from ${sources.size} sources (${[...sources].join(', ')}); say why they are one event`,
        [index, 'reports'],
      ),
    );
  }
  if (event.identification?.trim() && !event.identification_note?.trim()) {
    issues.push(
      issueAt(file, [index, 'identification_note'], 'is required with identification: a few words the card shows once', [index, 'identification']),
    );
  }
  if (event.identification_note !== undefined && !event.identification?.trim()) {
    at(['identification_note'], 'is shown beside an identification: write the identification, or remove the note');
  }

  // A line is plain (text) or disputed (sides, naming the dispute).
  event.lines.forEach((line, i) => {
    if (line.text === undefined && line.sides === undefined) at(['lines', i], 'a line has either text (with cites) or sides (with a dispute)');
    if (line.text !== undefined && line.sides !== undefined) at(['lines', i, 'sides'], 'a line has either text or sides, not both');
    if (line.text !== undefined && line.sides === undefined && line.cites.length === 0) at(['lines', i, 'cites'], 'a line with text cites at least one fact of the event');
    if (line.sides !== undefined) {
      if (line.sides.length < 2) at(['lines', i, 'sides'], 'a disputed line shows at least two sides');
      if (!line.dispute) at(['lines', i, 'dispute'], 'a line with sides names the dispute it is about');
    }
    if (line.text !== undefined && line.sides === undefined && line.dispute !== undefined) {
      at(['lines', i, 'dispute'], 'a line about a dispute shows its sides: write sides (each with its cites) instead of text');
    }
    // Each side is one of the claims the dispute links, so the card shows both, attributed.
    const claims = line.dispute === undefined ? undefined : context.disputeById.get(line.dispute)?.claims;
    if (claims === undefined) return;
    line.sides?.forEach((side, j) => {
      if (!side.cites.some((id) => claims.includes(id))) {
        at(['lines', i, 'sides', j, 'cites'], `cites none of the claims of dispute ${line.dispute}: a side cites the claim it shows`);
      }
    });
  });
  return issues;
}
