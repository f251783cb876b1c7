import { MessageFlags, MessageType, PermissionFlagsBits, type APIAttachment, type APIEmbed, type APIMessage, type APIUser } from 'discord.js';
import { isObject } from '../lib/json-values.ts';
import { snowflake } from '../lib/snowflake.ts';
import { changeEmitter } from '../lib/wait.ts';
import { memberPermissions, textChannel, type World } from './world.ts';

// Every message in the fake Discord: bot answers (interaction responses, follow-ups, channel messages)
// and user messages sent through the driver. Each record keeps the message as Discord would return it,
// its edit history, the allowed_mentions the bot sent, and who would actually be pinged.

export interface UploadedFile {
  field: string;
  name: string;
  size: number;
  contentType: string;
}

/** Who gets a notification from a message, after allowed_mentions and permissions are applied. */
export interface Pings {
  users: string[];
  roles: string[];
  everyone: boolean;
  /** Author of the replied-to message, when the reply pings them. */
  repliedUser: string | null;
}

export type MessageSource = 'interaction-response' | 'follow-up' | 'channel' | 'user';

export interface MessageRecord {
  id: string;
  channelId: string;
  guildId: string | null;
  authorId: string;
  source: MessageSource;
  interactionId: string | null;
  /** The message as Discord would return it now. */
  message: APIMessage;
  /** `allowed_mentions` exactly as the bot last sent it (undefined when it sent none). */
  allowedMentions: unknown;
  pings: Pings;
  ephemeral: boolean;
  deleted: boolean;
  /** Creation and each edit: the request body and the resulting message. */
  history: { at: number; body: Record<string, unknown>; message: APIMessage }[];
  /** Bot sessions its MESSAGE_CREATE was queued for (0 when ephemeral or no bot has the intent). */
  deliveredTo: number;
}

export type MessageEvent = 'MESSAGE_CREATE' | 'MESSAGE_UPDATE' | 'MESSAGE_DELETE';

export interface CreateMessageInput {
  channelId: string;
  guildId: string | null;
  author: APIUser;
  body: Record<string, unknown>;
  source: MessageSource;
  type?: number;
  files?: UploadedFile[];
  interaction?: { id: string; type: number; user: APIUser; name?: string };
  /** Replied-to message (message_reference). */
  reference?: MessageRecord;
  /** Deferred responses start as a "thinking…" message with the LOADING flag. */
  loading?: boolean;
  id?: string;
}

export class MessageStore {
  private readonly records = new Map<string, MessageRecord>();
  readonly changes = changeEmitter();

  constructor(
    private readonly world: World,
    /** Base URL for attachment links; known only once the server listens. */
    private readonly httpUrl: () => string,
    /**
     * Tells bots about every change (dispatch filtered by intents, as Discord does); returns how many
     * sessions it was queued for.
     */
    private readonly announce: (event: MessageEvent, record: MessageRecord) => number,
  ) {}

  get(id: string): MessageRecord | undefined {
    return this.records.get(id);
  }

  /** All messages in creation order (deleted ones included, flagged). */
  all(): MessageRecord[] {
    return [...this.records.values()];
  }

  inChannel(channelId: string): MessageRecord[] {
    return this.all().filter((m) => m.channelId === channelId && !m.deleted);
  }

