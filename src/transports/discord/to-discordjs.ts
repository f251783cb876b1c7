/**
 * The interaction layer speaks Discord's API JSON (snake_case), which is also what the HTTP
 * endpoint sends. discord.js takes most of it as is but spells allowed mentions in camelCase and
 * takes the Ephemeral flag only when a message is first sent, so this is the one place the gateway
 * transport translates.
 */
import { MessageFlags, type InteractionReplyOptions, type InteractionUpdateOptions, type MessageReplyOptions } from 'discord.js';
import type { MessageData } from '../../interactions/types.ts';

type Common = Pick<InteractionReplyOptions & MessageReplyOptions, 'content' | 'embeds' | 'components' | 'allowedMentions'>;

function common(data: MessageData): Common {
  return {
    // A Components V2 message may carry neither content nor embeds, not even empty ones.
    ...(data.content !== undefined && { content: data.content }),
    ...(data.embeds !== undefined && { embeds: data.embeds }),
    components: (data.components ?? []) as Common['components'],
    // Never ping anyone: no parsed mentions, and no ping of the user replied to.
    allowedMentions: { parse: [], repliedUser: false },
  };
}

/** The flags an edit may carry: visibility is settled when a message is first sent. */
function editFlags(data: MessageData): number | undefined {
  return data.flags === undefined ? undefined : data.flags & ~MessageFlags.Ephemeral;
}

export function replyOptions(data: MessageData): InteractionReplyOptions {
  return { ...common(data), ...(data.flags !== undefined && { flags: data.flags as InteractionReplyOptions['flags'] }) };
}

/** For `update()` (a component's own message) and `editReply()` (a deferred answer). */
export function updateOptions(data: MessageData): InteractionUpdateOptions {
  const flags = editFlags(data);
  return { ...common(data), ...(flags !== undefined && { flags: flags as InteractionUpdateOptions['flags'] }) } as InteractionUpdateOptions;
}

export function messageReplyOptions(data: MessageData): MessageReplyOptions {
  const flags = editFlags(data);
  return { ...common(data), ...(flags !== undefined && { flags: flags as MessageReplyOptions['flags'] }), failIfNotExists: false } as MessageReplyOptions;
}
