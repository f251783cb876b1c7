/**
 * Characters no renderer lets through, in one list: the Discord escapes (escape.ts) and the terminal
 * text (terminal.ts) both strip them, so neither can be disguised by what the other would remove.
 */

/** Control characters other than tab and line breaks, bidi overrides and isolates, and other
 *  invisible formatting that could disguise text. Tabs and line breaks are each renderer's call. */
const INVISIBLE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb]/g;

/** Half of a surrogate pair on its own: not a character, and invalid once encoded as UTF-8. */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** The text without invisible characters, a lone surrogate shown as U+FFFD; tabs and line breaks kept. */
export function removeInvisible(text: string): string {
  return text.replace(INVISIBLE, '').replace(LONE_SURROGATE, '\ufffd');
}
