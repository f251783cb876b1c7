/**
 * Turning facts into cited facts, and lists of facts into answer items with their disputes shown
 * beside them. Everything here reads the fact base only: no fact, name or date is written in code.
 */
import type { Dispute, Fact, FactBase, Source } from '../domain/types.ts';
import type { AnswerItem, CitedFact, DisputeRef, Snippet } from './answer.ts';
import type { AgreementAnchor } from './dates.ts';
import { findAgreementAnchor, formatDated } from './dates.ts';

/** What the answers need from a fact base beyond its maps, computed once per base. */
export interface BaseSupport {
  readonly base: FactBase;
  readonly anchor?: AgreementAnchor;
  /** Cited facts made so far: the fact base is immutable, so each is worked out once. */
  readonly cited: Map<string, CitedFact>;
}

/**
 * Most facts any one answer lists. A long timeline is read a few pages at a time; past this, the
 * answer says how many there are and how to narrow them, and stays fast at any fact-base size.
 */
export const MAX_LISTED = 250;

const supportCache = new WeakMap<FactBase, BaseSupport>();

export function supportFor(base: FactBase): BaseSupport {
  let support = supportCache.get(base);
  if (!support) {
    const anchor = findAgreementAnchor(base);
    support = { base, cited: new Map(), ...(anchor ? { anchor } : {}) };
    supportCache.set(base, support);
  }
  return support;
}

/** The publisher as the text names it, or the title when it names none. */
export function sourceLabel(source: Source): string {
  return source.publisher ?? `“${source.title}”`;
}

/**
 * The record a fact refers to. The loader guarantees every reference resolves; if one ever did not,
 * an error beats a citation made up in code (a stand-in source would need a publisher and a date).
 */
function referenced<T>(map: ReadonlyMap<string, T>, id: string, what: string, factId: string): T {
  const found = map.get(id);
  if (found === undefined) throw new Error(`fact ${factId} refers to ${what} ${id}, which the fact base does not have`);
  return found;
}

function disputeRefs(base: FactBase, factId: string): DisputeRef[] {
  const ids = base.disputesByFact.get(factId) ?? [];
  return ids.flatMap((id) => {
    const d = base.disputeById.get(id);
    return d ? [{ id: d.id, title: d.title }] : [];
  });
}

export function cite(support: BaseSupport, fact: Fact): CitedFact {
  let cited = support.cited.get(fact.id);
  if (!cited || cited.fact !== fact) {
    cited = citeNew(support, fact);
    support.cited.set(fact.id, cited);
  }
  return cited;
}

function citeNew(support: BaseSupport, fact: Fact): CitedFact {
  const { base, anchor } = support;
  const source = referenced(base.sourceById, fact.source, 'source', fact.id);
  return {
    fact,
    source,
    sourceLabel: sourceLabel(source),
    sourceDate: formatDated(source),
    claimant: referenced(base.claimantById, fact.claimant, 'claimant', fact.id),
    reportedVia: fact.reported_via.map((id) => referenced(base.claimantById, id, 'claimant', fact.id)),
    date: formatDated(fact, anchor),
    places: fact.places.flatMap((id) => {
      const p = base.placeById.get(id);
      return p ? [p] : [];
    }),
    disputes: disputeRefs(base, fact.id),
  };
}

function disputeItem(support: BaseSupport, dispute: Dispute): AnswerItem {
  const claims = dispute.claims.flatMap((id) => {
    const f = support.base.factById.get(id);
    return f ? [cite(support, f)] : [];
  });
  return { kind: 'dispute', dispute, claims };
}

export interface FactItemOptions {
  readonly related?: (fact: Fact) => boolean;
  readonly snippet?: (fact: Fact) => Snippet | undefined;
  /**
   * Gather the disputes after all the facts, under a heading, instead of after the first fact in
   * each: for ranked lists (search), where the order of the facts is what the reader scans.
   */
  readonly disputesAtEnd?: boolean;
}

/**
 * Fact items in the given order; each dispute a shown fact takes part in follows that fact the first
 * time it comes up, so a disagreement is read next to the claim it concerns (or, with
 * `disputesAtEnd`, after all of them).
 */
export function factItems(support: BaseSupport, facts: readonly Fact[], options: FactItemOptions = {}): AnswerItem[] {
  const items: AnswerItem[] = [];
  const deferred: AnswerItem[] = [];
  const shown = new Set<string>();
  for (const fact of facts) {
    const snippet = options.snippet?.(fact);
    items.push({
      kind: 'fact',
      cited: cite(support, fact),
      ...(options.related?.(fact) ? { related: true } : {}),
      ...(snippet ? { snippet } : {}),
    });
    for (const id of support.base.disputesByFact.get(fact.id) ?? []) {
      if (shown.has(id)) continue;
      const dispute = support.base.disputeById.get(id);
      if (!dispute) continue;
      shown.add(id);
      (options.disputesAtEnd ? deferred : items).push(disputeItem(support, dispute));
    }
  }
  if (deferred.length > 0) items.push({ kind: 'heading', text: 'Where the sources differ' }, ...deferred);
  return items;
}

/** 1 → 1st, 22 → 22nd, 111 → 111th. */
export function ordinal(n: number): string {
  const tens = n % 100;
  if (tens >= 11 && tens <= 13) return `${n}th`;
  switch (n % 10) {
    case 1:
      return `${n}st`;
    case 2:
      return `${n}nd`;
    case 3:
      return `${n}rd`;
    default:
      return `${n}th`;
  }
}

/**
 * The entries to list, at most MAX_LISTED, and a sentence saying so when some were left out;
 * `narrow` tells the reader how to get at the rest.
 */
export function capList<T>(entries: readonly T[], narrow = 'narrow them down with from: and to:'): { shown: readonly T[]; note: string } {
  if (entries.length <= MAX_LISTED) return { shown: entries, note: '' };
  return { shown: entries.slice(0, MAX_LISTED), note: ` Showing the first ${MAX_LISTED} of ${entries.length}: ${narrow}.` };
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}
