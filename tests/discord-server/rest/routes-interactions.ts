import { ApplicationCommandType, InteractionResponseType, InteractionType, MessageFlags, MessageType } from 'discord.js';
import type { ServerContext } from '../context.ts';
import { DiscordErrors } from '../lib/errors.ts';
import { isObject } from '../lib/json-values.ts';
import type { CallbackData, InteractionHandle } from '../model/interactions.ts';
import type { MessageRecord, UploadedFile } from '../model/messages.ts';
import { invalidFormBody } from '../validate/form-errors.ts';
import { validateAutocompleteResult, validateModal } from '../validate/interaction-responses.ts';
import { validateMessagePayload } from '../validate/message-payload.ts';
import type { RecordedRequest, Route, RouteContext } from './router.ts';

// Interaction responses and the interaction webhook, with Discord's rules: the initial response must
// arrive before the deadline (else 404 / 10062 "Unknown interaction"), only once (else 400 / 40060),
// with a callback type valid for the interaction type; edits and follow-ups need an acknowledged
// interaction and a live token.

const C = InteractionResponseType;
const ALLOWED_CALLBACKS: Record<number, readonly number[]> = {
  [InteractionType.Ping]: [C.Pong],
  [InteractionType.ApplicationCommand]: [C.ChannelMessageWithSource, C.DeferredChannelMessageWithSource, C.Modal, C.LaunchActivity],
  [InteractionType.MessageComponent]: [
    C.ChannelMessageWithSource,
    C.DeferredChannelMessageWithSource,
    C.DeferredMessageUpdate,
    C.UpdateMessage,
    C.Modal,
  ],
  [InteractionType.ApplicationCommandAutocomplete]: [C.ApplicationCommandAutocompleteResult],
  [InteractionType.ModalSubmit]: [C.ChannelMessageWithSource, C.DeferredChannelMessageWithSource, C.DeferredMessageUpdate, C.UpdateMessage],
};

interface InteractionOrigin {
  channelId: string;
  guildId: string | null;
  user: { id: string; username: string } & Record<string, unknown>;
}

function originOf(handle: InteractionHandle): InteractionOrigin {
  const p = handle.payload as Record<string, any>;
  return {
    channelId: p.channel?.id ?? p.channel_id,
    guildId: p.guild_id ?? null,
    user: p.member?.user ?? p.user,
  };
}

function responseMessageType(handle: InteractionHandle): number {
  if (handle.type !== InteractionType.ApplicationCommand) return MessageType.Default;
  const commandType = (handle.payload.data as { type?: number } | undefined)?.type ?? ApplicationCommandType.ChatInput;
  return commandType === ApplicationCommandType.ChatInput ? MessageType.ChatInputCommand : MessageType.ContextMenuCommand;
}

/** Type of the focused option of an autocomplete interaction (to check choice values against it). */
function focusedOptionType(handle: InteractionHandle): number | undefined {
  const visit = (options: unknown): number | undefined => {
    if (!Array.isArray(options)) return undefined;
    for (const option of options) {
      if (!isObject(option)) continue;
      if (option.focused === true) return option.type as number;
      const nested = visit(option.options);
      if (nested !== undefined) return nested;
    }
    return undefined;
  };
  return visit((handle.payload.data as Record<string, unknown> | undefined)?.options);
}

