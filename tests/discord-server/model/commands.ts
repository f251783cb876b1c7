import { ApplicationCommandType as CommandType, ApplicationIntegrationType, type APIApplicationCommand } from 'discord.js';
import { DiscordErrors } from '../lib/errors.ts';
import { snowflake } from '../lib/snowflake.ts';
import { validateCommand, validateCommandList } from '../validate/commands.ts';
import { FormErrors } from '../validate/form-errors.ts';

// Registered application commands, global and per guild. Bulk overwrite (PUT) replaces the whole list,
// but like Discord it keeps the id of a command whose (type, name) already existed, and only bumps
// `version` when the definition actually changed, so deploying twice is a no-op.

export type StoredCommand = APIApplicationCommand;

const GLOBAL = 'global';

export class CommandStore {
  private readonly scopes = new Map<string, StoredCommand[]>();
  /** Every successful write, for assertions such as "deploy ran twice". */
  readonly writes: { scope: string; method: string; at: number }[] = [];

  constructor(private readonly applicationId: string) {}

  list(guildId?: string): StoredCommand[] {
    return (this.scopes.get(guildId ?? GLOBAL) ?? []).map((c) => structuredClone(c));
  }

  get(id: string, guildId?: string): StoredCommand {
    const found = (this.scopes.get(guildId ?? GLOBAL) ?? []).find((c) => c.id === id);
    if (!found) throw DiscordErrors.unknownCommand();
    return structuredClone(found);
  }

  /** The command a user would invoke by name: guild commands shadow global ones, as in the Discord client. */
  find(name: string, type: number, guildId?: string): StoredCommand | undefined {
    const match = (c: StoredCommand) => c.name === name && c.type === type;
    const inGuild = guildId ? this.scopes.get(guildId)?.find(match) : undefined;
    const found = inGuild ?? this.scopes.get(GLOBAL)?.find(match);
    return found ? structuredClone(found) : undefined;
  }

  bulkOverwrite(bodies: unknown, guildId?: string): StoredCommand[] {
    validateCommandList(bodies);
    const scope = guildId ?? GLOBAL;
    const previous = this.scopes.get(scope) ?? [];
    const next = (bodies as Record<string, unknown>[]).map((body) => {
      const type = (body.type as number | undefined) ?? CommandType.ChatInput;
      const old = previous.find((c) => c.type === type && c.name === body.name);
      return this.store(body, guildId, old);
    });
    this.scopes.set(scope, next);
    this.writes.push({ scope, method: 'PUT', at: Date.now() });
    return this.list(guildId);
  }

  /** POST: create, or overwrite the command with the same (type, name). Returns [command, created]. */
  upsert(body: unknown, guildId?: string): [StoredCommand, boolean] {
    const errors = new FormErrors();
    validateCommand(errors, [], body);
    errors.throwIfAny();
    const b = body as Record<string, unknown>;
    const scope = guildId ?? GLOBAL;
    const list = [...(this.scopes.get(scope) ?? [])];
    const type = (b.type as number | undefined) ?? CommandType.ChatInput;
    const index = list.findIndex((c) => c.type === type && c.name === b.name);
    const stored = this.store(b, guildId, index >= 0 ? list[index] : undefined);
    if (index >= 0) list[index] = stored;
    else list.push(stored);
    this.scopes.set(scope, list);
    this.writes.push({ scope, method: 'POST', at: Date.now() });
    return [structuredClone(stored), index < 0];
  }

  edit(id: string, patch: unknown, guildId?: string): StoredCommand {
    const scope = guildId ?? GLOBAL;
    const list = [...(this.scopes.get(scope) ?? [])];
    const index = list.findIndex((c) => c.id === id);
    const old = list[index];
    if (!old) throw DiscordErrors.unknownCommand();
    const merged = { ...definitionOf(old), ...(patch as Record<string, unknown>) };
    const errors = new FormErrors();
    validateCommand(errors, [], merged);
    errors.throwIfAny();
    const stored = this.store(merged, guildId, old);
    list[index] = stored;
    this.scopes.set(scope, list);
    this.writes.push({ scope, method: 'PATCH', at: Date.now() });
    return structuredClone(stored);
  }

  delete(id: string, guildId?: string): void {
    const scope = guildId ?? GLOBAL;
    const list = this.scopes.get(scope) ?? [];
    if (!list.some((c) => c.id === id)) throw DiscordErrors.unknownCommand();
    this.scopes.set(scope, list.filter((c) => c.id !== id));
    this.writes.push({ scope, method: 'DELETE', at: Date.now() });
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
  const type = (body.type as number | undefined) ?? CommandType.ChatInput;
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
