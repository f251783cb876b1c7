/**
 * Discord's markdown, parsed into a small tree the page turns into DOM nodes (text only ever as
 * textContent, never as HTML). discord-markdown-parser (simple-markdown with Discord's own rules)
 * does the inline work and the block rules it knows: `#`–`###` headings, `-#` small text, `>`
 * quotes, code, bold, italic, underline, strikethrough, spoilers, mentions, emoji, timestamps.
 * It has no rule for lists, which Discord does render (`- item`, `* item`, `1. item`), so list
 * lines are found here, line by line, and only their content is handed to the parser.
 */
import { parse as parseDiscord } from 'discord-markdown-parser';

type Inline = 'strong' | 'em' | 'underline' | 'strike' | 'spoiler';

/** What the page draws. Kept apart from the library's node shapes, so the client depends on ours alone. */
export type MdNode =
  | { readonly t: 'text'; readonly text: string }
  | { readonly t: 'br' }
  | { readonly t: Inline; readonly children: readonly MdNode[] }
  | { readonly t: 'heading'; readonly level: number; readonly children: readonly MdNode[] }
  | { readonly t: 'small'; readonly children: readonly MdNode[] }
  | { readonly t: 'quote'; readonly children: readonly MdNode[] }
  | { readonly t: 'code'; readonly text: string }
  | { readonly t: 'codeblock'; readonly text: string }
  /** Only http(s) targets become links; anything else stays text. */
  | { readonly t: 'link'; readonly href: string; readonly children: readonly MdNode[] }
  /** A mention, a custom emoji, a timestamp: drawn as a pill with this text. */
  | { readonly t: 'mention'; readonly text: string }
  | { readonly t: 'list'; readonly ordered: boolean; readonly start: number; readonly items: readonly (readonly MdNode[])[] };

interface LibraryNode {
  readonly type: string;
  readonly content?: unknown;
  readonly [key: string]: unknown;
}

const INLINE: Readonly<Record<string, Inline>> = { strong: 'strong', em: 'em', underline: 'underline', strikethrough: 'strike', spoiler: 'spoiler' };

