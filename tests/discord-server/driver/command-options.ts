import { ApplicationCommandOptionType as OptionType, type APIApplicationCommandOption, type APIUser } from 'discord.js';
import { memberPermissions, textChannel, type World } from '../model/world.ts';
import { memberJson, textChannelJson } from '../model/serialize.ts';

// Turns `{ number: 22, place: 'Saraqib' }` into the `options` (and `resolved`) of an interaction, typed
// by the registered command definition, and refuses values the Discord client would never send
// (unknown options, missing required ones, out-of-range numbers, strings outside min/max length,
// values not among fixed choices).

export type OptionValue = string | number | boolean | APIUser | { id: string };
export type OptionValues = Record<string, OptionValue>;

export interface Resolved {
  users?: Record<string, unknown>;
  members?: Record<string, unknown>;
  channels?: Record<string, unknown>;
  roles?: Record<string, unknown>;
}

export interface BuiltOption {
  name: string;
  type: number;
  value?: string | number | boolean;
  options?: BuiltOption[];
  focused?: boolean;
}

/** A registered option, loosely typed so that any option's fields (min_length, choices, …) can be read. */
export type OptionDefinition = APIApplicationCommandOption & Record<string, unknown>;

function inferType(value: OptionValue): number {
  if (typeof value === 'string') return OptionType.String;
  if (typeof value === 'boolean') return OptionType.Boolean;
  if (typeof value === 'number') return Number.isInteger(value) ? OptionType.Integer : OptionType.Number;
  return 'username' in value ? OptionType.User : OptionType.String;
}

const idOf = (value: OptionValue): string => (typeof value === 'object' ? value.id : String(value));

export class OptionBuilder {
  readonly resolved: Resolved = {};

  constructor(
    private readonly world: World,
    private readonly command: string,
  ) {}

  private fail(message: string): never {
    throw new Error(`/${this.command}: ${message} (the Discord client would not send this)`);
  }

  private resolveUser(value: OptionValue): string {
    const id = idOf(value);
    const user = this.world.users.get(id);
    if (!user) this.fail(`unknown user ${id}`);
    (this.resolved.users ??= {})[id] = { ...user };
    if (this.world.guild.members.has(id)) {
      const member = memberJson(this.world, id, { permissions: true });
      delete member.deaf;
      delete member.mute;
      (this.resolved.members ??= {})[id] = member;
    }
    return id;
  }

  private resolveValue(name: string, type: number, value: OptionValue, def: OptionDefinition | undefined, focused: boolean): string | number | boolean {
    if (focused) return typeof value === 'object' ? value.id : String(value); // what the user has typed so far
    switch (type) {
      case OptionType.String: {
        if (typeof value !== 'string') this.fail(`option "${name}" must be a string`);
        const length = [...value].length;
        if (typeof def?.min_length === 'number' && length < def.min_length) this.fail(`option "${name}" is shorter than ${def.min_length}`);
        if (typeof def?.max_length === 'number' && length > def.max_length) this.fail(`option "${name}" is longer than ${def.max_length}`);
        this.checkChoices(name, value, def);
        return value;
      }
      case OptionType.Integer:
      case OptionType.Number: {
        if (typeof value !== 'number' || (type === OptionType.Integer && !Number.isInteger(value))) {
          this.fail(`option "${name}" must be ${type === OptionType.Integer ? 'an integer' : 'a number'}`);
        }
        if (typeof def?.min_value === 'number' && value < def.min_value) this.fail(`option "${name}" is below ${def.min_value}`);
        if (typeof def?.max_value === 'number' && value > def.max_value) this.fail(`option "${name}" is above ${def.max_value}`);
        this.checkChoices(name, value, def);
        return value;
      }
      case OptionType.Boolean:
        if (typeof value !== 'boolean') this.fail(`option "${name}" must be a boolean`);
        return value;
      case OptionType.User:
        return this.resolveUser(value);
      case OptionType.Channel: {
        const id = idOf(value);
        const channel = textChannel(this.world, id);
        if (!channel) this.fail(`unknown channel ${id}`);
        const json = textChannelJson(this.world.guild, channel);
        (this.resolved.channels ??= {})[id] = {
          ...json,
          permissions: memberPermissions(this.world, this.world.bot.id).toString(),
        };
        return id;
      }
      case OptionType.Role:
      case OptionType.Mentionable: {
        const id = idOf(value);
        const role = this.world.guild.roles.find((r) => r.id === id);
        if (role) {
          (this.resolved.roles ??= {})[id] = { ...role };
          return id;
        }
        if (type === OptionType.Mentionable) return this.resolveUser(value);
        return this.fail(`unknown role ${id}`);
      }
      default:
        return this.fail(`option "${name}" has type ${type}, which this test server cannot fill in`);
    }
  }

  private checkChoices(name: string, value: string | number, def: OptionDefinition | undefined): void {
    const choices = def?.choices as { value: string | number }[] | undefined;
    if (choices && !choices.some((c) => c.value === value)) {
      this.fail(`option "${name}" must be one of ${choices.map((c) => JSON.stringify(c.value)).join(', ')}`);
    }
  }

  /**
   * Options for one level (a command or a subcommand). `definitions` is undefined for an unregistered
   * command, in which case types are inferred from the JavaScript values. In autocomplete mode the
   * `focused` option carries the partial text and required options may be missing.
   */
  build(values: OptionValues, definitions: OptionDefinition[] | undefined, focused?: string): BuiltOption[] {
    const built: BuiltOption[] = [];
    for (const [name, value] of Object.entries(values)) {
      const def = definitions?.find((d) => d.name === name);
      if (definitions && !def) this.fail(`no option named "${name}" (has: ${definitions.map((d) => d.name).join(', ') || 'none'})`);
      const type = (def?.type as number | undefined) ?? inferType(value);
      const isFocused = name === focused;
      if (isFocused && def && def.autocomplete !== true) this.fail(`option "${name}" does not have autocomplete enabled`);
      const option: BuiltOption = { name, type, value: this.resolveValue(name, type, value, def, isFocused) };
      if (isFocused) option.focused = true;
      built.push(option);
    }
    if (definitions && focused === undefined) {
      for (const def of definitions) {
        if (def.required === true && !(def.name in values)) this.fail(`required option "${def.name}" is missing`);
      }
    }
    return built;
  }
}
