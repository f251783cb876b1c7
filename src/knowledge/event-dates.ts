/**
 * An event's date must fit the facts that report it: whatever day it happened on, each of its
 * reports must allow that day. Only the reports that date the event itself take part — for an
 * attack, the attack and its casualties; not a later statement about it ("no one has claimed
 * responsibility", dated when it was said) nor a response to it.
 */
import type { EventKind, EventRecord, Fact, FactKind, KnowledgeIssue } from '../domain/types.ts';
import type { Located } from './entries.ts';
import { isoDay, possibleDays } from './days.ts';
import { issueAt } from './yaml-file.ts';

/** The kinds of fact that report an event of each kind as it happened, and so bound its date. */
export const DATING_KINDS: Readonly<Record<EventKind, readonly FactKind[]>> = {
  patrol: ['patrol'],
  attack: ['attack', 'casualties'],
  training: ['training'],
  agreement: ['agreement'],
  // A suspension of the patrols is reported by facts about the patrols (there is no fact kind for it).
  suspension: ['patrol'],
  humanitarian: ['humanitarian'],
  'military-action': ['military-action'],
};

function span(first: number, last: number): string {
  return first === last ? isoDay(first) : `${isoDay(first)} to ${isoDay(last)}`;
}

/**
 * The event's possible days lie within those of every report of a dating kind, and it has at
 * least one such report. `factById` holds the facts that passed their own checks; a report
 * missing from it is reported elsewhere (unknown id) or has its own date problem.
 */
export function checkEventFitsReports(entry: Located<EventRecord>, factById: ReadonlyMap<string, Fact>): KnowledgeIssue[] {
  const { value: event, file, index } = entry;
  const own = possibleDays(event);
  if (!own) return []; // an invalid date is reported by checkDates
  const kinds = DATING_KINDS[event.kind];
  const issues: KnowledgeIssue[] = [];
  let dated = 0;
  let known = 0;
  event.reports.forEach((id, i) => {
    const fact = factById.get(id);
    if (!fact) return;
    known++;
    if (!kinds.includes(fact.kind)) return;
    dated++;
    const allowed = possibleDays(fact);
    if (!allowed || (own.first >= allowed.first && own.last <= allowed.last)) return;
    issues.push(
      issueAt(
        file,
        [index, 'reports', i],
        `the event's possible days (${span(own.first, own.last)}) are not all within those of its report ${id} ` +
          `(${span(allowed.first, allowed.last)}): narrow the event's date to what every report allows, or check the report's date`,
      ),
    );
  });
  if (known === event.reports.length && dated === 0) {
    issues.push(
      issueAt(
        file,
        [index, 'reports'],
        `none of its reports is a fact of kind ${kinds.join(' or ')}: an event of kind ${event.kind} is reported by at least one, which dates it`,
      ),
    );
  }
  return issues;
}