  create(input: CreateMessageInput): MessageRecord {
    const id = input.id ?? snowflake();
    const flags = ((input.body.flags as number | undefined) ?? 0) | (input.loading ? MessageFlags.Loading : 0);
    const ephemeral = (flags & MessageFlags.Ephemeral) !== 0;
    const allowedMentions = input.body.allowed_mentions;
    const pings = input.loading
      ? emptyPings()
      : this.computePings(String(input.body.content ?? ''), allowedMentions, input.author.id, input.reference, ephemeral);
    const message: APIMessage = {
      id,
      type: input.type ?? (input.reference ? MessageType.Reply : MessageType.Default),
      content: input.loading ? '' : String(input.body.content ?? ''),
      channel_id: input.channelId,
      author: { ...input.author },
      attachments: this.attachments(input.files ?? [], []),
      embeds: input.loading ? [] : normaliseEmbeds(input.body.embeds),
      mentions: pings.users.map((userId) => ({ ...this.world.users.get(userId)! })),
      mention_roles: pings.roles,
      pinned: false,
      mention_everyone: pings.everyone,
      tts: input.body.tts === true,
      timestamp: new Date().toISOString(),
      edited_timestamp: null,
      flags,
      components: input.loading ? [] : structuredClone((input.body.components as APIMessage['components']) ?? []),
    };
    if (input.interaction) {
      message.application_id = this.world.applicationId;
      message.webhook_id = this.world.applicationId;
      message.interaction_metadata = {
        id: input.interaction.id,
        type: input.interaction.type,
        user: { ...input.interaction.user },
        authorizing_integration_owners: { '0': input.guildId ?? '0' },
      } as APIMessage['interaction_metadata'];
    }
    if (input.reference) {
      message.message_reference = {
        type: 0,
        message_id: input.reference.id,
        channel_id: input.reference.channelId,
        ...(input.reference.guildId ? { guild_id: input.reference.guildId } : {}),
      };
      message.referenced_message = structuredClone(input.reference.message);
    }
    const record: MessageRecord = {
      id,
      channelId: input.channelId,
      guildId: input.guildId,
      authorId: input.author.id,
      source: input.source,
      interactionId: input.interaction?.id ?? null,
      message,
      allowedMentions,
      pings,
      ephemeral,
      deleted: false,
      history: [{ at: Date.now(), body: structuredClone(input.body), message: structuredClone(message) }],
      deliveredTo: 0,
    };
    this.records.set(id, record);
    const channel = textChannel(this.world, input.channelId);
    if (channel && !ephemeral) channel.lastMessageId = id;
    record.deliveredTo = this.announce('MESSAGE_CREATE', record);
    this.notify();
    return record;
  }

  /** Applies an edit body (fields present replace the old ones) and returns the updated record. */
  edit(id: string, body: Record<string, unknown>, files: UploadedFile[] = []): MessageRecord {
    const record = this.records.get(id);
    if (!record) throw new Error(`edit of unknown message ${id}`);
    const previous = record.message;
    const wasLoading = ((previous.flags ?? 0) & MessageFlags.Loading) !== 0;
    const next: APIMessage = { ...previous };
    if ('content' in body) next.content = String(body.content ?? '');
    if ('embeds' in body) next.embeds = normaliseEmbeds(body.embeds);
    if ('components' in body) next.components = structuredClone((body.components as APIMessage['components']) ?? []);
    if ('attachments' in body || files.length > 0) {
      next.attachments = this.attachments(files, keptAttachments(previous.attachments, body.attachments));
    }
    let flags = (previous.flags ?? 0) & ~MessageFlags.Loading;
    if (typeof body.flags === 'number') {
      // Only SUPPRESS_EMBEDS and IS_COMPONENTS_V2 can change; EPHEMERAL stays what it was.
      const changeable = MessageFlags.SuppressEmbeds | MessageFlags.IsComponentsV2;
      flags = (flags & ~changeable) | (body.flags & changeable);
    }
    next.flags = flags;
    next.edited_timestamp = wasLoading ? null : new Date().toISOString();
    if ('allowed_mentions' in body) record.allowedMentions = body.allowed_mentions;
    if (wasLoading) {
      // The first edit of a deferred response is when its content is posted, so it is when pings happen.
      const reference = previous.message_reference?.message_id
        ? this.records.get(previous.message_reference.message_id)
        : undefined;
      record.pings = this.computePings(next.content, record.allowedMentions, record.authorId, reference, record.ephemeral);
      next.mentions = record.pings.users.map((userId) => ({ ...this.world.users.get(userId)! }));
      next.mention_roles = record.pings.roles;
      next.mention_everyone = record.pings.everyone;
    }
    record.message = next;
    record.history.push({ at: Date.now(), body: structuredClone(body), message: structuredClone(next) });
    this.announce('MESSAGE_UPDATE', record);
    this.notify();
    return record;
  }

