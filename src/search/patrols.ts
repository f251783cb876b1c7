/**
 * The joint patrols the fact base knows, each with the date to show beside its number in `/patrol`
 * autocomplete ("Patrol 22 — 22 July 2020").
 */
import { format, parseISO } from 'date-fns';
import type { Dated, Fact } from '../domain/types.ts';
import { foldText } from '../text/normalise.ts';
import { firstPossibleDay, isoDay } from '../knowledge/days.ts';
import type { Entity } from './entities.ts';
import { ChoiceList, choiceLimit } from './suggestion.ts';
import type { Suggestion } from './types.ts';

const labels = new Map<string, string>();

/** A fact's date as precisely as it is known, for a short label (memoised: dates repeat a lot). */
export function shortDateLabel(fact: Dated): string {
  const key = `${fact.date_precision} ${fact.date} ${fact.date_earliest ?? ''}`;
  let label = labels.get(key);
  if (label === undefined) {
    label = formatShortDate(fact);
    if (labels.size > 50_000) labels.clear();
    labels.set(key, label);
  }
  return label;
}

function formatShortDate(fact: Dated): string {
  switch (fact.date_precision) {
    case 'day':
      return format(parseISO(fact.date), 'd MMMM yyyy');
    case 'month':
      return format(parseISO(`${fact.date}-01`), 'MMMM yyyy');
    case 'year':
      return fact.date;
    case 'week':
      return `week of ${format(parseISO(isoDay(firstPossibleDay(fact))), 'd MMMM yyyy')}`;
    case 'approximate':
      return `c. ${format(parseISO(fact.date.length === 10 ? fact.date : isoDay(firstPossibleDay(fact))), 'd MMMM yyyy')}`;
  }
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

  /** @param patrols the patrol entities (id: the ordinal), each with its facts in date order */
  constructor(patrols: ReadonlyMap<string, Entity>) {
    this.ordinals = [...patrols.keys()].map(Number).sort((a, b) => a - b);
    this.#entries = this.ordinals.map((ordinal) => {
      const name = `Patrol ${ordinal} — ${patrolDate(patrols.get(String(ordinal))?.facts ?? [])}`;
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
 * The date of a patrol from its patrol facts (else any fact about it), as precise as the most
 * precise of them; when those disagree, the label says so rather than picking one silently.
 */
function patrolDate(facts: readonly Fact[]): string {
  const patrolFacts = facts.filter((fact) => fact.kind === 'patrol');
  const dated = patrolFacts.length > 0 ? patrolFacts : facts;
  const precision = PRECISION_ORDER.find((p) => dated.some((fact) => fact.date_precision === p));
  const labels = [...new Set(dated.filter((fact) => fact.date_precision === precision).map((fact) => shortDateLabel(fact)))];
  if (labels.length === 0) return 'date unknown';
  return labels.length === 1 ? labels[0]! : `${labels[0]} (sources differ)`;
}
