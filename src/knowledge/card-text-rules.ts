/**
 * Card text stays within CARD_TEXT_LIMITS: each field of an event, each event's card, and the
 * `/patrol N` card, which shows every event that carries number N (the patrol, then attacks on it).
 * Names are unique, since lists and select menus tell events apart by them.
 */
import type { EventRecord, KnowledgeIssue } from '../domain/types.ts';
import { CARD_TEXT_LIMITS, cardTexts, type FieldLimit } from './card-limits.ts';
import type { Located } from './entries.ts';
import { issueAt, lineRef } from './yaml-file.ts';

/** The summary, labels and line or side texts of one event: what counts towards `cardText`. */
export function cardTextLength(event: EventRecord): number {
  let length = event.summary.text.length;
  for (const line of event.lines) {
    length += line.label.length + (line.text?.length ?? 0);
    for (const side of line.sides ?? []) length += side.text.length;
  }
  return length;
}

/** How a message names each text. */
const WHAT: Readonly<Record<FieldLimit, string>> = {
  name: 'the name',
  brief: 'the brief',
  summary: 'the summary',
  dateNote: 'the date note',
  patrolNote: 'the patrol note',
  identificationNote: 'the identification note',
  actorName: "the actor's name",
  label: 'the label',
  lineText: 'the line',
  sideText: 'the side',
};

export function checkCardText(entry: Located<EventRecord>): KnowledgeIssue[] {
  const { value: event, file, index } = entry;
  const issues: KnowledgeIssue[] = [];
  for (const { path, text, limit } of cardTexts(event)) {
    const max = CARD_TEXT_LIMITS[limit];
    if (text !== undefined && text.length > max) {
      issues.push(issueAt(file, [index, ...path], `${WHAT[limit]} has ${text.length} characters; at most ${max} fit the card: shorten it`));
    }
  }
  event.lines.forEach((line, i) => {
    const sides = (line.sides ?? []).reduce((sum, side) => sum + side.text.length, 0);
    if (sides > CARD_TEXT_LIMITS.sidesText) {
      issues.push(
        issueAt(file, [index, 'lines', i, 'sides'], `the sides have ${sides} characters together; at most ${CARD_TEXT_LIMITS.sidesText} fit one line: shorten them`),
      );
    }
  });
  if (event.lines.length > CARD_TEXT_LIMITS.lines) {
    issues.push(issueAt(file, [index, 'lines', CARD_TEXT_LIMITS.lines], `a card shows at most ${CARD_TEXT_LIMITS.lines} lines; this event has ${event.lines.length}`));
  }
  const total = cardTextLength(event);
  if (total > CARD_TEXT_LIMITS.cardText) {
    issues.push(
      issueAt(
        file,
        [index, 'summary'],
        `the summary, labels and lines have ${total} characters together; at most ${CARD_TEXT_LIMITS.cardText} fit a card: shorten them or drop a line`,
      ),
    );
  }
  return issues;
}

/**
 * The `/patrol N` card shows every event of patrol N: together they keep to the limits of one card.
 * Reported at the event that takes the card over a limit, in file order.
 */
export function checkPatrolCards(events: readonly Located<EventRecord>[]): KnowledgeIssue[] {
  const issues: KnowledgeIssue[] = [];
  const cards = new Map<number, { events: Located<EventRecord>[]; text: number; lines: number }>();
  for (const entry of events) {
    const number = entry.value.patrol?.number;
    if (number === undefined) continue;
    const card = cards.get(number) ?? { events: [], text: 0, lines: 0 };
    cards.set(number, card);
    const text = cardTextLength(entry.value);
    const lines = entry.value.lines.length;
    // Judged once per card, at the first event that takes it over a limit; an event over a limit
    // on its own is reported by checkCardText, and a card of one event is just that event.
    const judged = card.text <= CARD_TEXT_LIMITS.cardText && card.lines <= CARD_TEXT_LIMITS.lines;
    const alone = text <= CARD_TEXT_LIMITS.cardText && lines <= CARD_TEXT_LIMITS.lines;
    card.events.push(entry);
    card.text += text;
    card.lines += lines;
    if (card.events.length < 2 || !judged || !alone) continue;
    const others = card.events.slice(0, -1).map((other) => `${other.value.id} (${lineRef(other, ['id'])})`);
    if (card.text > CARD_TEXT_LIMITS.cardText) {
      issues.push(
        issueAt(
          entry.file,
          [entry.index, 'patrol', 'number'],
          `the patrol ${number} card shows this event with ${others.join(', ')}: ${card.text} characters of summary, labels and lines; at most ${CARD_TEXT_LIMITS.cardText} fit`,
        ),
      );
    } else if (card.lines > CARD_TEXT_LIMITS.lines) {
      issues.push(
        issueAt(
          entry.file,
          [entry.index, 'patrol', 'number'],
          `the patrol ${number} card shows this event with ${others.join(', ')}: ${card.lines} lines; at most ${CARD_TEXT_LIMITS.lines} fit`,
        ),
      );
    }
  }
  return issues;
}

/** Lists and select menus show events by name: no two may share one. */
export function checkUniqueNames(events: readonly Located<EventRecord>[]): KnowledgeIssue[] {
  const first = new Map<string, Located<EventRecord>>();
  const issues: KnowledgeIssue[] = [];
  for (const entry of events) {
    const key = entry.value.name.trim().toLowerCase();
    const earlier = first.get(key);
    if (!earlier) {
      first.set(key, entry);
      continue;
    }
    issues.push(
      issueAt(
        entry.file,
        [entry.index, 'name'],
        `event ${earlier.value.id} (${lineRef(earlier, ['name'])}) already has this name: menus could not tell them apart`,
      ),
    );
  }
  return issues;
}
