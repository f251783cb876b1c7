import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  GatewayCloseCodes,
  GatewayIntentBits,
  InteractionType,
  type APIMessage,
  type APIUser,
} from 'discord.js';
import { InteractionRegistry, type ServerContext } from './context.ts';
import { Gateway, TRACE, type ConnectionRecord, type IdentifyRecord, type ResumeRecord, type Session } from './gateway/gateway.ts';
import { applicationFlags } from './gateway/intents.ts';
import { messageDeleteFor, messageEventFor } from './gateway/message-events.ts';
import type { DiscordErrorBody } from './lib/errors.ts';
import { CommandStore } from './model/commands.ts';
import { InteractionHandle } from './model/interactions.ts';
import { MessageStore, type MessageRecord } from './model/messages.ts';
import { guildCreateJson } from './model/serialize.ts';
import { addUser, createWorld, findUser, type World } from './model/world.ts';
import { InteractionPayloads, type Invoker, type Payload } from './driver/interaction-payloads.ts';
import type { OptionValues } from './driver/command-options.ts';
import { sendUserMessage, type UserMessage, type UserMessageOptions } from './driver/user-messages.ts';
import { channelRoutes } from './rest/routes-channels.ts';
import { commandRoutes } from './rest/routes-commands.ts';
import { interactionRoutes, recordCallbackAttempt } from './rest/routes-interactions.ts';
import { metaRoutes } from './rest/routes-meta.ts';
import { RestRouter, type RecordedRequest } from './rest/router.ts';

// A Discord-compatible REST + gateway server on 127.0.0.1 for end-to-end tests with the real
// discord.js client, plus the driver a test uses to play Discord's users and inspect what the bot did.

export interface DiscordServerOptions {
  /** Bot token the server accepts (REST `Authorization: Bot …` and gateway IDENTIFY). */
  token?: string;
  applicationId?: string;
  botUsername?: string;
  guildName?: string;
  /** HELLO's heartbeat_interval; Discord uses ~41 s, tests may want something short. */
  heartbeatIntervalMs?: number;
  /** Deadline for the initial interaction response; Discord's is 3 s. */
  interactionDeadlineMs?: number;
  /** Lifetime of an interaction token for edits and follow-ups; Discord's is 15 minutes. */
  interactionTokenLifetimeMs?: number;
  /** Privileged intents enabled "in the Developer Portal" (bits); requesting others closes with 4014. */
  enabledPrivilegedIntents?: number;
  /** Refuse to build interactions for commands that were never registered (default true). */
  requireRegisteredCommands?: boolean;
  /**
   * The shard count GET /gateway/bot recommends (default 1). With more than one, the guild is put
   * on the last shard, so that guild interactions and DMs (always shard 0) reach different shards.
   */
  shards?: number;
}

const DEFAULTS = {
  heartbeatIntervalMs: 41_250,
  interactionDeadlineMs: 3_000,
  interactionTokenLifetimeMs: 15 * 60 * 1000,
};

function defaultToken(applicationId: string): string {
  // Shaped like a real bot token: base64(application id).timestamp.hmac.
  return `${Buffer.from(applicationId).toString('base64url')}.GfakeT.${'x'.repeat(38)}`;
}

/** Shard that receives a guild's events: (guild_id >> 22) % shard_count. */
function ownsGuild(session: Session, guildId: string | null): boolean {
  const [id, count] = session.shard;
  if (guildId === null) return id === 0;
  return Number((BigInt(guildId) >> 22n) % BigInt(count)) === id;
}

export class DiscordServer {
  readonly world: World;
  readonly token: string;
  readonly rest: RestRouter;
  readonly gateway: Gateway;
  readonly commands: CommandStore;
  readonly messages: MessageStore;
  /** Payload builders (the same checks as the drivers, without dispatching). */
  readonly build: InteractionPayloads;
  readonly options: Required<Pick<DiscordServerOptions, keyof typeof DEFAULTS>>;
  private readonly ctx: ServerContext;
  private readonly interactionRegistry = new InteractionRegistry();
  private httpServer!: Server;
  private port = 0;

