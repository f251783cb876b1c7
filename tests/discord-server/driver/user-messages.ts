import type { APIMessage, APIUser } from 'discord.js';
import type { ServerContext } from '../context.ts';
import { DEFAULT_WAIT_MS, waitUntil } from '../lib/wait.ts';
import type { MessageRecord } from '../model/messages.ts';
import { dmChannelId } from '../model/world.ts';

// Messages typed by human users, delivered as MESSAGE_CREATE, and a way to await the bot's reaction.

export interface UserMessageOptions {
  /** Author (default: "tester"); a username or user object. */
  author?: APIUser | string;
  /** Channel id or name (default: #general). */
  channel?: string;
  /** Send as a DM to the bot instead. */
  dm?: boolean;
  /** Make it a reply to this message (pings its author, like the Discord client's default). */
  replyTo?: MessageRecord | APIMessage | string;
}

export class UserMessage {
  constructor(
    private readonly ctx: ServerContext,
    readonly record: MessageRecord,
  ) {}

  /** Sessions the MESSAGE_CREATE went to (0 when no connected bot has the needed intent). */
  get deliveredTo(): number {
    return this.record.deliveredTo;
  }

  get id(): string {
    return this.record.id;
  }

  get message(): APIMessage {
    return this.record.message;
  }

  /** The bot's message replying to this one (message_reference pointing here). */
  waitForReply(timeoutMs = DEFAULT_WAIT_MS): Promise<MessageRecord> {
    return waitUntil(
      this.ctx.messages.changes,
      () =>
        this.ctx.messages
          .all()
          .find((m) => m.authorId === this.ctx.world.bot.id && m.message.message_reference?.message_id === this.id),
      `a reply from the bot to message ${this.id}`,
      timeoutMs,
    );
  }

  /** Any message the bot posts in this channel after this one. */
  waitForBotMessage(timeoutMs = DEFAULT_WAIT_MS): Promise<MessageRecord> {
    return waitUntil(
      this.ctx.messages.changes,
      () =>
        this.ctx.messages
          .inChannel(this.record.channelId)
          .find((m) => m.authorId === this.ctx.world.bot.id && BigInt(m.id) > BigInt(this.id)),
      `a bot message after ${this.id}`,
      timeoutMs,
    );
  }
}

export function sendUserMessage(
  ctx: ServerContext,
  content: string,
  author: APIUser,
  channelId: string,
  opts: UserMessageOptions,
  referenced: MessageRecord | undefined,
): UserMessage {
  const inDm = opts.dm === true;
  const record = ctx.messages.create({
    channelId: inDm ? dmChannelId(ctx.world, author.id) : channelId,
    guildId: inDm ? null : ctx.world.guild.id,
    author,
    body: { content },
    source: 'user',
    ...(referenced ? { reference: referenced } : {}),
  });
  return new UserMessage(ctx, record);
}
