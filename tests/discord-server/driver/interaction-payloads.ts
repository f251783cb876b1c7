import { randomBytes } from 'node:crypto';
import {
  ApplicationIntegrationType,
  ApplicationCommandOptionType as OptionType,
  ApplicationCommandType as CommandType,
  ComponentType,
  InteractionContextType,
  InteractionType,
  PermissionFlagsBits,
  type APIMessage,
  type APIUser,
} from 'discord.js';
import type { ServerContext } from '../context.ts';
import { snowflake } from '../lib/snowflake.ts';
import type { StoredCommand } from '../model/commands.ts';
import type { MessageRecord } from '../model/messages.ts';
import { dmChannelJson, memberJson, textChannelJson } from '../model/serialize.ts';
import { dmChannelId, findUser, memberPermissions, textChannel, type World } from '../model/world.ts';
import { interactiveComponents } from '../validate/components.ts';
import { OptionBuilder, type BuiltOption, type OptionDefinition, type OptionValues } from './command-options.ts';

// INTERACTION_CREATE payloads shaped like Discord's (https://discord.com/developers/docs/interactions/
// receiving-and-responding#interaction-object): guild interactions carry `member` (with permissions)
// and no top-level `user`; DM ones carry `user`. Commands must be registered (deploy first) and usable
// by the invoking user, buttons must exist and be enabled on the message: the builders refuse what the
// Discord client could not produce, so a test cannot pass on an impossible interaction.

export interface Invoker {
  /** The invoking user (default: the guild member "tester"); a username or a user object. */
  user?: APIUser | string;
  /** Channel id or name (default: #general). Ignored with `dm`. */
  channel?: string;
  /** Invoke in a DM with the bot instead of the guild. */
  dm?: boolean;
  /**
   * As a user who installed the app to their own account (integration type 1), in a DM with the
   * bot: Discord then sends `authorizing_integration_owners: { "1": <user id> }`, and only commands
   * registered for user installs can be invoked. Implies `dm`.
   */
  userInstall?: boolean;
  locale?: string;
  /** Skip the default_member_permissions check (Discord would hide the command). */
  ignorePermissions?: boolean;
}

export type Payload = Record<string, unknown>;

/** Discord's default upload limit for a server without boosts. */
const ATTACHMENT_SIZE_LIMIT = 10 * 1024 * 1024;

/** The `data` of a command interaction: name, type, `fields`, and the registered command's id and guild. */
function commandData(command: StoredCommand | undefined, name: string, type: number, fields: Payload = {}): Payload {
  const data: Payload = { id: command?.id ?? snowflake(), name, type, ...fields };
  if (command?.guild_id) data.guild_id = command.guild_id;
  return data;
}

function interactionToken(id: string): string {
  return `${Buffer.from(`interaction:${id}:`).toString('base64url')}${randomBytes(96).toString('base64url')}`;
}

export class InteractionPayloads {
  constructor(
    private readonly ctx: ServerContext,
    private readonly requireRegisteredCommands: boolean,
    private readonly defaultUser: () => APIUser,
  ) {}

  private get world(): World {
    return this.ctx.world;
  }

  userOf(user: APIUser | string | undefined): APIUser {
    if (user === undefined) return this.defaultUser();
    if (typeof user === 'string') return this.world.users.get(user) ?? findUser(this.world, user);
    const known = this.world.users.get(user.id);
    if (!known) throw new Error(`User ${user.username} (${user.id}) is not part of this test server`);
    return known;
  }

