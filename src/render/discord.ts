/**
 * An Answer as a Discord Components V2 message: one Container holding the heading and lead, the
 * labelled lines, the footnotes in small text, then the buttons and the select menu. Every piece of
 * text is escaped before markup is put around it, user input fully; the message never pings anyone
 * (`allowed_mentions: { parse: [] }`) and stays within every Discord limit (limits.ts), whatever
 * the answer holds.
 */
import {
  ActionRowBuilder,
  ButtonBuilder,
  ButtonStyle,
  ContainerBuilder,
  MediaGalleryBuilder,
  MediaGalleryItemBuilder,
  MessageFlags,
  SeparatorBuilder,
  SeparatorSpacingSize,
  StringSelectMenuBuilder,
  StringSelectMenuOptionBuilder,
  TextDisplayBuilder,
  type APIInteractionResponseCallbackData,
  type APIMessageTopLevelComponent,
} from 'discord.js';
import type { Action, Answer, AnswerKind, Block, Inline, Menu } from '../answers/answer.ts';
import { citeText } from '../answers/answer.ts';
import type { Target } from '../answers/query.ts';
import { encodePress, encodeTarget, MENU_ID } from './custom-ids.ts';
import { escapeMarkdown, escapeUserText, plainLine } from './escape.ts';
import { V2_LIMITS } from './limits.ts';
import { truncateWords } from './truncate.ts';

/** The JSON body of one message, as the gateway and the HTTP endpoint send it. */
export type DiscordMessage = APIInteractionResponseCallbackData;

const COLOURS: Record<AnswerKind, number> = {
  ok: 0x2f6f9f,
  'not-found': 0xc98a1b,
  'invalid-input': 0xb03a2e,
};

/**
 * Caps in characters on one piece of a card, before escaping (the footer's after): a hostile
 * knowledge file or query stays readable, and a card citing a great many sources keeps most of its
 * 4,000 characters for what it says.
 */
const CAPS = { title: 200, block: 1500, footer: 1500, label: 60, button: 80, option: 100, placeholder: 150, userEcho: 200 } as const;

/**
 * Text displays per card, and button rows. With the container, the separators between the sections
 * (and before the note that the card was cut), the footer, a picture (gallery and item) and a menu
 * (row and select), a card uses at most 1 + (8 + 1) + 8 + 1 + 2 + 2 × (1 + 5) + 2 = 35 of Discord's
 * 40 components.
 */
const MAX_SECTIONS = 8;
const MAX_BUTTON_ROWS = 2;

/**
 * A picture the transport uploads with the message (as files[0]): the card shows it as
 * attachment://name and lists it in `attachments`.
 */
export interface AttachedPicture {
  readonly name: string;
  /** Alt text for screen readers: what the picture shows, summed up. */
  readonly description: string;
}

export interface RenderOptions {
  /** Show the message only to the one who asked. */
  readonly ephemeral?: boolean;
  /** The picture for the answer's `picture`, when the transport can attach one. */
  readonly picture?: AttachedPicture;
}

function inlineMarkdown(text: Inline): string {
  return text
    .map((part) => {
      if (typeof part === 'string') return escapeMarkdown(part);
      if ('user' in part) return escapeUserText(truncateWords(part.user, CAPS.userEcho));
      if ('strong' in part) return `**${escapeMarkdown(part.strong)}**`;
      return citeText(part.cite);
    })
    .join('');
}

function blockMarkdown(block: Exclude<Block, { kind: 'break' }>): string {
  const disputed = 'disputed' in block && block.disputed ? '⚖️ ' : '';
  switch (block.kind) {
    case 'para':
      return inlineMarkdown(block.text);
    case 'line':
      return `**${escapeMarkdown(truncateWords(block.label, CAPS.label))}** ${disputed}${inlineMarkdown(block.text)}`;
    case 'item':
      return `- ${disputed}${inlineMarkdown(block.text)}`;
    case 'quote':
      return `> “${escapeMarkdown(block.text.replace(/\s+/g, ' ').trim())}”${block.by ? ` — ${escapeMarkdown(block.by)}` : ''}`;
    case 'subheading':
      return inlineMarkdown(block.text);
    case 'small':
      return `-# ${inlineMarkdown(block.text)}`;
  }
}

