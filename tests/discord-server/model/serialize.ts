import { ChannelType, type APIUser } from 'discord.js';
import { memberPermissions, textChannel, type Guild, type TextChannel, type World } from './world.ts';

// JSON shapes of guild objects as Discord sends them (GUILD_CREATE, REST, interaction payloads).

/** A guild member object; `withUser` adds `user` (gateway/REST), interactions add `permissions`. */
export function memberJson(world: World, userId: string, opts: { withUser?: boolean; permissions?: boolean } = {}) {
  const member = world.guild.members.get(userId);
  if (!member) throw new Error(`User ${userId} is not a member of the fake guild`);
  const json: Record<string, unknown> = {
    avatar: null,
    banner: null,
    communication_disabled_until: null,
    flags: 0,
    joined_at: member.joinedAt,
    nick: member.nick,
    pending: false,
    premium_since: null,
    roles: [...member.roles],
    unusual_dm_activity_until: null,
    deaf: false,
    mute: false,
  };
  if (opts.withUser) json.user = userJson(world, userId);
  if (opts.permissions) json.permissions = memberPermissions(world, userId).toString();
  return json;
}

export function userJson(world: World, userId: string): APIUser {
  const user = world.users.get(userId);
  if (!user) throw new Error(`Unknown user ${userId} in the fake Discord`);
  return { ...user };
}

export function textChannelJson(guild: Guild, channel: TextChannel, extra: Record<string, unknown> = {}) {
  return {
    id: channel.id,
    type: ChannelType.GuildText,
    guild_id: guild.id,
    name: channel.name,
    position: channel.position,
    parent_id: null,
    topic: channel.topic,
    nsfw: false,
    last_message_id: channel.lastMessageId,
    rate_limit_per_user: 0,
    permission_overwrites: [],
    flags: 0,
    ...extra,
  };
}

export function dmChannelJson(channelId: string, recipient: APIUser) {
  return {
    id: channelId,
    type: ChannelType.DM,
    last_message_id: null,
    flags: 0,
    recipients: [{ ...recipient }],
  };
}

/** Any channel the fake knows, as GET /channels/:id returns it. */
export function channelJson(world: World, channelId: string): Record<string, unknown> | undefined {
  const channel = textChannel(world, channelId);
  if (channel) return textChannelJson(world.guild, channel);
  for (const [userId, id] of world.dmChannels) {
    const user = world.users.get(userId);
    if (id === channelId && user) return dmChannelJson(id, user);
  }
  return undefined;
}

/** The guild object REST returns (GET /guilds/:id) and GUILD_CREATE builds on. */
export function guildJson(world: World) {
  const { guild } = world;
  return {
    id: guild.id,
    name: guild.name,
    icon: null,
    splash: null,
    discovery_splash: null,
    banner: null,
    description: null,
    owner_id: guild.ownerId,
    region: 'deprecated',
    afk_channel_id: null,
    afk_timeout: 300,
    widget_enabled: false,
    verification_level: 0,
    default_message_notifications: 1,
    explicit_content_filter: 0,
    roles: guild.roles.map((r) => ({ ...r })),
    emojis: [],
    stickers: [],
    features: [],
    mfa_level: 0,
    application_id: null,
    system_channel_id: guild.channels[0]?.id ?? null,
    system_channel_flags: 0,
    rules_channel_id: null,
    public_updates_channel_id: null,
    safety_alerts_channel_id: null,
    vanity_url_code: null,
    premium_tier: 0,
    premium_subscription_count: 0,
    premium_progress_bar_enabled: false,
    preferred_locale: guild.locale,
    nsfw_level: 0,
    max_members: 500000,
    max_video_channel_users: 25,
    incidents_data: null,
  };
}

/**
 * GUILD_CREATE as sent after READY to a bot with the GUILDS intent. Without the privileged
 * GUILD_MEMBERS intent Discord still includes the bot's own member (and voice-state members).
 */
export function guildCreateJson(world: World, privilegedMembers: boolean) {
  const { guild } = world;
  const memberIds = privilegedMembers ? [...guild.members.keys()] : [world.bot.id];
  return {
    ...guildJson(world),
    joined_at: guild.members.get(world.bot.id)?.joinedAt ?? new Date().toISOString(),
    large: false,
    unavailable: false,
    member_count: guild.members.size,
    voice_states: [],
    members: memberIds.map((id) => memberJson(world, id, { withUser: true })),
    channels: guild.channels.map((c) => {
      const json: Record<string, unknown> = textChannelJson(guild, c);
      delete json.guild_id; // channels inside GUILD_CREATE carry no guild_id
      return json;
    }),
    threads: [],
    presences: [],
    stage_instances: [],
    guild_scheduled_events: [],
    soundboard_sounds: [],
    lazy: true,
  };
}

export function applicationJson(world: World, flags: number) {
  return {
    id: world.applicationId,
    name: world.applicationName,
    icon: null,
    description: '',
    summary: '',
    type: null,
    bot: { ...world.bot },
    bot_public: true,
    bot_require_code_grant: false,
    verify_key: 'a'.repeat(64),
    flags,
    owner: userJson(world, world.guild.ownerId),
    team: null,
    guild_id: null,
    approximate_guild_count: 1,
    install_params: { scopes: ['bot', 'applications.commands'], permissions: '0' },
    integration_types_config: { '0': {} },
    tags: [],
    redirect_uris: [],
    interactions_endpoint_url: null,
    role_connections_verification_url: null,
  };
}
