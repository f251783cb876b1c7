import { RESTJSONErrorCodes } from 'discord.js';

// Error responses shaped like Discord's, so that @discordjs/rest turns them into the same DiscordAPIError
// (status, code, message, rawError) a bot would see in production.

export interface DiscordErrorBody {
  message: string;
  code: number;
  errors?: Record<string, unknown>;
  retry_after?: number;
  global?: boolean;
}

export class DiscordHttpError extends Error {
  constructor(
    readonly status: number,
    readonly body: DiscordErrorBody,
    readonly headers: Record<string, string> = {},
  ) {
    super(`${status} ${body.code}: ${body.message}`);
  }
}

const make = (status: number, code: number, message: string) => () =>
  new DiscordHttpError(status, { message, code });

const Code = RESTJSONErrorCodes;

export const DiscordErrors = {
  unknownRoute: make(404, 0, '404: Not Found'),
  methodNotAllowed: make(405, 0, '405: Method Not Allowed'),
  unauthorized: make(401, 0, '401: Unauthorized'),
  invalidJson: make(400, Code.RequestBodyContainsInvalidJSON, 'The request body contains invalid JSON.'),
  unknownChannel: make(404, Code.UnknownChannel, 'Unknown Channel'),
  unknownGuild: make(404, Code.UnknownGuild, 'Unknown Guild'),
  unknownMember: make(404, Code.UnknownMember, 'Unknown Member'),
  unknownMessage: make(404, Code.UnknownMessage, 'Unknown Message'),
  unknownUser: make(404, Code.UnknownUser, 'Unknown User'),
  unknownWebhook: make(404, Code.UnknownWebhook, 'Unknown Webhook'),
  unknownInteraction: make(404, Code.UnknownInteraction, 'Unknown interaction'),
  unknownCommand: make(404, Code.UnknownApplicationCommand, 'Unknown application command'),
  missingAccess: make(403, Code.MissingAccess, 'Missing Access'),
  missingPermissions: make(403, Code.MissingPermissions, 'Missing Permissions'),
  cannotEditOthersMessage: make(403, Code.CannotEditMessageAuthoredByAnotherUser, 'Cannot edit a message authored by another user'),
  emptyMessage: make(400, Code.CannotSendAnEmptyMessage, 'Cannot send an empty message'),
  invalidWebhookToken: make(401, Code.InvalidWebhookToken, 'Invalid Webhook Token'),
  alreadyAcknowledged: make(400, Code.InteractionHasAlreadyBeenAcknowledged, 'Interaction has already been acknowledged.'),
};
