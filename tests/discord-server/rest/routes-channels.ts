import type { ServerContext } from '../context.ts';
import { DiscordErrors } from '../lib/errors.ts';
import type { MessageRecord } from '../model/messages.ts';
import { isDmChannel, textChannel } from '../model/world.ts';
import { invalidFormBody } from '../validate/form-errors.ts';
import { validateMessagePayload } from '../validate/message-payload.ts';
import type { Route, RouteContext } from './router.ts';
import { isObject } from '../lib/json-values.ts';

// Channel messages sent by the bot with its token: send (including replies through message_reference),
// read, edit and delete its own messages, and the typing indicator.

export function channelRoutes(ctx: ServerContext): Route[] {
  const { world } = ctx;
  const channelOf = ({ params }: RouteContext) => {
    const id = params.channel!;
    if (textChannel(world, id)) return { id, guildId: world.guild.id as string | null };
    if (isDmChannel(world, id)) return { id, guildId: null };
    throw DiscordErrors.unknownChannel();
  };
  /** The message of a `/channels/:channel/messages/:message` route, if it is visible in that channel. */
  const messageOf = (c: RouteContext): MessageRecord => {
    const channelId = channelOf(c).id;
    const record = ctx.messages.get(c.params.message!);
    if (!record || record.deleted || record.channelId !== channelId || record.ephemeral) throw DiscordErrors.unknownMessage();
    return record;
  };

  return [
    {
      method: 'POST',
      path: '/channels/:channel/messages',
      auth: 'bot',
      handle: (c) => {
        const channel = channelOf(c);
        validateMessagePayload(c.body, { kind: 'channel-message', path: [], fileCount: c.files.length });
        const body = c.body as Record<string, unknown>;
        let reference: MessageRecord | undefined;
        if (isObject(body.message_reference)) {
          const ref = body.message_reference;
          const target = typeof ref.message_id === 'string' ? ctx.messages.get(ref.message_id) : undefined;
          const valid = target && !target.deleted && target.channelId === (ref.channel_id ?? channel.id);
          if (valid) reference = target;
          else if (ref.fail_if_not_exists !== false) {
            throw invalidFormBody([
              { path: 'message_reference', code: 'MESSAGE_REFERENCE_UNKNOWN_MESSAGE', message: 'Unknown message' },
            ]);
          }
        }
        const record = ctx.messages.create({
          channelId: channel.id,
          guildId: channel.guildId,
          author: world.bot,
          body,
          source: 'channel',
          files: c.files,
          ...(reference ? { reference } : {}),
        });
        return { body: record.message };
      },
    },
    {
      method: 'GET',
      path: '/channels/:channel/messages',
      auth: 'bot',
      handle: (c) => {
        const channel = channelOf(c);
        const limit = Math.min(100, Math.max(1, Number(c.query.get('limit') ?? 50)));
        const messages = ctx.messages
          .inChannel(channel.id)
          .filter((m) => !m.ephemeral)
          .reverse()
          .slice(0, limit)
          .map((m) => m.message);
        return { body: messages };
      },
    },
    {
      method: 'GET',
      path: '/channels/:channel/messages/:message',
      auth: 'bot',
      handle: (c) => ({ body: messageOf(c).message }),
    },
    {
      method: 'PATCH',
      path: '/channels/:channel/messages/:message',
      auth: 'bot',
      handle: (c) => {
        const record = messageOf(c);
        if (record.authorId !== world.bot.id) throw DiscordErrors.cannotEditOthersMessage();
        validateMessagePayload(c.body, { kind: 'edit', path: [], fileCount: c.files.length, existing: record.message });
        const updated = ctx.messages.edit(record.id, c.body as Record<string, unknown>, c.files);
        return { body: updated.message };
      },
    },
    {
      method: 'DELETE',
      path: '/channels/:channel/messages/:message',
      auth: 'bot',
      handle: (c) => {
        const record = messageOf(c);
        // The bot's role has no MANAGE_MESSAGES, so only its own messages can go.
        if (record.authorId !== world.bot.id) throw DiscordErrors.missingPermissions();
        ctx.messages.delete(record.id);
        return { status: 204 };
      },
    },
    {
      method: 'POST',
      path: '/channels/:channel/typing',
      auth: 'bot',
      handle: (c) => {
        channelOf(c);
        return { status: 204 };
      },
    },
  ];
}