export function interactionRoutes(ctx: ServerContext): Route[] {
  /** A new message of the bot's in the interaction's channel, marked as answering it. */
  const createMessage = (
    handle: InteractionHandle,
    source: 'interaction-response' | 'follow-up',
    body: Record<string, unknown>,
    extra: { files?: UploadedFile[]; loading?: boolean },
  ): MessageRecord => {
    const origin = originOf(handle);
    return ctx.messages.create({
      channelId: origin.channelId,
      guildId: origin.guildId,
      author: ctx.world.bot,
      body,
      source,
      type: responseMessageType(handle),
      interaction: { id: handle.id, type: handle.type, user: ctx.world.users.get(origin.user.id) ?? (origin.user as never) },
      ...extra,
    });
  };

  const callback = ({ params, body, files, query }: RouteContext) => {
    const handle = ctx.interactions.get(params.id!);
    if (!handle || handle.token !== params.token) throw DiscordErrors.unknownInteraction();
    if (handle.timedOut || handle.tokenExpired) throw DiscordErrors.unknownInteraction();
    if (handle.acknowledged) throw DiscordErrors.alreadyAcknowledged();
    const request = isObject(body) ? body : {};
    const type = request.type;
    if (typeof type !== 'number' || !(ALLOWED_CALLBACKS[handle.type] ?? []).includes(type)) {
      throw invalidFormBody([
        { path: 'type', code: 'INTERACTION_RESPONSE_TYPE_INVALID', message: `Callback type ${String(type)} is not valid for interaction type ${handle.type}` },
      ]);
    }
    const data = request.data;
    const fileCount = files.length;
    let messageId: string | null = null;
    let resourceMessage: MessageRecord | undefined;
    switch (type) {
      case C.ChannelMessageWithSource: {
        validateMessagePayload(data, { kind: 'interaction-message', path: ['data'], fileCount });
        resourceMessage = createMessage(handle, 'interaction-response', data as Record<string, unknown>, { files });
        messageId = resourceMessage.id;
        break;
      }
      case C.DeferredChannelMessageWithSource: {
        validateMessagePayload(data, { kind: 'interaction-deferred', path: ['data'], fileCount: 0 });
        const flags = isObject(data) && typeof data.flags === 'number' ? data.flags : 0;
        messageId = createMessage(handle, 'interaction-response', { flags }, { loading: true }).id;
        break;
      }
      case C.DeferredMessageUpdate:
      case C.UpdateMessage: {
        const target = (handle.payload.message as { id?: string } | undefined)?.id;
        const record = target ? ctx.messages.get(target) : undefined;
        if (!record || record.deleted) throw DiscordErrors.unknownMessage();
        if (type === C.UpdateMessage) {
          validateMessagePayload(data, { kind: 'edit', path: ['data'], fileCount, existing: record.message });
          resourceMessage = ctx.messages.edit(record.id, data as Record<string, unknown>, files);
        }
        messageId = record.id;
        break;
      }
      case C.ApplicationCommandAutocompleteResult:
        validateAutocompleteResult(data, focusedOptionType(handle));
        break;
      case C.Modal:
        validateModal(data);
        break;
      default:
        break;
    }
    const withResponse = query.get('with_response') === 'true';
    handle.acknowledge({
      type,
      data: data as CallbackData | undefined,
      body: request,
      at: Date.now(),
      latencyMs: Date.now() - handle.dispatchedAt,
      messageId,
      withResponse,
    });
    if (!withResponse) return { status: 204 };
    const message = messageId ? ctx.messages.get(messageId) : undefined;
    return {
      status: 200,
      body: {
        interaction: {
          id: handle.id,
          type: handle.type,
          ...(message
            ? {
                response_message_id: message.id,
                response_message_loading: ((message.message.flags ?? 0) & MessageFlags.Loading) !== 0,
                response_message_ephemeral: message.ephemeral,
              }
            : {}),
        },
        ...(resourceMessage ? { resource: { type, message: resourceMessage.message } } : {}),
      },
    };
  };

  /** The acknowledged interaction behind an interaction webhook (application id + token). */
  const webhookInteraction = ({ params }: RouteContext, unacknowledged: () => Error): InteractionHandle => {
    if (params.app !== ctx.world.applicationId) throw DiscordErrors.unknownWebhook();
    const handle = ctx.interactions.withToken(params.token!);
    // A missed deadline invalidates the token, as does its 15-minute lifetime.
    if (!handle || handle.timedOut || handle.tokenExpired) throw DiscordErrors.invalidWebhookToken();
    if (!handle.acknowledged) throw unacknowledged();
    return handle;
  };

  const messageOf = (handle: InteractionHandle, param: string): MessageRecord => {
    const id = param === '@original' ? handle.originalMessageId : param;
    const belongs = id !== null && (id === handle.originalMessageId || handle.followUpIds.includes(id));
    const record = id ? ctx.messages.get(id) : undefined;
    if (!belongs || !record || record.deleted) throw DiscordErrors.unknownMessage();
    return record;
  };

  return [
    { method: 'POST', path: '/interactions/:id/:token/callback', auth: 'none', handle: callback },
    {
      method: 'POST',
      path: '/webhooks/:app/:token',
      auth: 'none',
      handle: (c) => {
        const handle = webhookInteraction(c, DiscordErrors.unknownWebhook);
        validateMessagePayload(c.body, { kind: 'follow-up', path: [], fileCount: c.files.length });
        const body = c.body as Record<string, unknown>;
        const original = handle.originalRecord;
        let record: MessageRecord;
        if (original && !original.deleted && ((original.message.flags ?? 0) & MessageFlags.Loading) !== 0) {
          // The first follow-up after a deferral replaces the "thinking…" message instead of adding one.
          record = ctx.messages.edit(original.id, body, c.files);
        } else {
          record = createMessage(handle, 'follow-up', body, { files: c.files });
        }
        const after = () => handle.recordFollowUp(record.id);
        return c.query.get('wait') === 'true' ? { body: record.message, after } : { status: 204, after };
      },
    },
    {
      method: 'GET',
      path: '/webhooks/:app/:token/messages/:message',
      auth: 'none',
      handle: (c) => ({ body: messageOf(webhookInteraction(c, DiscordErrors.unknownMessage), c.params.message!).message }),
    },
    {
      method: 'PATCH',
      path: '/webhooks/:app/:token/messages/:message',
      auth: 'none',
      handle: (c) => {
        const handle = webhookInteraction(c, DiscordErrors.unknownMessage);
        const record = messageOf(handle, c.params.message!);
        validateMessagePayload(c.body, { kind: 'edit', path: [], fileCount: c.files.length, existing: record.message });
        const body = c.body as Record<string, unknown>;
        const updated = ctx.messages.edit(record.id, body, c.files);
        const edit = {
          messageId: record.id,
          viaOriginal: c.params.message === '@original',
          body: structuredClone(body),
          at: Date.now(),
          message: structuredClone(updated.message),
        };
        return { body: updated.message, after: () => handle.recordEdit(edit) };
      },
    },
    {
      method: 'DELETE',
      path: '/webhooks/:app/:token/messages/:message',
      auth: 'none',
      handle: (c) => {
        const record = messageOf(webhookInteraction(c, DiscordErrors.unknownMessage), c.params.message!);
        ctx.messages.delete(record.id);
        return { status: 204 };
      },
    },
  ];
}

/** Records every callback request (also ones answered by injected faults) on its interaction. */
export function recordCallbackAttempt(ctx: ServerContext, request: RecordedRequest): void {
  if (request.route !== 'POST /interactions/:id/:token/callback') return;
  const handle = ctx.interactions.get(request.params.id ?? '');
  if (!handle || handle.token !== request.params.token) return;
  const body = isObject(request.body) ? request.body : {};
  handle.recordAttempt({
    at: request.at,
    type: typeof body.type === 'number' ? body.type : undefined,
    body: request.body,
    status: request.status,
    ...(request.status >= 400 ? { error: request.response as never } : {}),
    injected: request.injected,
  });
}
