/** /search <query>: the best facts for free text, each with the snippet that matched. */
import type { KnowledgeIndex } from '../search/types.ts';
import { normaliseTerms } from '../text/normalise.ts';
import type { Answer } from './answer.ts';
import { user } from './answer.ts';
import { factItems, plural, supportFor } from './cite.ts';
import { buildSnippet } from './snippet.ts';

/** How many facts a search shows. */
const SEARCH_LIMIT = 10;
/** Queries are cut to this many characters: no useful question is longer, and it bounds the cost. */
const MAX_QUERY = 300;
/** Longest stretch of the query echoed back. */
const ECHO_MAX = 100;

export function answerSearch(index: KnowledgeIndex, input: string): Answer {
  const query = input.trim().replace(/\s+/g, ' ').slice(0, MAX_QUERY);
  const title = 'Search';
  if (normaliseTerms(query).length === 0) {
    return {
      command: 'search',
      kind: 'invalid-input',
      title,
      notice: [query === '' ? 'Type some words to search for.' : 'That has no words to search for: type a name, a place or a few words.'],
      hint: ['Examples: /search human shields, /search IED, /search Ain Hour'],
      items: [],
    };
  }
  const hits = index.searchFacts(query, { limit: SEARCH_LIMIT });
  if (hits.length === 0) {
    return {
      command: 'search',
      kind: 'not-found',
      title,
      notice: ['No facts match “', user(query, ECHO_MAX), '”.'],
      hint: ['Try fewer or other words, a place name (/where), or /timeline to browse everything.'],
      items: [],
    };
  }
  // The index says which terms matched each fact; the typed words are only a fallback, since they
  // may include words that matched nothing (and would mark every "the" in the quote).
  const termsByFact = new Map(hits.map((h) => [h.fact.id, h.terms.length > 0 ? h.terms : normaliseTerms(query)]));
  return {
    command: 'search',
    kind: 'ok',
    title,
    notice: [
      hits.length === 1 ? 'The one fact that matches “' : `The ${plural(hits.length, 'fact')} that best match “`,
      user(query, ECHO_MAX),
      hits.length === 1 ? '”.' : '”, best first.',
    ],
    items: factItems(
      supportFor(index.base),
      hits.map((h) => h.fact),
      { snippet: (f) => buildSnippet(f, termsByFact.get(f.id) ?? []), disputesAtEnd: true },
    ),
  };
}