  constructor(options: DiscordServerOptions = {}) {
    this.options = {
      heartbeatIntervalMs: options.heartbeatIntervalMs ?? DEFAULTS.heartbeatIntervalMs,
      interactionDeadlineMs: options.interactionDeadlineMs ?? DEFAULTS.interactionDeadlineMs,
      interactionTokenLifetimeMs: options.interactionTokenLifetimeMs ?? DEFAULTS.interactionTokenLifetimeMs,
    };
    this.world = createWorld({
      ...(options.applicationId ? { applicationId: options.applicationId } : {}),
      ...(options.botUsername ? { botUsername: options.botUsername } : {}),
      ...(options.guildName ? { guildName: options.guildName } : {}),
      ...((options.shards ?? 1) > 1 ? { guildShard: [options.shards! - 1, options.shards!] as [number, number] } : {}),
    });
    this.token = options.token ?? defaultToken(this.world.applicationId);
    const enabledPrivilegedIntents = options.enabledPrivilegedIntents ?? 0;
    this.commands = new CommandStore(this.world.applicationId);
    this.messages = new MessageStore(
      this.world,
      () => this.httpUrl,
      (event, record) =>
        this.gateway.dispatch(event, (session: Session) => {
          if (!ownsGuild(session, record.guildId)) return undefined;
          return event === 'MESSAGE_DELETE' ? messageDeleteFor(record, session) : messageEventFor(this.world, record, session);
        }),
    );
    this.gateway = new Gateway({
      token: this.token,
      heartbeatIntervalMs: this.options.heartbeatIntervalMs,
      enabledPrivilegedIntents,
      buildReady: (session) => this.buildReady(session, enabledPrivilegedIntents),
    });
    const server = this;
    this.ctx = {
      world: this.world,
      get gatewayUrl() {
        return server.gatewayUrl;
      },
      enabledPrivilegedIntents,
      recommendedShards: options.shards ?? 1,
      commands: this.commands,
      messages: this.messages,
      gateway: this.gateway,
      interactions: this.interactionRegistry,
    };
    this.rest = new RestRouter(
      [...metaRoutes(this.ctx), ...commandRoutes(this.ctx), ...interactionRoutes(this.ctx), ...channelRoutes(this.ctx)],
      this.token,
      (record) => recordCallbackAttempt(this.ctx, record),
    );
    this.build = new InteractionPayloads(this.ctx, options.requireRegisteredCommands ?? true, () => this.tester);
  }

  async listen(): Promise<this> {
    this.httpServer = createServer((request, response) => {
      void this.rest.handle(request, response);
    });
    this.httpServer.on('upgrade', (request, socket, head) => this.gateway.handleUpgrade(request, socket, head));
    await new Promise<void>((resolve, reject) => {
      this.httpServer.once('error', reject);
      this.httpServer.listen(0, '127.0.0.1', () => resolve());
    });
    this.port = (this.httpServer.address() as AddressInfo).port;
    return this;
  }

  // ── Addresses and identities ─────────────────────────────────────────────────────────────────

  get httpUrl(): string {
    return `http://127.0.0.1:${this.port}`;
  }
  /** REST base for discord.js: `new Client({ rest: { api: server.apiUrl } })`; it appends /v10. */
  get apiUrl(): string {
    return `${this.httpUrl}/api`;
  }
  /** What GET /gateway/bot returns. */
  get gatewayUrl(): string {
    return `ws://127.0.0.1:${this.port}`;
  }
  get applicationId(): string {
    return this.world.applicationId;
  }
  get bot(): APIUser {
    return this.world.bot;
  }
  get guild(): World['guild'] {
    return this.world.guild;
  }
  /** The default invoking user, a plain member of the guild. */
  get tester(): APIUser {
    return findUser(this.world, 'tester');
  }
  /** Owner of the guild (has every permission). */
  get owner(): APIUser {
    return this.world.users.get(this.world.guild.ownerId)!;
  }
  /** Channel id of #general (or another channel by name). */
  channelId(name = 'general'): string {
    return this.build.channelIdOf(name);
  }
  addUser(username: string, opts: { admin?: boolean; member?: boolean } = {}): APIUser {
    return addUser(this.world, username, opts);
  }
  /** `<@id>`: how a user (or the bot) is mentioned in message content. */
  mention(user: APIUser | { id: string }): string {
    return `<@${user.id}>`;
  }

