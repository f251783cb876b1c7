/**
 * An Answer as Discord message pages. Each page is one message body with one embed, within every
 * Discord limit on its own (see limits.ts), with `allowed_mentions: { parse: [] }` so that nothing in
 * it can ping anyone. Transports add the Previous/Next buttons and flags; paging is deterministic,
 * so any replica can re-render page N of the same answer.
 */
import type { APIEmbed, RESTPostAPIWebhookWithTokenJSONBody } from 'discord.js';
import type { Answer, AnswerKind } from '../answers/answer.ts';
import type { Block } from './discord-blocks.ts';
import { itemBlock, phraseMarkdown } from './discord-blocks.ts';
import { plainLine } from './escape.ts';
import { DISCORD_LIMITS } from './limits.ts';
import { truncateWords } from './truncate.ts';

/** Room per page for the description: under the 4096 limit, and leaving the 6000 total room for a
 *  256-character title and the footer. */
const PAGE_DESCRIPTION_BUDGET = 3800;
/** Facts, disputes or patrols per page: more is a wall of text on a phone. */
const PAGE_ITEMS = 5;
/** A lone block longer than this is cut (it cannot happen with the caps in discord-blocks.ts). */
const BLOCK_MAX = PAGE_DESCRIPTION_BUDGET - 200;
const SEPARATOR = '\n\n';

const COLOURS: Record<AnswerKind, number> = {
  ok: 0x2f6f9f,
  'not-found': 0xc98a1b,
  'invalid-input': 0xb03a2e,
};

export interface DiscordPage {
  readonly embeds: APIEmbed[];
}

/** The JSON body of one message, as the gateway and the HTTP endpoint send it. */
export type DiscordMessageBody = Required<Pick<RESTPostAPIWebhookWithTokenJSONBody, 'embeds' | 'allowed_mentions'>> &
  Pick<RESTPostAPIWebhookWithTokenJSONBody, 'content'>;

function introBlocks(answer: Answer): Block[] {
  const blocks: Block[] = [];
  if (answer.notice && answer.notice.length > 0) blocks.push({ text: phraseMarkdown(answer.notice), counts: false, keepWithNext: false });
  if (answer.hint && answer.hint.length > 0) blocks.push({ text: `_${phraseMarkdown(answer.hint)}_`, counts: false, keepWithNext: false });
  return blocks;
}

/** Split blocks into pages by size and item count, keeping headings with what follows them. */
function paginate(blocks: readonly Block[]): string[][] {
  const pages: string[][] = [];
  let page: Block[] = [];
  let size = 0;
  let items = 0;
  const flush = () => {
    // Headings left dangling at the bottom of a page move to the next one.
    const carried: Block[] = [];
    while (page.length > 1 && page[page.length - 1]?.keepWithNext) carried.unshift(page.pop() as Block);
    pages.push(page.map((b) => b.text));
    page = carried;
    size = carried.reduce((n, b) => n + b.text.length + SEPARATOR.length, 0);
    items = carried.filter((b) => b.counts).length;
  };
  for (const original of blocks) {
    const block = original.text.length > BLOCK_MAX ? { ...original, text: truncateWords(original.text, BLOCK_MAX) } : original;
    const added = block.text.length + (page.length > 0 ? SEPARATOR.length : 0);
    if (page.length > 0 && (size + added > PAGE_DESCRIPTION_BUDGET || (block.counts && items >= PAGE_ITEMS))) flush();
    size += block.text.length + (page.length > 0 ? SEPARATOR.length : 0);
    if (block.counts) items++;
    page.push(block);
  }
  if (page.length > 0 || pages.length === 0) pages.push(page.map((b) => b.text));
  return pages;
}

/** Answers are immutable, so the pages of one answer are worked out once however many are asked for. */
const rendered = new WeakMap<Answer, readonly DiscordPage[]>();

export function renderDiscord(answer: Answer): DiscordPage[] {
  let pages = rendered.get(answer);
  if (!pages) {
    pages = layOut(answer);
    rendered.set(answer, pages);
  }
  return [...pages];
}

function layOut(answer: Answer): DiscordPage[] {
  const blocks = [...introBlocks(answer), ...answer.items.map(itemBlock)];
  const pages = paginate(blocks);
  const title = truncateWords(plainLine(answer.title), DISCORD_LIMITS.title);
  return pages.map((texts, i) => {
    const embed: APIEmbed = {
      title,
      color: COLOURS[answer.kind],
      ...(texts.length > 0 ? { description: texts.join(SEPARATOR) } : {}),
      ...(pages.length > 1 ? { footer: { text: `Page ${i + 1} of ${pages.length}` } } : {}),
    };
    return { embeds: [embed] };
  });
}

export interface RenderedMessage {
  readonly payload: DiscordMessageBody;
  /** The page shown, clamped to the pages there are (0-based). */
  readonly page: number;
  readonly pageCount: number;
}

export function discordMessage(answer: Answer, pageIndex = 0): RenderedMessage {
  const pages = renderDiscord(answer);
  const page = Math.min(Math.max(0, Math.trunc(Number.isFinite(pageIndex) ? pageIndex : 0)), pages.length - 1);
  const shown = pages[page] as DiscordPage;
  return {
    // A copy: the pages are cached, and a transport may add to what it is given.
    payload: { embeds: structuredClone(shown.embeds), allowed_mentions: { parse: [] } },
    page,
    pageCount: pages.length,
  };
}

/** The characters Discord counts toward the 6000 total of a message's embeds. */
export function embedCharacters(embeds: readonly APIEmbed[]): number {
  let n = 0;
  for (const e of embeds) {
    n += (e.title?.length ?? 0) + (e.description?.length ?? 0) + (e.footer?.text.length ?? 0) + (e.author?.name.length ?? 0);
    for (const f of e.fields ?? []) n += f.name.length + f.value.length;
  }
  return n;
}
