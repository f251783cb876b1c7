/**
 * `Outgoing` → the interaction response Discord expects as the HTTP reply, and the body of the
 * follow-up edit that completes a deferred reply. The interaction layer already speaks API JSON, so
 * this only picks the response type and enforces what must hold for every message we send.
 */
import {
  InteractionResponseType,
  MessageFlags,
  type APIInteractionResponse,
  type RESTPatchAPIWebhookWithTokenMessageJSONBody,
} from 'discord.js';
import type { MessageData, Outgoing } from '../../interactions/types.ts';

/**
 * Never ping anyone, whatever the text contains (it may quote a user or a message). Embeds and
 * components default to empty so that an update or edit replaces the whole message: a page turn
 * to an answer without buttons must take the old buttons away.
 */
function complete(data: MessageData): MessageData {
  return { ...data, embeds: data.embeds ?? [], components: data.components ?? [], allowed_mentions: { parse: [] } };
}

export function interactionResponse(outgoing: Outgoing): APIInteractionResponse {
  switch (outgoing.kind) {
    case 'message':
      return { type: InteractionResponseType.ChannelMessageWithSource, data: complete(outgoing.data) };
    case 'update': {
      // A message's visibility is fixed when it is created; an update cannot change it.
      const { flags: _flags, ...data } = outgoing.data;
      return { type: InteractionResponseType.UpdateMessage, data: complete(data) };
    }
    case 'choices':
      return { type: InteractionResponseType.ApplicationCommandAutocompleteResult, data: { choices: [...outgoing.choices] } };
    case 'deferred':
      // "Thinking…" now; the visibility chosen here is the one the finished answer gets.
      return { type: InteractionResponseType.DeferredChannelMessageWithSource, data: outgoing.ephemeral ? { flags: MessageFlags.Ephemeral } : {} };
  }
}

/** The edit of the deferred reply (`PATCH …/messages/@original`): everything but the flags. */
export function followUpBody(data: MessageData): RESTPatchAPIWebhookWithTokenMessageJSONBody {
  const { flags: _flags, tts: _tts, ...rest } = complete(data);
  return rest as RESTPatchAPIWebhookWithTokenMessageJSONBody;
}

export const PONG: APIInteractionResponse = { type: InteractionResponseType.Pong };

/** A short message only the user sees, for interactions we cannot or will not answer. */
export function ephemeralNotice(text: string): APIInteractionResponse {
  return { type: InteractionResponseType.ChannelMessageWithSource, data: complete({ content: text, flags: MessageFlags.Ephemeral }) };
}

/** Autocomplete cannot show a message: an empty list is the only polite answer. */
export const NO_CHOICES: APIInteractionResponse = { type: InteractionResponseType.ApplicationCommandAutocompleteResult, data: { choices: [] } };
