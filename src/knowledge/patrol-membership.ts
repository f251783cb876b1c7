/**
 * Patrol numbers in facts and in events must agree, because a `/patrol N` card is built from the
 * events that carry number N and shows nothing else:
 *
 * - a fact that names patrol N (`patrols: [N]`) is reported by an event of patrol N, once that
 *   patrol has any, or says in `no_event_reason` why not — otherwise the card would silently miss it;
 * - an event's reports name no other patrol than its own;
 * - a number an event calls `stated` is named by the facts it lists in `stated_in`, and a number a
 *   report names is not `inferred`;
 * - a patrol has one event of kind patrol (attacks on it are events of their own).
 */
import type { EventRecord, Fact, KnowledgeIssue } from '../domain/types.ts';
import type { Located } from './entries.ts';
import { issueAt, lineRef } from './yaml-file.ts';

function where(entry: Located<EventRecord>): string {
  return `${entry.value.id} (${lineRef(entry, ['id'])})`;
}

export function checkPatrolMembership(
  events: readonly Located<EventRecord>[],
  facts: readonly Located<Fact>[],
): KnowledgeIssue[] {
  const issues: KnowledgeIssue[] = [];
  const eventsOfPatrol = new Map<number, Located<EventRecord>[]>();
  /** For each fact id, the patrol numbers of the events that report it. */
  const reportedAs = new Map<string, Set<number>>();
  for (const entry of events) {
    const number = entry.value.patrol?.number;
    if (number === undefined) continue;
    const list = eventsOfPatrol.get(number);
    if (list) list.push(entry);
    else eventsOfPatrol.set(number, [entry]);
    for (const id of entry.value.reports) {
      const numbers = reportedAs.get(id);
      if (numbers) numbers.add(number);
      else reportedAs.set(id, new Set([number]));
    }
  }

  for (const fact of facts) {
    const { patrols, no_event_reason: reason, id } = fact.value;
    const left: number[] = [];
    patrols.forEach((number, i) => {
      const owners = eventsOfPatrol.get(number);
      if (!owners || reportedAs.get(id)?.has(number)) return;
      left.push(number);
      if (reason?.trim()) return;
      issues.push(
        issueAt(
          fact.file,
          [fact.index, 'patrols', i],
          `names patrol ${number}, but no event of patrol ${number} reports it (${owners.map(where).join(', ')}): ` +
            `add it to that event's reports, or say in no_event_reason why it stays out`,
        ),
      );
    });
    if (reason !== undefined && left.length === 0) {
      issues.push(
        issueAt(
          fact.file,
          [fact.index, 'no_event_reason'],
          patrols.length === 0
            ? 'the fact names no patrol, so there is nothing to explain: remove no_event_reason'
            : `an event of every patrol the fact names (${patrols.join(', ')}) reports it, or there is none yet: remove no_event_reason`,
        ),
      );
    }
  }

  const factById = new Map(facts.map((fact) => [fact.value.id, fact.value] as const));
  const patrolEvent = new Map<number, Located<EventRecord>>();
  for (const entry of events) {
    const { value: event, file, index } = entry;
    const at = (path: (string | number)[], message: string) => issues.push(issueAt(file, [index, ...path], message));
    const number = event.patrol?.number;
    if (number === undefined) {
      if (event.kind !== 'patrol' && event.kind !== 'attack') continue;
      event.reports.forEach((id, i) => {
        const named = factById.get(id)?.patrols ?? [];
        if (named.length > 0) {
          at(['reports', i], `report ${id} names patrol ${named.join(', ')}, but this event has no patrol number: give it patrol: {number: …}`);
        }
      });
      continue;
    }
    if (event.kind === 'patrol') {
      const first = patrolEvent.get(number);
      if (first) at(['patrol', 'number'], `patrol ${number} already has an event of kind patrol, ${where(first)}: one record per patrol`);
      else patrolEvent.set(number, entry);
    }
    event.reports.forEach((id, i) => {
      const named = factById.get(id)?.patrols ?? [];
      if (named.length > 0 && !named.includes(number)) {
        at(['reports', i], `report ${id} names patrol ${named.join(', ')}, not ${number}: it reports another patrol's event`);
      }
    });
    event.patrol?.stated_in.forEach((id, i) => {
      const fact = factById.get(id);
      if (fact && !fact.patrols.includes(number)) {
        at(['patrol', 'stated_in', i], `fact ${id} does not name patrol ${number} (its patrols: [${fact.patrols.join(', ')}]): a fact states the number only if it names it`);
      }
    });
    if (event.patrol?.basis === 'inferred') {
      const naming = event.reports.filter((id) => factById.get(id)?.patrols.includes(number));
      if (naming.length > 0) {
        at(['patrol', 'basis'], `report ${naming.join(', ')} names patrol ${number}: the number is stated, not inferred; list it in stated_in`);
      }
    }
  }
  return issues;
}
