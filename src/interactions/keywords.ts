/**
 * A chat message or a mention can be long and chatty; search needs its meaningful words. The
 * query is kept short so that it also fits in a paging button's custom id, which means page 2 of
 * an answer is computed from exactly the same query as page 1.
 */
import { normaliseTerms } from '../text/normalise.ts';

const MAX_QUERY_CHARS = 48;

/** Common English words that carry nothing for a fact search. */
const FILLER = new Set(
  'a an and are as at be been but by can could did do does for from had has have how i in is it its me my of on or our so that the their them there these they this those to was we were what when where which who why will with would you your about any anything tell know please hey hi hello'.split(' '),
);

export function keywordQuery(text: string): string {
  const seen = new Set<string>();
  const words: string[] = [];
  let length = 0;
  for (const term of normaliseTerms(text)) {
    if (FILLER.has(term) || seen.has(term) || /^\d{17,20}$/.test(term)) continue; // mention ids are not words
    if (length + term.length + 1 > MAX_QUERY_CHARS) break;
    seen.add(term);
    words.push(term);
    length += term.length + 1;
  }
  return words.join(' ');
}
