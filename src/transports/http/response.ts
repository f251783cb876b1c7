/**
 * `Outgoing` → the interaction response Discord expects as the HTTP reply, and the body of the
 * follow-up edit that completes a deferred reply. The interaction layer already speaks API JSON, so
 * this only picks the response type and enforces what must hold for every message we send.
 *
 * The HTTP response can only be JSON, and files must be uploaded as multipart: a reply with a file
 * (a card's picture) is acknowledged as deferred and sent through the webhook, like slow work.
 */
import {
  InteractionResponseType,
  MessageFlags,
  type APIInteractionResponse,
  type RESTPatchAPIWebhookWithTokenMessageJSONBody,
} from 'discord.js';
import type { MessageData, Outgoing, Reply } from '../../interactions/types.ts';

/**
 * Never ping anyone, whatever the text contains (it may quote a user or a message). Components
 * (and, on a message that is not Components V2, embeds) default to empty so that an update or edit
 * replaces the whole message. A V2 message may carry no embeds field at all.
 */
function complete(data: MessageData): MessageData {
  const v2 = ((data.flags ?? 0) & MessageFlags.IsComponentsV2) !== 0;
  return { ...data, ...(!v2 && { embeds: data.embeds ?? [] }), components: data.components ?? [], allowed_mentions: { parse: [] } };
}

/**
 * A message's visibility is fixed when it is created, so an update or an edit drops the Ephemeral
 * flag; the Components V2 flag stays, since a V2 message keeps it through every edit.
 */
function forEdit(data: MessageData): MessageData {
  const { flags, ...rest } = data;
  const kept = (flags ?? 0) & ~MessageFlags.Ephemeral;
  return kept === 0 ? rest : { ...rest, flags: kept };
}

function uploads(reply: Reply): boolean {
  return (reply.files?.length ?? 0) > 0;
}

/** What goes through the webhook once the response is sent: deferred work, or a reply that uploads files. */
export function webhookReply(outgoing: Outgoing): Promise<Reply> | undefined {
  if (outgoing.kind === 'deferred') return outgoing.reply;
  if ((outgoing.kind === 'message' || outgoing.kind === 'update') && uploads(outgoing)) return Promise.resolve(outgoing);
  return undefined;
}

export function interactionResponse(outgoing: Outgoing): APIInteractionResponse {
  switch (outgoing.kind) {
    case 'message':
      if (uploads(outgoing)) return deferredMessage(((outgoing.data.flags ?? 0) & MessageFlags.Ephemeral) !== 0);
      return { type: InteractionResponseType.ChannelMessageWithSource, data: complete(outgoing.data) };
    case 'update':
      if (uploads(outgoing)) return { type: InteractionResponseType.DeferredMessageUpdate };
      // An update replaces the whole card, files too: one without a picture drops the card's earlier one.
      return { type: InteractionResponseType.UpdateMessage, data: complete({ ...forEdit(outgoing.data), attachments: [] }) };
    case 'choices':
      return { type: InteractionResponseType.ApplicationCommandAutocompleteResult, data: { choices: [...outgoing.choices] } };
    case 'deferred':
      return deferredMessage(outgoing.ephemeral);
  }
}

/** "Thinking…" now; the visibility chosen here is the one the finished answer gets. */
function deferredMessage(ephemeral: boolean): APIInteractionResponse {
  return { type: InteractionResponseType.DeferredChannelMessageWithSource, data: ephemeral ? { flags: MessageFlags.Ephemeral } : {} };
}

/** The edit of the deferred reply (`PATCH …/messages/@original`), which completes a card with the V2 flag. */
export function followUpBody(data: MessageData): RESTPatchAPIWebhookWithTokenMessageJSONBody {
  const { tts: _tts, ...rest } = complete(forEdit(data));
  return rest as RESTPatchAPIWebhookWithTokenMessageJSONBody;
}

export const PONG: APIInteractionResponse = { type: InteractionResponseType.Pong };

/** A short message only the user sees, for interactions we cannot or will not answer. */
export function ephemeralNotice(text: string): APIInteractionResponse {
  return { type: InteractionResponseType.ChannelMessageWithSource, data: complete({ content: text, flags: MessageFlags.Ephemeral }) };
}

/** Autocomplete cannot show a message: an empty list is the only polite answer. */
export const NO_CHOICES: APIInteractionResponse = { type: InteractionResponseType.ApplicationCommandAutocompleteResult, data: { choices: [] } };
