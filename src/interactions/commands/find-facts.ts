/**
 * "Find patrol facts": a message context-menu command. It answers only to the user who invoked it
 * with the facts related to the message's text.
 */
import { ApplicationCommandType, type RESTPostAPIContextMenuApplicationCommandsJSONBody } from 'discord.js';
import { keywordQuery } from '../keywords.ts';
import { answerReply } from '../answer-reply.ts';
import type { CommandModule } from '../types.ts';

export const data = {
  type: ApplicationCommandType.Message,
  name: 'Find patrol facts',
} as const satisfies RESTPostAPIContextMenuApplicationCommandsJSONBody;

export const command: CommandModule = {
  data,
  async execute(incoming, ctx) {
    const text = incoming.targetMessage?.content ?? '';
    const index = ctx.index ?? (await ctx.ready());
    return {
      kind: 'message',
      data: answerReply(index, {
        command: 'search',
        options: { query: keywordQuery(text) },
        userId: incoming.userId,
        page: 0,
        now: ctx.now(),
        ephemeral: true,
      }),
    };
  },
};