  // ── REST observation and faults ──────────────────────────────────────────────────────────────

  get requests(): RecordedRequest[] {
    return this.rest.requests;
  }
  /** Requests matching `METHOD /path/:param` (paths after /api/v10). */
  requestsTo(routePattern: string | RegExp): RecordedRequest[] {
    return this.rest.find(routePattern);
  }
  failNext(routePattern: string | RegExp, status: number, times = 1, body?: DiscordErrorBody): void {
    this.rest.faults.failNext(routePattern, status, times, body);
  }
  rateLimitNext(routePattern: string | RegExp, opts: { retryAfterMs?: number; global?: boolean; times?: number } = {}): void {
    this.rest.faults.rateLimitNext(routePattern, opts);
  }

  // ── Gateway driver ───────────────────────────────────────────────────────────────────────────

  get identifies(): IdentifyRecord[] {
    return this.gateway.identifies;
  }
  get resumes(): ResumeRecord[] {
    return this.gateway.resumes;
  }
  get connections(): ConnectionRecord[] {
    return this.gateway.connections;
  }
  /** Closes the bot's gateway sockets with `code` (4000 = unknown error: clients resume). */
  closeGateway(code: number = GatewayCloseCodes.UnknownError, reason?: string): Promise<void> {
    return this.gateway.closeConnections(code, reason);
  }
  /** Sends a raw dispatch to every live session; returns how many sessions it was queued for. */
  dispatch(event: string, data: unknown): number {
    return this.gateway.dispatch(event, data);
  }
  requestReconnect(): void {
    this.gateway.requestReconnect();
  }
  invalidateSession(resumable = false): void {
    this.gateway.invalidateSessions(resumable);
  }
  waitForIdentify(n = 1, timeoutMs?: number): Promise<IdentifyRecord> {
    return this.gateway.waitForIdentify(n, timeoutMs);
  }
  waitForResume(n = 1, timeoutMs?: number): Promise<ResumeRecord> {
    return this.gateway.waitForResume(n, timeoutMs);
  }

  // ── Interactions ─────────────────────────────────────────────────────────────────────────────

  interactions(): InteractionHandle[] {
    return this.interactionRegistry.all();
  }

  /** Dispatches INTERACTION_CREATE now and returns its handle without waiting. */
  sendInteraction(payload: Payload): InteractionHandle {
    const guildId = (payload.guild_id as string | undefined) ?? null;
    const sessions = this.gateway.liveSessions().filter((s) => ownsGuild(s, guildId));
    if (sessions.length === 0) throw new Error('No bot session on the gateway to deliver the interaction to');
    const handle = new InteractionHandle(
      payload,
      labelOf(payload),
      this.messages,
      this.options.interactionDeadlineMs,
      this.options.interactionTokenLifetimeMs,
    );
    this.interactionRegistry.add(handle);
    this.gateway.dispatch('INTERACTION_CREATE', (session: Session) => (sessions.includes(session) ? payload : undefined));
    return handle;
  }

  /** Dispatches and resolves once the bot acknowledged it or the deadline passed (`handle.timedOut`). */
  interact(payload: Payload): Promise<InteractionHandle> {
    return this.sendInteraction(payload).settled;
  }

  slashCommand(name: string, options: OptionValues = {}, invoker: Invoker = {}): Promise<InteractionHandle> {
    return this.interact(this.build.slashCommand(name, options, invoker));
  }
  autocomplete(name: string, options: OptionValues, invoker: Invoker & { focused?: string } = {}): Promise<InteractionHandle> {
    return this.interact(this.build.autocomplete(name, options, invoker));
  }
  buttonPress(customId: string, message: MessageRecord | APIMessage | string, invoker: Invoker = {}): Promise<InteractionHandle> {
    return this.interact(this.build.buttonPress(customId, message, invoker));
  }
  selectMenu(customId: string, values: string[], message: MessageRecord | APIMessage | string, invoker: Invoker = {}): Promise<InteractionHandle> {
    return this.interact(this.build.selectMenu(customId, values, message, invoker));
  }
  messageContextMenu(name: string, target: MessageRecord | APIMessage | string, invoker: Invoker = {}): Promise<InteractionHandle> {
    return this.interact(this.build.messageContextMenu(name, target, invoker));
  }
  userContextMenu(name: string, target: APIUser | string, invoker: Invoker = {}): Promise<InteractionHandle> {
    return this.interact(this.build.userContextMenu(name, target, invoker));
  }
  modalSubmit(customId: string, fields: Record<string, string>, invoker: Invoker = {}): Promise<InteractionHandle> {
    return this.interact(this.build.modalSubmit(customId, fields, invoker));
  }

