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

const ZWSP = '\u200b';

/** Control characters, bidi overrides and isolates, and other invisible formatting that could
 *  disguise text; newlines and tabs become spaces since echoes are one line. */
const INVISIBLE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb]/g;

const ASCII_PUNCTUATION = /[!-/:-@[-`{-~]/g;

/** Half of a surrogate pair on its own: not a character, and invalid once encoded as UTF-8. */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** Remove what could disguise text or break lines. */
export function stripInvisible(text: string): string {
  return text.replace(/[\r\n\t]+/g, ' ').replace(INVISIBLE, '').replace(LONE_SURROGATE, '\ufffd');
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
