/**
 * What a chat message asks (an @mention, a message "Find patrol facts" was used on), recognised
 * before anything is searched: a patrol by number or ordinal gets that patrol's card, a place by
 * name its place card, and anything else a search for its meaningful words.
 */
import type { KnowledgeIndex } from '../search/types.ts';
import { STOP_WORDS } from '../search/stop-words.ts';
import { ordinalWord } from '../knowledge/patrol-ordinals.ts';
import { nameKey, normaliseTerms } from '../text/normalise.ts';
import type { Target } from './query.ts';

/** The ordinals 1–99 as words ("first", "twenty-first"), written with a hyphen; by their number. */
const ORDINAL_WORDS = new Map<string, number>(Array.from({ length: 99 }, (_, i) => [ordinalWord(i + 1)!, i + 1]));
/** Every one, a compound also with a space ("twenty first"), longest first. */
const ORDINAL_PATTERN = [...ORDINAL_WORDS.keys()]
  .sort((a, b) => b.length - a.length)
  .map((word) => word.replace('-', '[- ]'))
  .join('|');

/** Month names, whole or short; "may" only where it ends the date ("25 May", "May 25, 2020"), not in "26 may have". */
const MONTHS = 'jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may(?=\\s*(?:$|[^\\w\\s]|\\d))|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?';

/**
 * "patrol 26", "patrol #26", "the 26th patrol", "26th joint patrol", "the first patrol", "the
 * twenty-first patrol". A number that is a day of a month is not a patrol's ("the patrol 25 August",
 * "the August 25 patrol"): that is a date, and is searched for. A compound ordinal is read whole:
 * "twenty-first" is not "first".
 */
const PATROL_AFTER = new RegExp(`\\bpatrol\\s*(?:no\\.?\\s*|number\\s*|#\\s*)?(\\d{1,3})\\b(?!\\s*(?:of\\s+)?(?:${MONTHS})\\b)`, 'i');
const PATROL_BEFORE = new RegExp(
  `(?<!\\b(?:${MONTHS})\\.?\\s*)\\b(\\d{1,3})(?:st|nd|rd|th)?\\s+(?:joint\\s+|russian[- ]turkish\\s+|turkish[- ]russian\\s+)?patrol\\b` +
    `|(?<![\\w-])(${ORDINAL_PATTERN})\\s+(?:joint\\s+)?patrol\\b`,
  'i',
);

/** Words a question is asked with: they say nothing about what is asked. */
const QUESTION_WORDS = new Set(
  'tell know please hey hi hello anything anyone everyone show happened happen what where about info information is was there'.split(' '),
);
const isFiller = (term: string) => STOP_WORDS.has(term) || QUESTION_WORDS.has(term);

/** Longest search made from chat, in characters: chat is chatty, a search needs its key words. */
const MAX_QUERY_CHARS = 48;
/** Longest place name tried, in words ("Deir ez-Zor province" is three). */
const MAX_PLACE_WORDS = 4;

export function patrolNumberIn(text: string): number | undefined {
  const after = PATROL_AFTER.exec(text);
  if (after) return Number(after[1]);
  const before = PATROL_BEFORE.exec(text);
  if (before?.[1]) return Number(before[1]);
  if (before?.[2]) return ORDINAL_WORDS.get(before[2].toLowerCase().replace(/\s+/, '-'));
  return undefined;
}

/** The meaningful words of chat text, as a search query (mention ids and filler dropped). */
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

/**
 * A place, when the text names one and asks nothing else ("where is Ain Hour?", "taranba"): a longer
 * question that merely mentions a place ("was the patrol near Ariha attacked?") is a search.
 */
function placeIn(index: KnowledgeIndex, text: string): string | undefined {
  const words = normaliseTerms(text).filter((t) => !/^\d{17,20}$/.test(t));
  const meaningful = words.filter((w) => !isFiller(w));
  if (meaningful.length === 0 || meaningful.length > MAX_PLACE_WORDS) return undefined;
  const resolution = index.resolvePlace(meaningful.join(' '));
  if (resolution.kind !== 'found') return undefined;
  // Every meaningful word must be part of the name: "ariha attack" is not the place Ariha.
  const name = new Set(nameKey(resolution.matched).split(' '));
  return meaningful.every((w) => name.has(w)) ? resolution.place.name : undefined;
}

/** What chat text asks for; null when it asks nothing (a bare mention), which /help answers. */
export function recognise(index: KnowledgeIndex, text: string): Target | null {
  const number = patrolNumberIn(text);
  if (number !== undefined && number >= 1) return { command: 'patrol', number };
  const place = placeIn(index, text);
  if (place) return { command: 'where', place };
  const query = keywordQuery(text);
  return query ? { command: 'search', query } : null;
}
