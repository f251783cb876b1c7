import { PermissionFlagsBits, type APIRole, type APIUser } from 'discord.js';
import { snowflake } from '../lib/snowflake.ts';
import {
  ALL_PERMISSIONS,
  DEFAULT_BOT_ROLE_PERMISSIONS,
  DEFAULT_EVERYONE_PERMISSIONS,
} from './permissions.ts';

// The little Discord the server pretends to be: one bot application, one guild with a couple of text
// channels and roles, and a few human users who are members of it. Everything is snowflake-shaped and
// built once per server so that ids are stable for the lifetime of a test.

export interface Member {
  userId: string;
  roles: string[];
  joinedAt: string;
  nick: string | null;
}

export interface TextChannel {
  id: string;
  name: string;
  position: number;
  topic: string | null;
  lastMessageId: string | null;
}

export interface Guild {
  id: string;
  name: string;
  ownerId: string;
  locale: string;
  roles: APIRole[];
  channels: TextChannel[];
  members: Map<string, Member>;
}

export interface World {
  applicationId: string;
  applicationName: string;
  bot: APIUser;
  guild: Guild;
  users: Map<string, APIUser>;
  /** Direct-message channel id per user id, created on first use. */
  dmChannels: Map<string, string>;
}

export interface WorldOptions {
  applicationId?: string;
  botUsername?: string;
  guildName?: string;
  /** Put the guild on this shard of `[shard, count]` (Discord routes a guild's events to (id >> 22) % count). */
  guildShard?: [number, number];
}

/** A fresh snowflake whose shard, out of `count`, is `shard`: its millisecond picks it. */
function snowflakeOnShard(shard: number, count: number): string {
  for (let ms = Date.now(); ; ms++) {
    const id = snowflake(ms);
    if (Number((BigInt(id) >> 22n) % BigInt(count)) === shard) return id;
  }
}

export function createUser(username: string, opts: { id?: string; bot?: boolean; globalName?: string } = {}): APIUser {
  const user: APIUser = {
    id: opts.id ?? snowflake(),
    username,
    discriminator: opts.bot ? '0001' : '0',
    global_name: opts.bot ? null : (opts.globalName ?? username),
    avatar: null,
    public_flags: 0 as NonNullable<APIUser['public_flags']>,
    flags: 0 as NonNullable<APIUser['flags']>,
  };
  if (opts.bot) user.bot = true;
  return user;
}

function role(id: string, name: string, permissions: bigint, position: number, extra: Partial<APIRole> = {}): APIRole {
  return {
    id,
    name,
    color: 0,
    colors: { primary_color: 0, secondary_color: null, tertiary_color: null },
    hoist: false,
    icon: null,
    unicode_emoji: null,
    position,
    permissions: permissions.toString(),
    managed: false,
    mentionable: false,
    flags: 0 as APIRole['flags'],
    ...extra,
  };
}

export function createWorld(opts: WorldOptions = {}): World {
  const applicationId = opts.applicationId ?? snowflake();
  // A bot user's id is its application's id.
  const bot = createUser(opts.botUsername ?? 'Test Bot', { id: applicationId, bot: true });
  const owner = createUser('guild-owner');
  const tester = createUser('tester');
  const guildId = opts.guildShard ? snowflakeOnShard(...opts.guildShard) : snowflake();
  const adminRoleId = snowflake();
  const botRoleId = snowflake();
  const joinedAt = new Date().toISOString();
  const guild: Guild = {
    id: guildId,
    name: opts.guildName ?? 'Test Guild',
    ownerId: owner.id,
    locale: 'en-US',
    roles: [
      // @everyone's role id is the guild id.
      role(guildId, '@everyone', DEFAULT_EVERYONE_PERMISSIONS, 0),
      role(adminRoleId, 'Admin', ALL_PERMISSIONS, 2),
      role(botRoleId, bot.username, DEFAULT_BOT_ROLE_PERMISSIONS, 1, {
        managed: true,
        tags: { bot_id: bot.id },
      }),
    ],
    channels: [
      { id: snowflake(), name: 'general', position: 0, topic: null, lastMessageId: null },
      { id: snowflake(), name: 'patrols', position: 1, topic: 'Joint patrol talk', lastMessageId: null },
    ],
    members: new Map(),
  };
  const world: World = {
    applicationId,
    applicationName: bot.username,
    bot,
    guild,
    users: new Map(),
    dmChannels: new Map(),
  };
  for (const user of [bot, owner, tester]) world.users.set(user.id, user);
  guild.members.set(owner.id, { userId: owner.id, roles: [adminRoleId], joinedAt, nick: null });
  guild.members.set(tester.id, { userId: tester.id, roles: [], joinedAt, nick: null });
  guild.members.set(bot.id, { userId: bot.id, roles: [botRoleId], joinedAt, nick: null });
  return world;
}

/** Adds a human user; by default also a guild member (with the Admin role when `admin`). */
export function addUser(world: World, username: string, opts: { admin?: boolean; member?: boolean } = {}): APIUser {
  const user = createUser(username);
  world.users.set(user.id, user);
  if (opts.member !== false) {
    const adminRole = world.guild.roles.find((r) => r.name === 'Admin');
    world.guild.members.set(user.id, {
      userId: user.id,
      roles: opts.admin && adminRole ? [adminRole.id] : [],
      joinedAt: new Date().toISOString(),
      nick: null,
    });
  }
  return user;
}

export function findUser(world: World, username: string): APIUser {
  for (const user of world.users.values()) if (user.username === username) return user;
  throw new Error(`No user named ${username} in the fake Discord`);
}

/** Guild-level permissions of a member: owner and Administrator get everything. */
export function memberPermissions(world: World, userId: string): bigint {
  const { guild } = world;
  if (userId === guild.ownerId) return ALL_PERMISSIONS;
  const member = guild.members.get(userId);
  if (!member) return 0n;
  let bits = 0n;
  for (const r of guild.roles) {
    if (r.id === guild.id || member.roles.includes(r.id)) bits |= BigInt(r.permissions);
  }
  return bits & PermissionFlagsBits.Administrator ? ALL_PERMISSIONS : bits;
}

export function textChannel(world: World, channelId: string): TextChannel | undefined {
  return world.guild.channels.find((c) => c.id === channelId);
}

export function isDmChannel(world: World, channelId: string): boolean {
  return [...world.dmChannels.values()].includes(channelId);
}

export function dmChannelId(world: World, userId: string): string {
  let id = world.dmChannels.get(userId);
  if (!id) {
    id = snowflake();
    world.dmChannels.set(userId, id);
  }
  return id;
}