/**
 * Blocks between breaks go into one text display each, separated by dividers. Past MAX_SECTIONS the
 * rest share the last display, so that text never costs more than 2 × MAX_SECTIONS of the 40 components.
 */
function sections(blocks: readonly Block[]): string[][] {
  const out: string[][] = [[]];
  for (const block of blocks) {
    if (block.kind === 'break') {
      if (out[out.length - 1]!.length > 0 && out.length < MAX_SECTIONS) out.push([]);
      continue;
    }
    out[out.length - 1]!.push(truncateWords(blockMarkdown(block), CAPS.block));
  }
  return out.filter((s) => s.length > 0);
}

const FOOTER_SEPARATOR = ' · ';

/**
 * "-# [1] SouthFront, 22–24 Jul 2020 · [2] … · year inferred from context". Past CAPS.footer it is
 * cut at a whole footnote or note and says how many more there are: only a card that cites dozens
 * of sources gets there.
 */
function footer(answer: Answer): string | undefined {
  const parts = [...answer.footnotes.map((f) => `[${f.n}] ${escapeMarkdown(f.text)}`), ...answer.notes.map(escapeMarkdown)];
  if (parts.length === 0) return undefined;
  const whole = `-# ${parts.join(FOOTER_SEPARATOR)}`;
  if (whole.length <= CAPS.footer) return whole;
  const more = (left: number) => `${FOOTER_SEPARATOR}…and ${left} more`;
  const room = CAPS.footer - '-# '.length - more(parts.length).length;
  const kept = parts.slice(0, fitting(parts, room, FOOTER_SEPARATOR));
  if (kept.length === 0) kept.push(truncateWords(parts[0]!, room));
  return `-# ${kept.join(FOOTER_SEPARATOR)}${more(parts.length - kept.length)}`;
}

/** A button under the card of `card`: a panel of that card, or another card. */
function button(action: Action, card: Target): ButtonBuilder | null {
  const id = action.kind === 'panel' ? encodePress({ action: action.panel, target: card }) : encodePress({ action: 'open', target: action.target });
  if (!id) return null;
  const built = new ButtonBuilder().setCustomId(id).setStyle(ButtonStyle.Secondary).setLabel(truncateWords(plainLine(action.label), CAPS.button));
  return action.emoji ? built.setEmoji({ name: action.emoji }) : built;
}

function select(menu: Menu): StringSelectMenuBuilder | null {
  const seen = new Set<string>();
  const options: StringSelectMenuOptionBuilder[] = [];
  for (const option of menu.options) {
    const value = encodeTarget(option.target);
    // A value must be unique within the menu, and fit: an option that cannot is left out, not cut.
    if (!value || seen.has(value) || options.length >= V2_LIMITS.selectOptions) continue;
    seen.add(value);
    const built = new StringSelectMenuOptionBuilder().setLabel(truncateWords(plainLine(option.label), CAPS.option)).setValue(value);
    if (option.description) built.setDescription(truncateWords(plainLine(option.description), CAPS.option));
    if (option.emoji) built.setEmoji({ name: option.emoji });
    options.push(built);
  }
  if (options.length === 0) return null;
  return new StringSelectMenuBuilder().setCustomId(MENU_ID).setPlaceholder(truncateWords(plainLine(menu.placeholder), CAPS.placeholder)).addOptions(options);
}

/** How many of `parts`, from the first, fit in `room` characters joined by `separator`. */
function fitting(parts: readonly string[], room: number, separator: string): number {
  let length = -separator.length;
  let count = 0;
  while (count < parts.length && length + separator.length + parts[count]!.length <= room) length += separator.length + parts[count++]!.length;
  return count;
}