  channelIdOf(channel: string | undefined): string {
    if (channel === undefined) return this.world.guild.channels[0]!.id;
    const found = this.world.guild.channels.find((c) => c.id === channel || c.name === channel.replace(/^#/, ''));
    if (!found) throw new Error(`No channel ${channel} in the test guild`);
    return found.id;
  }

  /** The fields every interaction has, for a guild channel or a DM. */
  envelope(type: number, data: unknown, invoker: Invoker, channelId?: string): Payload {
    const user = this.userOf(invoker.user);
    const id = snowflake();
    const base: Payload = {
      app_permissions: '0',
      application_id: this.world.applicationId,
      attachment_size_limit: ATTACHMENT_SIZE_LIMIT,
      authorizing_integration_owners: {},
      entitlements: [],
      id,
      locale: invoker.locale ?? 'en-US',
      token: interactionToken(id),
      type,
      version: 1,
    };
    if (data !== undefined) base.data = data;
    if (invoker.dm || invoker.userInstall) {
      const dmId = dmChannelId(this.world, user.id);
      const { AttachFiles, EmbedLinks, MentionEveryone, UseExternalEmojis } = PermissionFlagsBits;
      base.app_permissions = (AttachFiles | EmbedLinks | MentionEveryone | UseExternalEmojis).toString();
      base.authorizing_integration_owners = invoker.userInstall ? { [ApplicationIntegrationType.UserInstall]: user.id } : { '0': '0' };
      base.channel = dmChannelJson(dmId, user);
      base.channel_id = dmId;
      base.context = InteractionContextType.BotDM;
      base.user = { ...user };
      return base;
    }
    if (!this.world.guild.members.has(user.id)) throw new Error(`${user.username} is not a member of the test guild`);
    const cid = channelId ?? this.channelIdOf(invoker.channel);
    const channel = textChannel(this.world, cid);
    if (!channel) throw new Error(`No channel ${cid} in the test guild`);
    const { guild } = this.world;
    base.app_permissions = memberPermissions(this.world, this.world.bot.id).toString();
    base.authorizing_integration_owners = { '0': guild.id };
    base.channel = { ...textChannelJson(guild, channel), permissions: memberPermissions(this.world, user.id).toString() };
    base.channel_id = cid;
    base.context = InteractionContextType.Guild;
    base.guild = { id: guild.id, locale: guild.locale, features: [] };
    base.guild_id = guild.id;
    base.guild_locale = guild.locale;
    base.member = { ...memberJson(this.world, user.id, { permissions: true }), user: { ...user } };
    return base;
  }

  /** Finds the registered command a user could invoke, enforcing visibility rules. */
  private command(name: string, type: number, invoker: Invoker): StoredCommand | undefined {
    const guildId = invoker.dm || invoker.userInstall ? undefined : this.world.guild.id;
    const command = this.ctx.commands.find(name, type, guildId);
    const label = type === CommandType.ChatInput ? `/${name}` : `"${name}"`;
    if (!command) {
      if (this.requireRegisteredCommands) {
        throw new Error(`${label} is not registered${invoker.dm ? ' globally' : ''}; deploy the commands first`);
      }
      return undefined;
    }
    if (invoker.userInstall && !(command.integration_types ?? []).includes(ApplicationIntegrationType.UserInstall)) {
      throw new Error(`${label} is not available to user installs (integration_types ${JSON.stringify(command.integration_types)})`);
    }
    if (invoker.dm || invoker.userInstall) {
      const { contexts, dm_permission: dmPermission } = command;
      if (dmPermission === false || (Array.isArray(contexts) && !contexts.includes(InteractionContextType.BotDM))) {
        throw new Error(`${label} is not available in DMs`);
      }
    } else if (!invoker.ignorePermissions && command.default_member_permissions !== null && command.default_member_permissions !== undefined) {
      const user = this.userOf(invoker.user);
      const has = memberPermissions(this.world, user.id);
      const required = BigInt(command.default_member_permissions);
      const allowed = required === 0n ? (has & PermissionFlagsBits.Administrator) !== 0n : (has & required) === required;
      if (!allowed) {
        throw new Error(`${user.username} cannot see ${label}: it needs permissions ${command.default_member_permissions} by default`);
      }
    }
    return command;
  }

  /** `name` may include a subcommand group and subcommand: "config set". */
  private slashData(path: string, values: OptionValues, invoker: Invoker, focused?: string) {
    const [root, ...subPath] = path.trim().replace(/^\//, '').split(/\s+/);
    if (!root) throw new Error('A command name is required');
    const command = this.command(root, CommandType.ChatInput, invoker);
    const builder = new OptionBuilder(this.world, path);
    let definitions = command ? ((command.options ?? []) as OptionDefinition[]) : undefined;
    const wrappers: { name: string; type: number }[] = [];
    for (const [i, sub] of subPath.entries()) {
      const def = definitions?.find((d) => d.name === sub);
      if (definitions && (!def || (def.type !== OptionType.Subcommand && def.type !== OptionType.SubcommandGroup))) {
        throw new Error(`/${root} has no subcommand "${sub}"`);
      }
      wrappers.push({ name: sub, type: (def?.type as number | undefined) ?? (i === subPath.length - 1 ? OptionType.Subcommand : OptionType.SubcommandGroup) });
      definitions = def ? ((def.options ?? []) as OptionDefinition[]) : undefined;
    }
    if (definitions?.some((d) => d.type === OptionType.Subcommand || d.type === OptionType.SubcommandGroup)) {
      throw new Error(`/${path} needs a subcommand: ${definitions.map((d) => d.name).join(', ')}`);
    }
    let options: BuiltOption[] = builder.build(values, definitions, focused);
    for (const wrapper of wrappers.reverse()) options = [{ name: wrapper.name, type: wrapper.type, options }];
    return commandData(command, root, CommandType.ChatInput, {
      ...(options.length > 0 ? { options } : {}),
      ...(Object.keys(builder.resolved).length > 0 ? { resolved: builder.resolved } : {}),
    });
  }

  slashCommand(name: string, values: OptionValues = {}, invoker: Invoker = {}): Payload {
    return this.envelope(InteractionType.ApplicationCommand, this.slashData(name, values, invoker), invoker);
  }

  /** The option named `focused` (default: the only/last one given) holds the text typed so far. */
  autocomplete(name: string, values: OptionValues, invoker: Invoker & { focused?: string } = {}): Payload {
    const names = Object.keys(values);
    const focused = invoker.focused ?? names[names.length - 1];
    if (!focused || !(focused in values)) throw new Error('autocomplete needs the focused option among the values');
    return this.envelope(InteractionType.ApplicationCommandAutocomplete, this.slashData(name, values, invoker, focused), invoker);
  }

  messageContextMenu(name: string, target: MessageRecord | APIMessage | string, invoker: Invoker = {}): Payload {
    const record = this.messageRecord(target);
    const command = this.command(name, CommandType.Message, invoker);
    const data = commandData(command, name, CommandType.Message, {
      target_id: record.id,
      // Message content is always included for the target of a message command, whatever the intents.
      resolved: { messages: { [record.id]: structuredClone(record.message) } },
    });
    return this.envelope(InteractionType.ApplicationCommand, data, invoker, record.guildId ? record.channelId : undefined);
  }

  userContextMenu(name: string, target: APIUser | string, invoker: Invoker = {}): Payload {
    const command = this.command(name, CommandType.User, invoker);
    const builder = new OptionBuilder(this.world, name);
    const targetUser = this.userOf(target);
    builder.build({ target: targetUser }, [{ name: 'target', type: OptionType.User, description: 'x' } as OptionDefinition]);
    const data = commandData(command, name, CommandType.User, { target_id: targetUser.id, resolved: builder.resolved });
    return this.envelope(InteractionType.ApplicationCommand, data, invoker);
  }

  /** A press of an enabled button with `customId` on a message the bot sent. */
  buttonPress(customId: string, message: MessageRecord | APIMessage | string, invoker: Invoker = {}): Payload {
    return this.component(customId, message, invoker, (c) => {
      if (c.type !== ComponentType.Button) throw new Error(`Component ${customId} is not a button`);
      return { custom_id: customId, component_type: ComponentType.Button };
    });
  }

  /** Choosing `values` in a select menu with `customId` on a message the bot sent. */
  selectMenu(customId: string, values: string[], message: MessageRecord | APIMessage | string, invoker: Invoker = {}): Payload {
    return this.component(customId, message, invoker, (c) => {
      if (c.type === ComponentType.Button) throw new Error(`Component ${customId} is a button, not a select menu`);
      if (c.type === ComponentType.StringSelect) {
        const allowed = ((c.options as { value: string }[] | undefined) ?? []).map((o) => o.value);
        const bad = values.filter((v) => !allowed.includes(v));
        if (bad.length > 0) throw new Error(`Select ${customId} has no option(s) ${bad.join(', ')}`);
      }
      return { custom_id: customId, component_type: c.type, values };
    });
  }

  /** Submitting a modal: `fields` maps text input custom ids to their values. */
  modalSubmit(customId: string, fields: Record<string, string>, invoker: Invoker = {}): Payload {
    const components = Object.entries(fields).map(([id, value]) => ({
      type: ComponentType.ActionRow,
      components: [{ type: ComponentType.TextInput, custom_id: id, value }],
    }));
    return this.envelope(InteractionType.ModalSubmit, { custom_id: customId, components }, invoker);
  }

  messageRecord(target: MessageRecord | APIMessage | string): MessageRecord {
    const id = typeof target === 'string' ? target : target.id;
    const record = this.ctx.messages.get(id);
    if (!record || record.deleted) throw new Error(`Message ${id} does not exist (or was deleted) on the test server`);
    return record;
  }

  private component(
    customId: string,
    message: MessageRecord | APIMessage | string,
    invoker: Invoker,
    data: (component: Record<string, unknown>) => Payload,
  ): Payload {
    const record = this.messageRecord(message);
    const components = interactiveComponents(record.message.components);
    const component = components.find((c) => c.custom_id === customId);
    if (!component) {
      const ids = components.map((c) => c.custom_id).filter(Boolean);
      throw new Error(`Message ${record.id} has no component "${customId}" (has: ${ids.join(', ') || 'none'})`);
    }
    if (component.disabled === true) throw new Error(`Component "${customId}" is disabled`);
    const user = this.userOf(invoker.user);
    const owner = record.message.interaction_metadata?.user.id;
    if (record.ephemeral && owner !== undefined && owner !== user.id) {
      throw new Error(`${user.username} cannot see the ephemeral message ${record.id}`);
    }
    const inDm = record.guildId === null;
    const payload = this.envelope(
      InteractionType.MessageComponent,
      data(component),
      { ...invoker, dm: inDm },
      inDm ? undefined : record.channelId,
    );
    payload.message = structuredClone(record.message);
    return payload;
  }
}
