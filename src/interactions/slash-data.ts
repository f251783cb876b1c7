/**
 * Slash command definitions built from the answers layer's COMMANDS specs, so option names,
 * bounds and requiredness are declared once for Discord, the HTTP endpoint and the terminal.
 */
import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  ApplicationIntegrationType,
  InteractionContextType,
  type APIApplicationCommandBasicOption,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord.js';
import { commandSpec, type CommandName, type OptionSpec } from '../answers/query.ts';
import { truncateWords } from '../render/truncate.ts';

/** Discord's limit on command and option descriptions. */
const DESCRIPTION_MAX = 100;

const hideOption: APIApplicationCommandBasicOption = {
  type: ApplicationCommandOptionType.Boolean,
  name: 'hide',
  description: 'Show the answer only to you',
  required: false,
};

function describe(text: string): string {
  return truncateWords(text.replace(/\.$/, ''), DESCRIPTION_MAX);
}

function option(spec: OptionSpec, autocomplete: boolean): APIApplicationCommandBasicOption {
  const common = { name: spec.name, description: describe(spec.description), required: spec.required };
  if (spec.type === 'integer') {
    return {
      ...common,
      type: ApplicationCommandOptionType.Integer,
      ...(spec.min !== undefined && { min_value: spec.min }),
      ...(spec.max !== undefined && { max_value: spec.max }),
      ...(autocomplete && { autocomplete: true }),
    };
  }
  return {
    ...common,
    type: ApplicationCommandOptionType.String,
    min_length: 1,
    ...(spec.maxLength !== undefined && { max_length: spec.maxLength }),
    ...(autocomplete && { autocomplete: true }),
  };
}

/**
 * Where the answer commands can be used: installed to a server or to a member's own account, and
 * asked in a server, in a DM with the bot or in any private channel. Answers read no server or
 * member, so they are the same everywhere.
 */
export const EVERYWHERE = {
  integration_types: [ApplicationIntegrationType.GuildInstall, ApplicationIntegrationType.UserInstall],
  contexts: [InteractionContextType.Guild, InteractionContextType.BotDM, InteractionContextType.PrivateChannel],
};

/** The definition Discord is told for an answer command; `autocomplete` names the options that offer choices. */
export function slashCommandData(name: CommandName, autocomplete: readonly string[] = []): RESTPostAPIChatInputApplicationCommandsJSONBody {
  const spec = commandSpec(name);
  return {
    type: ApplicationCommandType.ChatInput,
    name,
    description: describe(spec.description),
    options: [...spec.options.map((o) => option(o, autocomplete.includes(o.name))), hideOption],
    ...EVERYWHERE,
  };
}