/** The first of `lines` that fit in `room` characters together, joined; a line is never cut. */
function wholeLines(lines: readonly string[], room: number): string {
  return lines.slice(0, fitting(lines, room, '\n')).join('\n');
}

/**
 * The text displays above the footer, within what the message's 4,000 characters leave beside it
 * (`footLength`): whole sections while they fit, then the whole lines of the next that do. A line
 * is never cut here, so a card cut short still cites its sources and every line it shows keeps its
 * citation markers.
 */
function fitText(texts: readonly string[][], title: string, footLength: number): string[] {
  const budget = V2_LIMITS.text - footLength - 60;
  const out: string[] = [];
  let used = 0;
  for (const [i, section] of texts.entries()) {
    const lines = i === 0 ? [title, ...section] : section;
    const text = lines.join('\n');
    if (used + text.length > budget) {
      // The title and the first block always fit (CAPS.title, CAPS.block and CAPS.footer see to it).
      const kept = wholeLines(lines, budget - used);
      if (kept) out.push(kept);
      out.push('-# …cut to fit in one Discord message');
      return out;
    }
    used += text.length;
    out.push(text);
  }
  if (texts.length === 0) out.push(title);
  return out;
}

export function renderDiscord(answer: Answer, options: RenderOptions = {}): DiscordMessage {
  const title = `## ${escapeMarkdown(truncateWords(plainLine(answer.title), CAPS.title))}`;
  const foot = footer(answer);
  const body = fitText(sections(answer.blocks), title, foot?.length ?? 0);
  const container = new ContainerBuilder().setAccentColor(COLOURS[answer.kind]);
  body.forEach((text, i) => {
    if (i > 0) container.addSeparatorComponents(new SeparatorBuilder().setDivider(true).setSpacing(SeparatorSpacingSize.Small));
    container.addTextDisplayComponents(new TextDisplayBuilder().setContent(text));
  });
  const picture = answer.picture && options.picture ? { name: options.picture.name, alt: truncateWords(plainLine(options.picture.description), V2_LIMITS.mediaDescription) } : undefined;
  if (picture) {
    container.addMediaGalleryComponents(
      new MediaGalleryBuilder().addItems(new MediaGalleryItemBuilder().setURL(`attachment://${picture.name}`).setDescription(picture.alt)),
    );
  }
  if (foot) container.addTextDisplayComponents(new TextDisplayBuilder().setContent(foot));
  const buttons = answer.actions.flatMap((a) => button(a, answer.target) ?? []).slice(0, V2_LIMITS.buttonsPerRow * MAX_BUTTON_ROWS);
  for (let i = 0; i < buttons.length; i += V2_LIMITS.buttonsPerRow) {
    container.addActionRowComponents(new ActionRowBuilder<ButtonBuilder>().addComponents(buttons.slice(i, i + V2_LIMITS.buttonsPerRow)));
  }
  const menu = answer.menu ? select(answer.menu) : null;
  if (menu) container.addActionRowComponents(new ActionRowBuilder<StringSelectMenuBuilder>().addComponents(menu));
  return {
    flags: MessageFlags.IsComponentsV2 | (options.ephemeral ? MessageFlags.Ephemeral : 0),
    components: [container.toJSON() as APIMessageTopLevelComponent],
    allowed_mentions: { parse: [] },
    // The file the gallery shows, uploaded as files[0] with the message: Discord matches them by id.
    ...(picture && { attachments: [{ id: 0, filename: picture.name, description: picture.alt }] }),
  };
}

/** A short plain message (an error, a refusal): not a card, so no V2 flag. */
export function renderNotice(text: string, ephemeral = true): DiscordMessage {
  return { content: text, allowed_mentions: { parse: [] }, ...(ephemeral ? { flags: MessageFlags.Ephemeral } : {}) };
}
