/**
 * From what was asked to the Discord message that answers it: the answers layer builds the card,
 * the renderer draws it as a Components V2 message, and a card that carries a picture gets it as
 * an uploaded file. Commands, button presses, menu choices and chat text all end here, so every way
 * in gives the same card.
 */
import type { Answer } from '../answers/answer.ts';
import { answer, panelOf, type PanelName } from '../answers/index.ts';
import { buildQuery, isCommandName, type Target } from '../answers/query.ts';
import { recognise } from '../answers/recognise.ts';
import { renderDiscord } from '../render/discord.ts';
import { pictureFor } from '../render/picture.ts';
import type { KnowledgeIndex } from '../search/types.ts';
import { UserFacingError, type OptionValues, type Reply } from './types.ts';

export interface ReplyOptions {
  /** Visible only to the one who asked. */
  readonly ephemeral: boolean;
}

/** A card as a message, with its picture uploaded alongside when it has one. */
export function cardMessage(index: KnowledgeIndex, card: Answer, options: ReplyOptions): Reply {
  const picture = pictureFor(index, card);
  if (!picture) return { data: renderDiscord(card, options) };
  return {
    data: renderDiscord(card, { ...options, picture }),
    files: [{ name: picture.name, data: picture.png(), description: picture.description }],
  };
}

/** The card for a target, as a message. */
export function cardReply(index: KnowledgeIndex, target: Target, options: ReplyOptions): Reply {
  return cardMessage(index, answer(index, target), options);
}

/** A card's quotes & sources or disputes panel: always only for whoever opened it. */
export function panelReply(index: KnowledgeIndex, target: Target, name: PanelName): Reply {
  return panelMessage(index, answer(index, target), name);
}

/** The same panel of a card already worked out. A panel is words only: it never has a picture. */
export function panelMessage(index: KnowledgeIndex, card: Answer, name: PanelName): Reply {
  return { data: renderDiscord(panelOf(index, card, name), { ephemeral: true }) };
}

/** A slash command with the option values Discord sent, as a message. */
export function commandReply(index: KnowledgeIndex, command: string, values: OptionValues, options: ReplyOptions): Reply {
  if (!isCommandName(command)) throw new UserFacingError(`There is no /${command} command. Try /help.`);
  const strings = Object.fromEntries(Object.entries(values).map(([k, v]) => [k, typeof v === 'boolean' ? String(v) : v]));
  const built = buildQuery(command, strings);
  if (!built.ok) throw new UserFacingError(built.message);
  return cardReply(index, built.query, options);
}

/**
 * Chat text (a mention, a message the "Find patrol facts" menu was used on): a patrol's card when
 * it names a patrol, a place's when it names a place, else a search for its words; /help when it
 * asks nothing at all.
 */
export function chatReply(index: KnowledgeIndex, text: string, options: ReplyOptions): Reply {
  return cardReply(index, recognise(index, text) ?? { command: 'help' }, options);
}
