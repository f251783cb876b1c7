/**
 * Neutralising text before it goes into a Discord message.
 *
 * Two strengths. `escapeUserText` is for anything a user typed and we echo back: it must not be able
 * to format, mention, link or break the layout, so every ASCII punctuation character is escaped
 * (Discord markdown honours a backslash before any of them, and an escaped ":" also stops
 * autolinking) and each "@" is followed by a zero-width space, so no "@everyone", "<@id>" or "<@&id>"
 * survives even where markdown escapes are not processed. `escapeMarkdown` is for the fact base's
 * own text, which is trusted but may contain characters markdown would act on.
 * allowed_mentions { parse: [] } on every payload is the second line of defence, not the first.
 */

import { removeInvisible } from './invisible.ts';

const ZWSP = '\u200b';

const ASCII_PUNCTUATION = /[!-/:-@[-`{-~]/g;

/** Remove what could disguise text or break lines. */
function stripInvisible(text: string): string {
  return removeInvisible(text.replace(/[\r\n\t]+/g, ' '));
}

/** Anything a user typed, echoed back inside markdown. */
export function escapeUserText(text: string): string {
  return stripInvisible(text)
    .replace(/\s+/g, ' ')
    .replace(ASCII_PUNCTUATION, (c) => `\\${c}`)
    .replace(/@/g, `@${ZWSP}`);
}

/** The fact base's own text inside markdown: formatting characters and mentions neutralised. */
export function escapeMarkdown(text: string): string {
  return stripInvisible(text)
    .replace(/[\\*_~`|<>[\]]/g, (c) => `\\${c}`)
    .replace(/^([#>\-+])/, '\\$1') // a heading, quote or list marker at the start of a line
    .replace(/^(\d+)\./, '$1\\.') // a numbered list
    .replace(/@/g, `@${ZWSP}`);
}

/** For places where Discord shows text without markdown (embed titles, footers): no escapes, but no
 *  line breaks, invisible characters or mention-looking text either. */
export function plainLine(text: string): string {
  return stripInvisible(text).replace(/\s+/g, ' ').trim().replace(/@/g, `@${ZWSP}`);
}
