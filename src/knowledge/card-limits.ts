/**
 * How much card text an event record may hold: the one set of limits the checker enforces on
 * events.yaml and the renderer builds its Discord cards against.
 *
 * A `/patrol N`, `/attacks` or `/where X` card must fit in about 1,000 visible characters with its
 * heading, citation markers and footnotes. The text an event contributes (summary, labels, lines)
 * is held to 650 of those, leaving the rest for what the renderer adds around it. Lengths are
 * String.length (UTF-16 code units), as in src/render/limits.ts: never less than what Discord counts.
 */
import type { EventRecord } from '../domain/types.ts';
import type { FieldPath } from './yaml-file.ts';

export const CARD_TEXT_LIMITS = {
  /** `name`: headings, list entries and select-menu options. */
  name: 40,
  /** `brief.text`: one line of `/patrol` (list) or `/attacks`, and a select-menu description. */
  brief: 70,
  /** `summary.text`: the card's first sentence. */
  summary: 180,
  /** How many `lines` a card shows. */
  lines: 5,
  /** A line's `label`, shown in bold before it. */
  label: 16,
  /** A plain line's `text`. */
  lineText: 150,
  /** The text of one side of a disputed line. */
  sideText: 100,
  /** All sides of one disputed line together: they are shown on one line, "a [1] vs b [2]". */
  sidesText: 200,
  /** The summary, every label and every line or side text of a card, together. */
  cardText: 650,
  /** `date_note`: shown once per card when the date is inferred. */
  dateNote: 60,
  /** `patrol.note`: shown once per card when the patrol number is inferred. */
  patrolNote: 60,
  /** `identification_note`: shown once per card when reports were grouped by inference. */
  identificationNote: 60,
  /** An actor's `name`. */
  actorName: 60,
} as const;

export type CardTextLimit = keyof typeof CARD_TEXT_LIMITS;

/** The limits that hold one field of an event (the others hold several together). */
export type FieldLimit = Exclude<CardTextLimit, 'lines' | 'sidesText' | 'cardText'>;

/** One text of an event that its card shows: where it is in the record, and the limit it keeps to. */
export interface CardText {
  readonly path: FieldPath;
  readonly text: string | undefined;
  readonly limit: FieldLimit;
}

/**
 * Every text of an event that a card shows, with its limit: the one list that the checks of length
 * (card-text-rules.ts), of quotation marks (quote-marks.ts) and of internal ids (reader-text.ts) walk.
 */
export function cardTexts(event: EventRecord): CardText[] {
  const texts: CardText[] = [
    { path: ['name'], text: event.name, limit: 'name' },
    { path: ['brief', 'text'], text: event.brief.text, limit: 'brief' },
    { path: ['summary', 'text'], text: event.summary.text, limit: 'summary' },
    { path: ['date_note'], text: event.date_note, limit: 'dateNote' },
    { path: ['patrol', 'note'], text: event.patrol?.note, limit: 'patrolNote' },
    { path: ['identification_note'], text: event.identification_note, limit: 'identificationNote' },
  ];
  event.actors.forEach((actor, i) => texts.push({ path: ['actors', i, 'name'], text: actor.name, limit: 'actorName' }));
  event.lines.forEach((line, i) => {
    texts.push({ path: ['lines', i, 'label'], text: line.label, limit: 'label' }, { path: ['lines', i, 'text'], text: line.text, limit: 'lineText' });
    line.sides?.forEach((side, j) => texts.push({ path: ['lines', i, 'sides', j, 'text'], text: side.text, limit: 'sideText' }));
  });
  return texts;
}
