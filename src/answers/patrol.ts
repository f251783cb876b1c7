/** /patrol [number]: everything about one joint patrol, or the list of known patrols. */
import type { Fact, FactBase } from '../domain/types.ts';
import { lastPossibleDay } from '../knowledge/days.ts';
import type { KnowledgeIndex } from '../search/types.ts';
import type { Answer, AnswerItem } from './answer.ts';
import { capList, cite, factItems, ordinal, plural, supportFor } from './cite.ts';

/** The order facts about one patrol are told in: the patrol itself, then what befell it. */
const KIND_ORDER: readonly Fact['kind'][] = ['patrol', 'attack', 'casualties', 'military-action', 'training', 'statement', 'agreement', 'humanitarian', 'context'];

function kindRank(fact: Fact): number {
  const i = KIND_ORDER.indexOf(fact.kind);
  return i < 0 ? KIND_ORDER.length : i;
}

const ORDINAL_WORDS = ['first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth'];

/** A test of whether a fact's own words name the Nth patrol ("the 26th joint patrol", "21th", "first"). */
function namesPatrol(n: number): (fact: Fact) => boolean {
  // Digits have no case, so the number is looked for in the texts as they are; only the word needs /i.
  const number = new RegExp(`(^|[^0-9])${n}(st|nd|rd|th)?([^0-9]|$)`);
  const word = ORDINAL_WORDS[n - 1];
  const wordPattern = word === undefined ? undefined : new RegExp(`\\b${word}\\b`, 'i');
  const says = (text: string) => number.test(text) || (wordPattern?.test(text) ?? false);
  return (fact) => says(fact.quote) || says(fact.statement);
}

/** The facts that pass the test, or all of them when none does: a preference, never a filter to nothing. */
function preferring(facts: readonly Fact[], test: (fact: Fact) => boolean): readonly Fact[] {
  const kept = facts.filter(test);
  return kept.length > 0 ? kept : facts;
}

/**
 * The fact that best sums up a patrol in one line. Preferred, in order: a fact about this patrol
 * alone rather than a range of them; one whose words name the patrol; the earliest to have surely
 * happened (a later count of patrols mentions the number too, but the event itself comes first);
 * a patrol before an attack before anything else; the index's order. Each preference narrows the
 * facts before the next, dearer one is worked out.
 */
export function patrolSummaryFact(facts: readonly Fact[], n: number): Fact | undefined {
  const candidates = preferring(
    preferring(facts, (fact) => fact.patrols.length === 1 && fact.patrols[0] === n),
    namesPatrol(n),
  );
  let best: Fact | undefined;
  let bestKey: readonly [number, number] | undefined;
  for (const fact of candidates) {
    const key = [lastPossibleDay(fact), kindRank(fact)] as const;
    // Strictly better only: on a tie the earlier fact in the index's order stays.
    if (!bestKey || key[0] < bestKey[0] || (key[0] === bestKey[0] && key[1] < bestKey[1])) {
      best = fact;
      bestKey = key;
    }
  }
  return best;
}

/**
 * Summaries per fact base and patrol. The /patrol list sums up every listed patrol; at 100,000 facts
 * that is tens of thousands of facts to weigh, the same each time until the fact base changes.
 */
const summaries = new WeakMap<FactBase, Map<number, Fact | undefined>>();

function summaryOf(index: KnowledgeIndex, n: number): Fact | undefined {
  let perPatrol = summaries.get(index.base);
  if (!perPatrol) {
    perPatrol = new Map();
    summaries.set(index.base, perPatrol);
  }
  if (!perPatrol.has(n)) perPatrol.set(n, patrolSummaryFact(index.factsForPatrol(n), n));
  return perPatrol.get(n);
}

/** The known patrol number closest to the one asked for (the lower one on a tie). */
function nearest(known: readonly number[], n: number): number {
  return known.reduce((best, k) => (Math.abs(k - n) < Math.abs(best - n) ? k : best));
}

function knownList(known: readonly number[]): string {
  return known.join(', ');
}

export function answerPatrol(index: KnowledgeIndex, number: number | undefined): Answer {
  const support = supportFor(index.base);
  const known = index.knownPatrols();
  if (number === undefined) {
    if (known.length === 0) {
      return { command: 'patrol', kind: 'not-found', title: 'Known joint patrols', notice: ['The fact base has no patrols yet.'], items: [] };
    }
    const items: AnswerItem[] = [];
    const { shown, note } = capList(known, 'ask /patrol with a number for any of them');
    for (const n of shown) {
      const summary = summaryOf(index, n);
      if (summary) items.push({ kind: 'patrol', ordinal: n, factCount: index.factsForPatrol(n).length, summary: cite(support, summary) });
    }
    return {
      command: 'patrol',
      kind: 'ok',
      title: 'Known joint patrols',
      notice: [`The fact base knows ${plural(known.length, 'joint patrol')}: ${knownList(known)}. Each is shown with its date and one fact about it.${note}`],
      hint: ['Ask /patrol with a number, e.g. ', `/patrol ${known[known.length - 1]}`, ', for everything about one patrol.'],
      items,
    };
  }

  const facts = index.factsForPatrol(number);
  if (facts.length === 0) {
    return {
      command: 'patrol',
      kind: 'not-found',
      title: `The ${ordinal(number)} joint patrol`,
      notice: [
        known.length > 0
          ? `No record of patrol ${number} in the fact base. Known patrols: ${knownList(known)}.`
          : `No record of patrol ${number}: the fact base has no patrols yet.`,
      ],
      ...(known.length > 0 ? { hint: [`Try /patrol ${nearest(known, number)}, or /patrol for the list.`] } : {}),
      items: [],
    };
  }

  // Stable sort: the index gives date order, which is kept within each kind.
  const ordered = facts.map((fact, i) => ({ fact, i })).sort((a, b) => kindRank(a.fact) - kindRank(b.fact) || a.i - b.i).map((x) => x.fact);
  const sources = new Set(facts.map((f) => f.source));
  const summary = summaryOf(index, number);
  const when = summary ? cite(support, summary).date.text : undefined;
  const listed = capList(ordered, 'use /search for the rest');
  const disputed = new Set(facts.flatMap((f) => index.base.disputesByFact.get(f.id) ?? [])).size;
  return {
    command: 'patrol',
    kind: 'ok',
    title: `The ${ordinal(number)} joint patrol`,
    notice: [
      `${when ? `${when}. ` : ''}${plural(facts.length, 'fact')} from ${plural(sources.size, 'source')}` +
        (disputed > 0 ? `; the sources differ on ${plural(disputed, 'point')}, shown as such.` : '.') +
        listed.note,
    ],
    items: factItems(support, listed.shown),
  };
}
