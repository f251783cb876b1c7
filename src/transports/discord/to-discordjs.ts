/**
 * The interaction layer speaks Discord's API JSON (snake_case), which is also what the HTTP
 * endpoint sends. discord.js takes most of it as is but spells allowed mentions in camelCase, so
 * this is the one place the gateway transport translates.
 */
import type { InteractionReplyOptions, InteractionUpdateOptions, MessageReplyOptions } from 'discord.js';
import type { MessageData } from '../../interactions/types.ts';

type Common = Pick<InteractionReplyOptions & MessageReplyOptions, 'content' | 'embeds' | 'components' | 'allowedMentions'>;

function common(data: MessageData): Common {
  return {
    ...(data.content !== undefined && { content: data.content }),
    embeds: data.embeds ?? [],
    components: (data.components ?? []) as Common['components'],
    // Never ping anyone: no parsed mentions, and no ping of the user replied to.
    allowedMentions: { parse: [], repliedUser: false },
  };
}

export function replyOptions(data: MessageData): InteractionReplyOptions {
  return { ...common(data), ...(data.flags !== undefined && { flags: data.flags as InteractionReplyOptions['flags'] }) };
}

export function updateOptions(data: MessageData): InteractionUpdateOptions {
  return common(data) as InteractionUpdateOptions;
}

export function messageReplyOptions(data: MessageData): MessageReplyOptions {
  return { ...common(data), failIfNotExists: false } as MessageReplyOptions;
}
