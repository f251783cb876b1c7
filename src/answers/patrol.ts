/** /patrol [number]: everything about one joint patrol, or the list of known patrols. */
import type { Fact } from '../domain/types.ts';
import type { KnowledgeIndex } from '../search/types.ts';
import type { Answer, AnswerItem } from './answer.ts';
import { capList, cite, factItems, ordinal, plural, supportFor } from './cite.ts';
import { datedInterval } from './dates.ts';

/** The order facts about one patrol are told in: the patrol itself, then what befell it. */
const KIND_ORDER: readonly Fact['kind'][] = ['patrol', 'attack', 'casualties', 'military-action', 'training', 'statement', 'agreement', 'humanitarian', 'context'];

function kindRank(fact: Fact): number {
  const i = KIND_ORDER.indexOf(fact.kind);
  return i < 0 ? KIND_ORDER.length : i;
}

const ORDINAL_WORDS = ['first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth'];

/** A test of whether a fact's own words name the Nth patrol ("the 26th joint patrol", "21th", "first"). */
function namesPatrol(n: number): (fact: Fact) => boolean {
  const number = new RegExp(`(^|[^0-9])${n}(st|nd|rd|th)?([^0-9]|$)`);
  const word = ORDINAL_WORDS[n - 1];
  const wordPattern = word === undefined ? undefined : new RegExp(`\\b${word}\\b`);
  return (fact) => {
    const text = `${fact.quote} ${fact.statement}`.toLowerCase();
    return number.test(text) || (wordPattern?.test(text) ?? false);
  };
}

/**
 * The fact that best sums up a patrol in one line. Preferred, in order: a fact about this patrol
 * alone rather than a range of them; one whose words name the patrol; the earliest to have surely
 * happened (a later count of patrols mentions the number too, but the event itself comes first);
 * a patrol before an attack before anything else; the index's order.
 */
export function patrolSummaryFact(facts: readonly Fact[], n: number): Fact | undefined {
  let best: Fact | undefined;
  let bestKey: number[] | undefined;
  const names = namesPatrol(n);
  facts.forEach((fact, position) => {
    const key = [
      fact.patrols.length === 1 && fact.patrols[0] === n ? 0 : 1,
      names(fact) ? 0 : 1,
      datedInterval(fact).end.getTime(),
      kindRank(fact),
      position,
    ];
    if (!bestKey || compareKeys(key, bestKey) < 0) {
      best = fact;
      bestKey = key;
    }
  });
  return best;
}

function compareKeys(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < a.length; i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
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
      const facts = index.factsForPatrol(n);
      const summary = patrolSummaryFact(facts, n);
      if (summary) items.push({ kind: 'patrol', ordinal: n, factCount: facts.length, summary: cite(support, summary) });
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
  const summary = patrolSummaryFact(facts, number);
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
