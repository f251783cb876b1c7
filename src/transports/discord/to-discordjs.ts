/**
 * The interaction layer speaks Discord's API JSON (snake_case), which is also what the HTTP
 * endpoint sends. discord.js takes most of it as is but spells allowed mentions in camelCase, takes
 * the Ephemeral flag only when a message is first sent, and uploads files from its own `files`
 * option (listing them in `attachments` itself), so this is the one place the gateway transport translates.
 */
import { MessageFlags, type AttachmentPayload, type InteractionReplyOptions, type InteractionUpdateOptions, type MessageReplyOptions } from 'discord.js';
import type { MessageData, Reply } from '../../interactions/types.ts';

type Common = Pick<InteractionReplyOptions & MessageReplyOptions, 'content' | 'embeds' | 'components' | 'allowedMentions' | 'files'>;

function common({ data, files }: Reply): Common {
  return {
    // A Components V2 message may carry neither content nor embeds, not even empty ones.
    ...(data.content !== undefined && { content: data.content }),
    ...(data.embeds !== undefined && { embeds: data.embeds }),
    components: (data.components ?? []) as Common['components'],
    // Never ping anyone: no parsed mentions, and no ping of the user replied to.
    allowedMentions: { parse: [], repliedUser: false },
    ...(files && files.length > 0 && { files: files.map((f): AttachmentPayload => ({ attachment: f.data, name: f.name, ...(f.description && { description: f.description }) })) }),
  };
}

/** The flags an edit may carry: visibility is settled when a message is first sent. */
function editFlags(data: MessageData): number | undefined {
  return data.flags === undefined ? undefined : data.flags & ~MessageFlags.Ephemeral;
}

export function replyOptions(reply: Reply): InteractionReplyOptions {
  const { data } = reply;
  return { ...common(reply), ...(data.flags !== undefined && { flags: data.flags as InteractionReplyOptions['flags'] }) };
}

/**
 * For `update()` (a component's own message) and `editReply()` (a deferred answer). An edit
 * replaces the whole message, its files too: `attachments: []` drops an earlier card's picture,
 * and discord.js adds the new files to that (fresh) list.
 */
export function updateOptions(reply: Reply): InteractionUpdateOptions {
  const flags = editFlags(reply.data);
  return { ...common(reply), attachments: [], ...(flags !== undefined && { flags: flags as InteractionUpdateOptions['flags'] }) } as InteractionUpdateOptions;
}

export function messageReplyOptions(reply: Reply): MessageReplyOptions {
  const flags = editFlags(reply.data);
  return { ...common(reply), ...(flags !== undefined && { flags: flags as MessageReplyOptions['flags'] }), failIfNotExists: false } as MessageReplyOptions;
}
