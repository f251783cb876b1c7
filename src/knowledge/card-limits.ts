/**
 * How much card text an event record may hold: the one set of limits the checker enforces on
 * events.yaml and the renderer builds its Discord cards against.
 *
 * A `/patrol N`, `/attacks` or `/where X` card must fit in about 1,000 visible characters with its
 * heading, citation markers and footnotes. The text an event contributes (summary, labels, lines)
 * is held to 650 of those, leaving the rest for what the renderer adds around it. Lengths are
 * String.length (UTF-16 code units), as in src/render/limits.ts: never less than what Discord counts.
 */
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
