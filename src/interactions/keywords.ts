/**
 * A chat message or a mention can be long and chatty; search needs its meaningful words. The
 * query is kept short so that it also fits in a paging button's custom id, which means page 2 of
 * an answer is computed from exactly the same query as page 1.
 */
import { STOP_WORDS } from '../search/stop-words.ts';
import { normaliseTerms } from '../text/normalise.ts';

const MAX_QUERY_CHARS = 48;

/** Chat filler on top of the search layer's stop words: greetings and requests carry nothing to search for. */
const CHAT_FILLER = new Set('tell know please hey hi hello anything anyone me my you your'.split(' '));
const isFiller = (term: string) => STOP_WORDS.has(term) || CHAT_FILLER.has(term);

export function keywordQuery(text: string): string {
  const seen = new Set<string>();
  const words: string[] = [];
  let length = 0;
  for (const term of normaliseTerms(text)) {
    if (isFiller(term) || seen.has(term) || /^\d{17,20}$/.test(term)) continue; // mention ids are not words
    if (length + term.length + 1 > MAX_QUERY_CHARS) break;
    seen.add(term);
    words.push(term);
    length += term.length + 1;
  }
  return words.join(' ');
}
