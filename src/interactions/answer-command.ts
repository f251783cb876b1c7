/**
 * Most commands are "ask the answers layer, show the answer": this factory builds their handler
 * from their definition, so each command module only declares what Discord is told and which
 * autocomplete it offers.
 */
import type { APIApplicationCommandOptionChoice, RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord.js';
import type { KnowledgeIndex } from '../search/types.ts';
import { commandReply } from './answer-reply.ts';
import type { CommandContext, CommandModule, Outgoing, Reply } from './types.ts';

/** Answer now, or, before the first load has finished, acknowledge within Discord's 3 seconds and answer when ready. */
export function replyWhenReady(ctx: CommandContext, ephemeral: boolean, build: (index: KnowledgeIndex) => Reply): Outgoing {
  if (!ctx.index) return { kind: 'deferred', ephemeral, reply: ctx.ready().then(build) };
  return { kind: 'message', ...build(ctx.index) };
}

type Suggest = (index: KnowledgeIndex, focused: string) => readonly APIApplicationCommandOptionChoice[];

export function answerCommand(data: RESTPostAPIChatInputApplicationCommandsJSONBody, suggest?: Suggest): CommandModule {
  return {
    data,
    execute(incoming, ctx) {
      const { hide, ...options } = incoming.options;
      const ephemeral = hide === true;
      const build = (index: KnowledgeIndex) => commandReply(index, data.name, options, { ephemeral });
      return replyWhenReady(ctx, ephemeral, build);
    },
    ...(suggest && {
      autocomplete: (incoming, index) => suggest(index, incoming.focused),
    }),
  };
}