/** `- item`, `* item` or `1. item` at the start of a line (indentation allowed, as Discord does). */
const LIST_LINE = /^\s*(?:([-*])|(\d{1,9})\.)\s+(.*)$/;
const FENCE = /```/g;
/** `> quote` lines; `>>> ` quotes everything after it. */
const QUOTE_LINE = /^ *>(?: |$)/;
const QUOTE_REST = /^ *>>> /;

export function parseMarkdown(text: string): MdNode[] {
  const out: MdNode[] = [];
  let prose: string[] = [];
  let proseIsQuote = false;
  let list: { ordered: boolean; start: number; items: MdNode[][] } | null = null;
  let inFence = false;
  let restIsQuote = false;
  const flushProse = () => {
    if (prose.length > 0) out.push(...convert(parseDiscord(prose.join('\n')) as LibraryNode[]));
    prose = [];
  };
  const flushList = () => {
    if (list) out.push({ t: 'list', ...list });
    list = null;
  };
  for (const line of text.split('\n')) {
    // A list marker inside a code block is code: an odd number of fences on a line opens or closes one.
    const item = inFence || restIsQuote ? null : LIST_LINE.exec(line);
    if ((line.match(FENCE) ?? []).length % 2 === 1) inFence = !inFence;
    if (!item) {
      flushList();
      // The library reads no heading or small text right after a quote (it looks for a line break
      // in the quote's capture), so a run of quote lines is parsed on its own.
      restIsQuote ||= !inFence && QUOTE_REST.test(line);
      const isQuote = restIsQuote || (!inFence && QUOTE_LINE.test(line));
      if (isQuote !== proseIsQuote) flushProse();
      proseIsQuote = isQuote;
      prose.push(line);
      continue;
    }
    flushProse();
    const ordered = item[2] !== undefined;
    if (list && list.ordered !== ordered) flushList();
    list ??= { ordered, start: ordered ? Number(item[2]) : 1, items: [] };
    list.items.push(convert(parseDiscord(item[3] ?? '') as LibraryNode[]));
  }
  flushProse();
  flushList();
  return dropBreaksAroundBlocks(mergeText(out));
}

const BLOCKS = new Set<MdNode['t']>(['heading', 'small', 'quote', 'codeblock', 'list']);

/**
 * A block starts and ends its own line, so a line break next to one would add an empty line. The
 * library keeps some ("text\n> quote" gives text, break, quote) and drops others (after a heading):
 * dropping them all draws every block the same way, as Discord does.
 */
function dropBreaksAroundBlocks(nodes: readonly MdNode[]): MdNode[] {
  return nodes.filter((n, i) => n.t !== 'br' || !(BLOCKS.has(nodes[i - 1]?.t ?? 'br') || BLOCKS.has(nodes[i + 1]?.t ?? 'br')));
}

function convert(nodes: readonly LibraryNode[]): MdNode[] {
  return mergeText(nodes.flatMap(node));
}

function children(n: LibraryNode): MdNode[] {
  return Array.isArray(n.content) ? convert(n.content as LibraryNode[]) : typeof n.content === 'string' ? [{ t: 'text', text: n.content }] : [];
}

function node(n: LibraryNode): MdNode[] {
  const inline = INLINE[n.type];
  if (inline) return [{ t: inline, children: children(n) }];
  switch (n.type) {
    case 'text':
    case 'escape':
      return [{ t: 'text', text: String(n.content ?? '') }];
    case 'br':
    case 'newline':
      return [{ t: 'br' }];
    case 'heading':
      return [{ t: 'heading', level: Number(n.level) || 1, children: children(n) }];
    case 'subtext':
      return [{ t: 'small', children: children(n) }];
    case 'blockQuote':
      return [{ t: 'quote', children: trimTrailingBreak(children(n)) }];
    case 'inlineCode':
      return [{ t: 'code', text: String(n.content ?? '') }];
    case 'codeBlock':
      return [{ t: 'codeblock', text: String(n.content ?? '') }];
    case 'url':
    case 'autolink':
    case 'link': {
      const href = String(n.target ?? '');
      return /^https?:\/\//i.test(href) ? [{ t: 'link', href, children: children(n) }] : children(n);
    }
    case 'user':
      return [{ t: 'mention', text: `@${String(n.id ?? 'user')}` }];
    case 'role':
      return [{ t: 'mention', text: `@${String(n.id ?? 'role')}` }];
    case 'channel':
      return [{ t: 'mention', text: `#${String(n.id ?? 'channel')}` }];
    case 'everyone':
      return [{ t: 'mention', text: '@everyone' }];
    case 'here':
      return [{ t: 'mention', text: '@here' }];
    case 'emoji':
      return [{ t: 'mention', text: `:${String(n.name ?? 'emoji')}:` }];
    case 'twemoji':
      return [{ t: 'text', text: String(n.name ?? '') }];
    case 'timestamp':
      return [{ t: 'mention', text: timestamp(n.timestamp) }];
    default:
      // A rule this file does not know (a newer version of the parser): show what it holds as text.
      return children(n);
  }
}

function timestamp(seconds: unknown): string {
  const date = new Date(Number(seconds) * 1000);
  return Number.isNaN(date.getTime()) ? String(seconds) : date.toISOString().slice(0, 16).replace('T', ' ');
}

/** The parser's quotes end in the line break that ended them; the quote's box already does. */
function trimTrailingBreak(nodes: MdNode[]): MdNode[] {
  return nodes.length > 0 && nodes[nodes.length - 1]!.t === 'br' ? nodes.slice(0, -1) : nodes;
}

/** The parser cuts text at every character a rule might start at ("[1", "]"): join the pieces again. */
function mergeText(nodes: readonly MdNode[]): MdNode[] {
  const out: MdNode[] = [];
  for (const n of nodes) {
    const last = out[out.length - 1];
    if (n.t === 'text' && last?.t === 'text') out[out.length - 1] = { t: 'text', text: last.text + n.text };
    else out.push(n);
  }
  return out;
}
