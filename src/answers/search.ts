/** /search <query>: the facts that match, best first, each with the event it belongs to. */
import type { Fact } from '../domain/types.ts';
import { possibleDays } from '../knowledge/days.ts';
import type { KnowledgeIndex } from '../search/types.ts';
import { normaliseTerms } from '../text/normalise.ts';
import type { Answer, Block, Inline, InlinePart, MenuOption } from './answer.ts';
import { noticeAnswer, user } from './answer.ts';
import { Citations } from './citations.ts';
import { dateText } from './dates.ts';
import { panelActions } from './event-card.ts';
import { briefOf, eventLabel, eventsOf } from './events.ts';
import { fitList, LIST_BUDGET, MENU_MAX, type Entry } from './lists.ts';
import type { Target } from './query.ts';
import { buildSnippet } from './snippet.ts';
import { plural } from './words.ts';

/**
 * How many facts a search considers: as many as the menu holds. The card shows what fits and the
 * menu opens any of them, so no real match is out of reach.
 */
const SEARCH_LIMIT = MENU_MAX;
/** Queries are cut to this many characters: no useful question is longer, and it bounds the cost. */
const MAX_QUERY = 300;
/** Longest stretch of the query echoed back. */
const ECHO_MAX = 100;

const EXAMPLES = 'Examples: /search human shields, /search IED, /search Ain Hour';
/** A query that is a date: a day or a month, as /timeline takes them. */
const ISO_DATE = /^\d{4}-\d{2}(?:-\d{2})?$/;

/**
 * For a query that is a date ("2020-08-25", "2020-08"), the facts that may fall on it, those dated
 * most narrowly first (a fact of that very day before one of "March to August"); else none. Its
 * words would only find "25" anywhere ("the 25th patrol").
 */
function factsOnDate(index: KnowledgeIndex, query: string): Fact[] {
  if (!ISO_DATE.test(query)) return [];
  const width = (fact: Fact) => {
    const days = possibleDays(fact);
    return days ? days.last - days.first : Number.POSITIVE_INFINITY;
  };
  return [...index.factsBetween({ from: query, to: query })].sort((a, b) => width(a) - width(b));
}

/** The statement with the words that matched in bold. */
function highlighted(fact: Fact, terms: readonly string[]): Inline {
  const snippet = buildSnippet(fact.statement, terms);
  if (snippet.highlights.length === 0) return [fact.statement];
  const parts: InlinePart[] = [];
  let at = 0;
  for (const [start, end] of snippet.highlights) {
    if (start < at) continue;
    if (start > at) parts.push(snippet.text.slice(at, start));
    parts.push({ strong: snippet.text.slice(start, end) });
    at = end;
  }
  if (at < snippet.text.length) parts.push(snippet.text.slice(at));
  return parts;
}

export function answerSearch(index: KnowledgeIndex, input: string): Answer {
  const query = input.trim().replace(/\s+/g, ' ').slice(0, MAX_QUERY);
  const target: Target = { command: 'search', query };
  const title = 'Search';
  if (normaliseTerms(query).length === 0) {
    return noticeAnswer(target, 'invalid-input', title, [query === '' ? 'Type some words to search for.' : 'That has no words to search for: type a name, a place or a few words.'], [EXAMPLES]);
  }
  const { hits: found, leftOut } = index.searchFactsWithCount(query, { limit: SEARCH_LIMIT });
  const onDate = factsOnDate(index, query);
  const dated = new Set(onDate);
  const hits = [
    ...onDate.map((fact) => ({ fact, terms: found.find((hit) => hit.fact === fact)?.terms ?? [] })),
    ...found.filter((hit) => !dated.has(hit.fact)),
  ].slice(0, SEARCH_LIMIT);
  if (hits.length === 0) {
    return noticeAnswer(target, 'not-found', title, ['No facts match “', user(query, ECHO_MAX), '”.'], [
      'Try fewer or other words, a place name (/where), or /timeline to browse everything.',
    ]);
  }
  const base = index.base;
  const catalogue = eventsOf(base);
  const citations = new Citations(base);
  const entries = hits.map(({ fact, terms }): Entry => (c) => {
    const event = catalogue.byFact.get(fact.id)?.find((v) => v.curated || v.patrol);
    const words = terms.length > 0 || dated.has(fact) ? terms : normaliseTerms(query);
    const text: Inline = [...highlighted(fact, words), ' ', c.cite([fact.id]), ...(event ? [` — ${eventLabel(event)}`] : [])];
    const disputed = (base.disputesByFact.get(fact.id) ?? []).length > 0;
    return { kind: 'item', text, ...(disputed ? { disputed: true } : {}) };
  });
  const { shown, left } = fitList(base, entries, LIST_BUDGET, citations);
  const blocks: Block[] = [
    {
      kind: 'para',
      text: [
        hits.length === 1 ? 'The one fact that matches “' : `The ${plural(hits.length, 'fact')} that best match “`,
        user(query, ECHO_MAX),
        '”.',
        // Matched only by a completion or a misspelling, or far below the best (see FactSearchResult).
        ...(leftOut > 0 ? [` ${plural(leftOut, 'weaker match', 'weaker matches')} left out.`] : []),
      ],
    },
    { kind: 'break' },
    ...shown,
  ];
  if (left > 0) blocks.push({ kind: 'small', text: [`${left} more in the menu`] });
  const evidence = { facts: hits.map((h) => h.fact.id), readings: [] };
  const options = hits.map(
    ({ fact }): MenuOption => ({
      label: briefOf(fact.statement, 100),
      description: `${dateText(fact, { months: 'short' })} · ${citations.sourceOf(fact.id).short_name}`,
      target: { command: 'fact', id: fact.id },
    }),
  );
  return {
    target,
    kind: 'ok',
    title,
    blocks,
    footnotes: citations.footnotes(),
    notes: [],
    actions: panelActions(base, evidence),
    menu: { placeholder: 'Open a fact…', options },
    evidence,
  };
}
