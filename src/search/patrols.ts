/**
 * The joint patrols the fact base knows, each with the date to show beside its number in `/patrol`
 * autocomplete ("Patrol 22 — 22 July 2020").
 */
import type { Dated, EventRecord, Fact } from '../domain/types.ts';
import { possibleDays } from '../knowledge/days.ts';
import { daysInterval, formatInterval } from '../text/day-spans.ts';
import { foldText } from '../text/normalise.ts';
import type { Entity } from './entities.ts';
import { ChoiceList, choiceLimit } from './suggestion.ts';
import type { Suggestion } from './types.ts';

/** Labels by record (a source or an event, which autocomplete labels on every keystroke). */
const labels = new WeakMap<Dated, string>();

/**
 * A record's possible days in words, as its card writes them ("22 July 2020", "1–16 July 2020"):
 * a date known to a span is the span, never a single day.
 */
export function shortDateLabel(record: Dated): string {
  let label = labels.get(record);
  if (label === undefined) {
    const days = possibleDays(record);
    label = days ? formatInterval(daysInterval(days)) : 'date unknown';
    labels.set(record, label);
  }
  return label;
}

interface PatrolEntry {
  readonly ordinal: number;
  readonly name: string;
  /** Folded label, for matching words such as "july". */
  readonly folded: string;
}

export class PatrolDirectory {
  readonly ordinals: readonly number[];
  readonly #entries: readonly PatrolEntry[];

  /**
   * @param patrols the patrol entities (id: the ordinal), each with its facts in date order
   * @param events the event records: a numbered patrol's date is its record's, as on its card
   */
  constructor(patrols: ReadonlyMap<string, Entity>, events: readonly EventRecord[]) {
    const numbered = events.filter((e) => e.patrol !== undefined);
    this.ordinals = [...new Set([...[...patrols.keys()].map(Number), ...numbered.map((e) => e.patrol!.number)])].sort((a, b) => a - b);
    this.#entries = this.ordinals.map((ordinal) => {
      // The patrol itself first, then what befell it: the record its card opens with.
      const records = numbered.filter((e) => e.patrol!.number === ordinal);
      const record = records.find((e) => e.kind === 'patrol') ?? records[0];
      const date = record ? shortDateLabel(record) : patrolDate(patrols.get(String(ordinal))?.facts ?? []);
      const name = `Patrol ${ordinal} — ${date}`;
      return { ordinal, name, folded: foldText(name) };
    });
  }

  /**
   * Digits select ordinals starting with them ("2" → 2, 20–29, 200…); words select dates ("july
   * 2020"); nothing typed lists the patrols from the first.
   */
  suggest(input: string, limit?: number): Suggestion[] {
    const choices = new ChoiceList(choiceLimit(limit));
    const digits = /\d+/.exec(input)?.[0];
    const words = foldText(input.replace(/\d+/g, ' ').replace(/\bpatrol\b/gi, ' ')).split(' ').filter(Boolean);
    for (const entry of this.#entries) {
      if (choices.full) break;
      if (digits !== undefined && !String(entry.ordinal).startsWith(String(Number(digits)))) continue;
      if (digits === undefined && !words.every((word) => entry.folded.includes(` ${word}`) || entry.folded.startsWith(word))) continue;
      choices.add(entry.name, String(entry.ordinal));
    }
    return choices.toArray();
  }
}

const PRECISION_ORDER: readonly Fact['date_precision'][] = ['day', 'week', 'approximate', 'month', 'year'];

/**
 * The date of a patrol that no record numbers yet, from its patrol facts (else any fact about it),
 * as precise as the most precise of them; when those disagree, the label says so rather than
 * picking one silently.
 */
function patrolDate(facts: readonly Fact[]): string {
  const patrolFacts = facts.filter((fact) => fact.kind === 'patrol');
  const dated = patrolFacts.length > 0 ? patrolFacts : facts;
  const precision = PRECISION_ORDER.find((p) => dated.some((fact) => fact.date_precision === p));
  const labels = [...new Set(dated.filter((fact) => fact.date_precision === precision).map((fact) => shortDateLabel(fact)))];
  if (labels.length === 0) return 'date unknown';
  return labels.length === 1 ? labels[0]! : `${labels[0]} (sources differ)`;
}
