/** Shortening text without cutting a word (or a character) in half. */

const ELLIPSIS = '…';

/** How far back from the limit a word boundary is looked for before a word is cut. */
const MAX_BACKTRACK = 0.4;

/** `at`, moved back by one when it falls between the two halves of a surrogate pair (an emoji, say). */
export function characterBoundary(text: string, at: number): number {
  const code = text.charCodeAt(at - 1);
  return code >= 0xd800 && code <= 0xdbff ? at - 1 : at;
}

/**
 * `text` if it fits in `max` code units; otherwise its longest prefix ending at a word boundary,
 * followed by "…", within `max`. A single word longer than the room is cut (the ellipsis says so),
 * never between the two halves of a surrogate pair.
 */
export function truncateWords(text: string, max: number): string {
  if (text.length <= max) return text;
  if (max <= 0) return '';
  if (max === 1) return ELLIPSIS;
  const cut = characterBoundary(text, max - ELLIPSIS.length);
  const head = text.slice(0, cut);
  // The cut falls on a boundary already when the next character is a space.
  const next = text[cut] ?? '';
  let end = cut;
  if (!/\s/.test(next)) {
    const space = head.search(/\s\S*$/);
    if (space > 0 && space >= cut * (1 - MAX_BACKTRACK)) end = space;
  }
  let kept = text.slice(0, end).replace(/[\s,;:–—-]+$/u, '');
  // A dangling backslash would escape the ellipsis in Discord markdown.
  while (/(^|[^\\])(\\\\)*\\$/.test(kept)) kept = kept.slice(0, -1);
  return kept + ELLIPSIS;
}
