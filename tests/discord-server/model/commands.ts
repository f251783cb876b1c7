import { ApplicationCommandType as CommandType, ApplicationIntegrationType, type APIApplicationCommand } from 'discord.js';
import { DiscordErrors } from '../lib/errors.ts';
import { snowflake } from '../lib/snowflake.ts';
import { commandTypeOf, validateCommand, validateCommandList } from '../validate/commands.ts';
import { FormErrors } from '../validate/form-errors.ts';

// Registered application commands, global and per guild. Bulk overwrite (PUT) replaces the whole list,
// but like Discord it keeps the id of a command whose (type, name) already existed, and only bumps
// `version` when the definition actually changed, so deploying twice is a no-op.

export type StoredCommand = APIApplicationCommand;

const GLOBAL = 'global';

/** Discord keys commands by (type, name): a command with both is the same command. */
const sameCommand = (body: Record<string, unknown>) => (c: StoredCommand) => c.type === commandTypeOf(body) && c.name === body.name;

function validateOneCommand(body: unknown): void {
  const errors = new FormErrors();
  validateCommand(errors, [], body);
  errors.throwIfAny();
}

export class CommandStore {
  private readonly scopes = new Map<string, StoredCommand[]>();

  constructor(private readonly applicationId: string) {}

  list(guildId?: string): StoredCommand[] {
    return this.scope(guildId).map((c) => structuredClone(c));
  }

  get(id: string, guildId?: string): StoredCommand {
    const found = this.scope(guildId).find((c) => c.id === id);
    if (!found) throw DiscordErrors.unknownCommand();
    return structuredClone(found);
  }

  /** The command a user would invoke by name: guild commands shadow global ones, as in the Discord client. */
  find(name: string, type: number, guildId?: string): StoredCommand | undefined {
    const match = (c: StoredCommand) => c.name === name && c.type === type;
    const found = (guildId ? this.scope(guildId).find(match) : undefined) ?? this.scope().find(match);
    return found ? structuredClone(found) : undefined;
  }

  bulkOverwrite(bodies: unknown, guildId?: string): StoredCommand[] {
    validateCommandList(bodies);
    const previous = this.scope(guildId);
    const next = (bodies as Record<string, unknown>[]).map((body) => this.store(body, guildId, previous.find(sameCommand(body))));
    this.scopes.set(guildId ?? GLOBAL, next);
    return this.list(guildId);
  }

  /** POST: create, or overwrite the command with the same (type, name). Returns [command, created]. */
  upsert(body: unknown, guildId?: string): [StoredCommand, boolean] {
    validateOneCommand(body);
    const list = [...this.scope(guildId)];
    const index = list.findIndex(sameCommand(body as Record<string, unknown>));
    const stored = this.store(body as Record<string, unknown>, guildId, list[index]);
    if (index >= 0) list[index] = stored;
    else list.push(stored);
    this.scopes.set(guildId ?? GLOBAL, list);
    return [structuredClone(stored), index < 0];
  }

  edit(id: string, patch: unknown, guildId?: string): StoredCommand {
    const list = [...this.scope(guildId)];
    const index = list.findIndex((c) => c.id === id);
    const old = list[index];
    if (!old) throw DiscordErrors.unknownCommand();
    const merged = { ...definitionOf(old), ...(patch as Record<string, unknown>) };
    validateOneCommand(merged);
    const stored = this.store(merged, guildId, old);
    list[index] = stored;
    this.scopes.set(guildId ?? GLOBAL, list);
    return structuredClone(stored);
  }

  delete(id: string, guildId?: string): void {
    const list = this.scope(guildId);
    if (!list.some((c) => c.id === id)) throw DiscordErrors.unknownCommand();
    this.scopes.set(guildId ?? GLOBAL, list.filter((c) => c.id !== id));
  }

  /** The stored commands of a guild, or the global ones. */
  private scope(guildId?: string): StoredCommand[] {
    return this.scopes.get(guildId ?? GLOBAL) ?? [];
  }

  private store(body: Record<string, unknown>, guildId: string | undefined, old: StoredCommand | undefined): StoredCommand {
    const definition = normalise(body, guildId);
    const unchanged = old && JSON.stringify(definitionOf(old)) === JSON.stringify(definition);
    return {
      id: old?.id ?? snowflake(),
      application_id: this.applicationId,
      version: unchanged ? old.version : snowflake(),
      ...definition,
    } as StoredCommand;
  }
}

/** The fields Discord fills in on a stored command, with its defaults, in a stable key order. */
function normalise(body: Record<string, unknown>, guildId: string | undefined): Record<string, unknown> {
  const type = commandTypeOf(body);
  const out: Record<string, unknown> = {
    type,
    name: body.name,
    description: type === CommandType.ChatInput ? body.description : '',
    default_member_permissions: body.default_member_permissions ?? null,
    nsfw: body.nsfw ?? false,
  };
  if (guildId) {
    out.guild_id = guildId;
  } else {
    out.dm_permission = body.dm_permission ?? true;
    out.contexts = body.contexts ?? null;
    out.integration_types = body.integration_types ?? [ApplicationIntegrationType.GuildInstall];
  }
  for (const key of ['name_localizations', 'description_localizations'] as const) {
    if (body[key] !== undefined && body[key] !== null) out[key] = body[key];
  }
  if (Array.isArray(body.options) && body.options.length > 0) out.options = structuredClone(body.options);
  return out;
}

function definitionOf(stored: StoredCommand): Record<string, unknown> {
  const { id: _id, application_id: _app, version: _version, ...rest } = stored as unknown as Record<string, unknown>;
  return rest;
}
