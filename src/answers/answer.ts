/**
 * The platform-neutral answer every command returns. It is data, not text with markup: the Discord
 * renderer and the terminal renderer each decide how it looks, so both always say the same thing.
 */
import type { Claimant, Dispute, Fact, Place, Source } from '../domain/types.ts';
import type { CommandName } from './query.ts';

/**
 * Text that may contain what the user typed. User parts are kept apart so that each renderer can
 * neutralise them (Discord: markdown, mentions and links; terminal: control characters).
 */
export type Phrase = readonly PhrasePart[];
export type PhrasePart = string | { readonly user: string };

/** A date as precisely as it is known, written out. */
export interface FormattedDate {
  /** "22 July 2020", "July 2020", "week of 17–23 August 2020", "mid-July 2020 (inferred)". */
  readonly text: string;
  readonly inferred: boolean;
  /** How an inferred date was worked out, from the fact base. */
  readonly reasoning?: string;
  /** "day 139 after the 5 March agreement", only for dates known to the day. */
  readonly sinceAgreement?: string;
}

export interface DisputeRef {
  readonly id: string;
  readonly title: string;
}

/** A fact with everything needed to show and cite it. */
export interface CitedFact {
  readonly fact: Fact;
  readonly source: Source;
  /** What to call the source in a citation: its publisher, or its title when the text names none. */
  readonly sourceLabel: string;
  readonly sourceDate: FormattedDate;
  readonly claimant: Claimant;
  /** Claimants the claim passed through, e.g. a ministry quoted by a news agency. */
  readonly reportedVia: readonly Claimant[];
  readonly date: FormattedDate;
  readonly places: readonly Place[];
  readonly disputes: readonly DisputeRef[];
}

/** Where a search matched: a window of the quote or the statement, with the matched words marked. */
export interface Snippet {
  readonly field: 'quote' | 'statement';
  /** The window, with "…" where it was cut from a longer text. */
  readonly text: string;
  /** [start, end) offsets into `text` of the words that matched. */
  readonly highlights: readonly (readonly [number, number])[];
}

export type AnswerItem =
  | { readonly kind: 'heading'; readonly text: string; readonly note?: string }
  | {
      readonly kind: 'fact';
      readonly cited: CitedFact;
      /** An attack on the forces involved rather than on a joint patrol. */
      readonly related?: boolean;
      readonly snippet?: Snippet;
    }
  | {
      /** Sources differ: every claim stays, attributed. */
      readonly kind: 'dispute';
      readonly dispute: Dispute;
      readonly claims: readonly CitedFact[];
    }
  | {
      /** One known patrol in the list /patrol gives without a number. */
      readonly kind: 'patrol';
      readonly ordinal: number;
      readonly factCount: number;
      readonly summary: CitedFact;
    }
  | { readonly kind: 'detail'; readonly label: string; readonly value: Phrase; readonly note?: string };

export type AnswerKind = 'ok' | 'not-found' | 'invalid-input';

export interface Answer {
  readonly command: CommandName;
  readonly kind: AnswerKind;
  /** Never holds user input (embed titles are not a safe place to echo it). */
  readonly title: string;
  /** What the answer is, or why there is none. May echo user input as user parts. */
  readonly notice?: Phrase;
  /** What to try next. */
  readonly hint?: Phrase;
  readonly items: readonly AnswerItem[];
}

/** What the user typed, as a user part; cut to `max` characters with "…" where an answer bounds its echo. */
export function user(text: string, max = Infinity): PhrasePart {
  return { user: text.length > max ? `${text.slice(0, max)}…` : text };
}

/** The phrase as plain text, user parts as typed (renderers sanitise on their own terms). */
export function phraseText(phrase: Phrase, quoteUser = (s: string) => s): string {
  return phrase.map((p) => (typeof p === 'string' ? p : quoteUser(p.user))).join('');
}
