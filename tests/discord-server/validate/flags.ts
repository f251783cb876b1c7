import { MessageFlags } from 'discord.js';

// Which message flags (https://discord.com/developers/docs/resources/message#message-object-message-flags)
// each endpoint accepts.

/** Where a message payload is sent decides which flags Discord lets you set. */
export type MessagePayloadKind =
  | 'interaction-message' // callback types 4 and 7
  | 'interaction-deferred' // callback type 5: "the only valid message flag you may use is EPHEMERAL"
  | 'follow-up' // POST /webhooks/:app/:token
  | 'channel-message' // POST /channels/:id/messages
  | 'edit'; // PATCH of an existing message

const F = MessageFlags;
export const ALLOWED_FLAGS: Record<MessagePayloadKind, number> = {
  'interaction-message': F.SuppressEmbeds | F.Ephemeral | F.SuppressNotifications | F.IsVoiceMessage | F.IsComponentsV2,
  'interaction-deferred': F.Ephemeral,
  'follow-up': F.SuppressEmbeds | F.Ephemeral | F.SuppressNotifications | F.IsComponentsV2,
  'channel-message': F.SuppressEmbeds | F.SuppressNotifications | F.IsVoiceMessage | F.IsComponentsV2,
  // Editing can toggle SUPPRESS_EMBEDS and switch to components v2; EPHEMERAL is accepted but cannot change.
  edit: F.SuppressEmbeds | F.Ephemeral | F.IsComponentsV2,
};
