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

export const DiscordErrors = {
  unknownRoute: make(404, 0, '404: Not Found'),
  methodNotAllowed: make(405, 0, '405: Method Not Allowed'),
  unauthorized: make(401, 0, '401: Unauthorized'),
  invalidJson: make(400, 50109, 'The request body contains invalid JSON.'),
  unknownApplication: make(404, 10002, 'Unknown Application'),
  unknownChannel: make(404, 10003, 'Unknown Channel'),
  unknownGuild: make(404, 10004, 'Unknown Guild'),
  unknownMessage: make(404, 10008, 'Unknown Message'),
  unknownUser: make(404, 10013, 'Unknown User'),
  unknownWebhook: make(404, 10015, 'Unknown Webhook'),
  unknownInteraction: make(404, 10062, 'Unknown interaction'),
  unknownCommand: make(404, 10063, 'Unknown application command'),
  cannotEditOthersMessage: make(403, 50005, 'Cannot edit a message authored by another user'),
  emptyMessage: make(400, 50006, 'Cannot send an empty message'),
  invalidWebhookToken: make(401, 50027, 'Invalid Webhook Token'),
  alreadyAcknowledged: make(400, 40060, 'Interaction has already been acknowledged.'),
  internal: make(500, 0, '500: Internal Server Error'),
};