  /** A user posts `content` (MESSAGE_CREATE to bots with the right intents). */
  messageCreate(content: string, opts: UserMessageOptions = {}): UserMessage {
    const author = this.build.userOf(opts.author);
    const referenced = opts.replyTo ? this.build.messageRecord(opts.replyTo) : undefined;
    const channelId = referenced?.channelId ?? this.build.channelIdOf(opts.channel);
    return sendUserMessage(this.ctx, content, author, channelId, opts, referenced);
  }

  // ── Lifecycle ────────────────────────────────────────────────────────────────────────────────

  /** Closes gateway sockets, pending interaction timers and the HTTP server. Destroy clients first. */
  async close(): Promise<void> {
    this.interactionRegistry.dispose();
    await this.gateway.shutdown();
    await new Promise<void>((resolve) => {
      this.httpServer.close(() => resolve());
      this.httpServer.closeAllConnections();
    });
  }

  private buildReady(session: Session, enabledPrivilegedIntents: number) {
    const { world } = this;
    const hasGuild = ownsGuild(session, world.guild.id);
    const ready = {
      v: 10,
      user_settings: {},
      user: { ...world.bot, verified: true, mfa_enabled: false, email: null, flags: 0 },
      guilds: hasGuild ? [{ id: world.guild.id, unavailable: true }] : [],
      relationships: [],
      private_channels: [],
      presences: [],
      guild_join_requests: [],
      geo_ordered_rtc_regions: ['rotterdam', 'madrid', 'milan', 'frankfurt', 'stockholm'],
      session_type: 'normal',
      resume_gateway_url: `${this.gatewayUrl}/resume`,
      shard: session.shard,
      application: { id: world.applicationId, flags: applicationFlags(enabledPrivilegedIntents) },
      auth: {},
      _trace: TRACE,
    };
    // Without the GUILDS intent there is no GUILD_CREATE; discord.js then stops waiting for guilds at once.
    const after =
      hasGuild && (session.intents & GatewayIntentBits.Guilds) !== 0
        ? [{ t: 'GUILD_CREATE', d: guildCreateJson(world, (session.intents & GatewayIntentBits.GuildMembers) !== 0) }]
        : [];
    return { ready, after };
  }
}

function labelOf(payload: Payload): string {
  const data = (payload.data ?? {}) as Record<string, any>;
  const isSub = (o: any) => o.type === ApplicationCommandOptionType.Subcommand || o.type === ApplicationCommandOptionType.SubcommandGroup;
  const path = (options: any[] | undefined): string[] => {
    const sub = options?.find(isSub);
    return sub ? [sub.name, ...path(sub.options)] : [];
  };
  const slash = `/${[data.name, ...path(data.options)].join(' ')}`;
  switch (payload.type) {
    case InteractionType.ApplicationCommand:
      return (data.type ?? ApplicationCommandType.ChatInput) === ApplicationCommandType.ChatInput ? slash : `"${data.name}"`;
    case InteractionType.ApplicationCommandAutocomplete:
      return `autocomplete ${slash}`;
    case InteractionType.MessageComponent:
      return `component ${data.custom_id}`;
    case InteractionType.ModalSubmit:
      return `modal ${data.custom_id}`;
    default:
      return `interaction type ${String(payload.type)}`;
  }
}

/** Starts a server on an ephemeral port of 127.0.0.1. */
export async function startDiscordServer(options: DiscordServerOptions = {}): Promise<DiscordServer> {
  return new DiscordServer(options).listen();
}
