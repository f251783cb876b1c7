import { ApplicationCommandOptionType, ApplicationCommandType, type RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord.js';
import { answerCommand } from '../answer-command.ts';
import { hideOption } from './options.ts';

export const data = {
  type: ApplicationCommandType.ChatInput,
  name: 'search',
  description: 'Search the sourced facts in free text',
  options: [
    {
      type: ApplicationCommandOptionType.String,
      name: 'query',
      description: 'Words to look for, e.g. human shields, IED, observation posts',
      required: true,
      min_length: 1,
      max_length: 100,
      autocomplete: true,
    },
    hideOption,
  ],
} as const satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;

export const command = answerCommand(data, (index, focused) => index.suggestSearch(focused, 25));
