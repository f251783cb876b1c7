/**
 * "Find patrol facts": a message context-menu command. It answers only to the user who invoked it
 * with the facts related to the message's text.
 */
import { ApplicationCommandType, type RESTPostAPIContextMenuApplicationCommandsJSONBody } from 'discord.js';
import { replyWhenReady } from '../answer-command.ts';
import { chatReply } from '../answer-reply.ts';
import { EVERYWHERE } from '../slash-data.ts';
import type { KnowledgeIndex } from '../../search/types.ts';
import type { CommandModule } from '../types.ts';

export const data = {
  type: ApplicationCommandType.Message,
  name: 'Find patrol facts',
  ...EVERYWHERE,
} satisfies RESTPostAPIContextMenuApplicationCommandsJSONBody;

export const command: CommandModule = {
  data,
  execute(incoming, ctx) {
    const build = (index: KnowledgeIndex) => chatReply(index, incoming.targetMessage?.content ?? '', { ephemeral: true });
    return replyWhenReady(ctx, true, build);
  },
};
