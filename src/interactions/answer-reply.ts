/**
 * From a command name and its option values to the Discord message that answers it: the answers
 * layer builds the platform-neutral answer, the renderer pages it within Discord's limits, and
 * this adds the paging buttons and the visibility flag.
 */
import { MessageFlags } from 'discord.js';
import { answer } from '../answers/index.ts';
import { discordMessage } from '../render/discord.ts';
import type { KnowledgeIndex } from '../search/types.ts';
import { buildQuery, isCommandName } from '../answers/query.ts';
import { keywordQuery } from './keywords.ts';
import { fitPageState, pageButtons, PAGE_BUTTON_LIFETIME_MS, type PageState } from './paging.ts';
import { UserFacingError, type MessageData, type OptionValues } from './types.ts';

export interface AnswerRequest {
  readonly command: string;
  readonly options: OptionValues;
  readonly userId: string;
  readonly page: number;
  readonly now: number;
  readonly ephemeral: boolean;
  /** For a page turn: keep the original expiry instead of starting a new one. */
  readonly expiresAt?: number;
}

export function answerReply(index: KnowledgeIndex, request: AnswerRequest): MessageData {
  if (!isCommandName(request.command)) throw new UserFacingError(`There is no /${request.command} command. Try /help.`);
  const values = Object.fromEntries(
    Object.entries(request.options).map(([k, v]) => [k, typeof v === 'boolean' ? String(v) : v]),
  );
  const built = buildQuery(request.command, values);
  if (!built.ok) throw new UserFacingError(built.message);
  const rendered = discordMessage(answer(index, built.query), request.page);
  const data: MessageData = { ...rendered.payload, ...(request.ephemeral && { flags: MessageFlags.Ephemeral }) };
  if (rendered.pageCount <= 1) return data;

  const options = Object.fromEntries(
    Object.entries(request.options).flatMap(([k, v]) => (v === undefined ? [] : [[k, String(v)]])),
  );
  const state: PageState = {
    page: rendered.page,
    userId: request.userId,
    expiresAt: request.expiresAt ?? request.now + PAGE_BUTTON_LIFETIME_MS,
    command: request.command,
    options,
  };
  // Check the fit with the largest page number any button of this answer will carry.
  const fitted = fitPageState({ ...state, page: rendered.pageCount - 1 });
  if (!fitted) return data;
  return { ...data, components: [pageButtons({ ...fitted, page: rendered.page }, rendered.pageCount)] };
}

/**
 * Chat text (a mention, a message the "Find patrol facts" menu was used on) answered as a search for
 * its meaningful words, or with /help when it has none: both ways in behave alike.
 */
export function chatReply(index: KnowledgeIndex, text: string, request: Omit<AnswerRequest, 'command' | 'options'>): MessageData {
  const query = keywordQuery(text);
  return query
    ? answerReply(index, { ...request, command: 'search', options: { query } })
    : answerReply(index, { ...request, command: 'help', options: {} });
}