  delete(id: string): void {
    const record = this.records.get(id);
    if (!record) return;
    record.deleted = true;
    this.announce('MESSAGE_DELETE', record);
    this.notify();
  }

  /**
   * Wakes waiters on the next turn of the event loop, after the HTTP response that caused the change
   * has been written, so a test that awaited a message also finds its request answered in the log.
   */
  private notify(): void {
    setImmediate(() => this.changes.emit('change'));
  }

  private attachments(files: UploadedFile[], kept: APIAttachment[]): APIAttachment[] {
    const added = files.map((file) => {
      const id = snowflake();
      const url = `${this.httpUrl()}/attachments/${id}/${encodeURIComponent(file.name)}`;
      return {
        id,
        filename: file.name,
        size: file.size,
        url,
        proxy_url: url,
        content_type: file.contentType,
      } as APIAttachment;
    });
    return [...kept, ...added];
  }

  /**
   * Mentions in content ping only what allowed_mentions permits; without allowed_mentions everything
   * parsed pings, and a reply pings the replied-to author. @everyone also needs MENTION_EVERYONE.
   */
  private computePings(
    content: string,
    allowed: unknown,
    authorId: string,
    reference: MessageRecord | undefined,
    ephemeral: boolean,
  ): Pings {
    const userIds = [...content.matchAll(/<@!?(\d{17,20})>/g)].map((m) => m[1]!);
    const roleIds = [...content.matchAll(/<@&(\d{17,20})>/g)].map((m) => m[1]!);
    const everyoneInContent = /@(everyone|here)/.test(content);
    const am = isObject(allowed) ? allowed : undefined;
    const parse = am ? (Array.isArray(am.parse) ? (am.parse as string[]) : []) : ['users', 'roles', 'everyone'];
    const allowUsers = am && Array.isArray(am.users) ? (am.users as string[]) : [];
    const allowRoles = am && Array.isArray(am.roles) ? (am.roles as string[]) : [];
    const users = unique(userIds.filter((id) => this.world.users.has(id) && (parse.includes('users') || allowUsers.includes(id))));
    const roles = unique(
      roleIds.filter(
        (id) => this.world.guild.roles.some((r) => r.id === id) && (parse.includes('roles') || allowRoles.includes(id)),
      ),
    );
    const canMentionEveryone =
      this.world.guild.members.has(authorId) && (memberPermissions(this.world, authorId) & PermissionFlagsBits.MentionEveryone) !== 0n;
    const everyone = everyoneInContent && parse.includes('everyone') && canMentionEveryone;
    let repliedUser: string | null = null;
    if (reference && reference.authorId !== authorId) {
      const pingReply = am ? am.replied_user === true : true;
      if (pingReply) repliedUser = reference.authorId;
    }
    if (repliedUser && !users.includes(repliedUser)) users.push(repliedUser);
    // Ephemeral messages are only shown to one user and notify no one.
    if (ephemeral) return emptyPings();
    return { users, roles, everyone, repliedUser };
  }
}

function emptyPings(): Pings {
  return { users: [], roles: [], everyone: false, repliedUser: null };
}

function unique<T>(items: T[]): T[] {
  return [...new Set(items)];
}

/** Discord returns embeds with `type: "rich"` and without null fields. */
function normaliseEmbeds(value: unknown): APIEmbed[] {
  if (!Array.isArray(value)) return [];
  return value.map((embed) => {
    const copy = structuredClone(embed) as Record<string, unknown>;
    for (const [key, v] of Object.entries(copy)) if (v === null || v === undefined) delete copy[key];
    return { type: 'rich', ...copy } as APIEmbed;
  });
}

function keptAttachments(existing: APIAttachment[], requested: unknown): APIAttachment[] {
  if (!Array.isArray(requested)) return existing;
  const ids = new Set(requested.filter(isObject).map((a) => String(a.id)));
  return existing.filter((a) => ids.has(a.id));
}
