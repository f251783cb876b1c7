import { ApplicationCommandOptionType, ApplicationCommandType, type RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord.js';
import { answerCommand } from '../answer-command.ts';
import { hideOption } from './options.ts';

export const data = {
  type: ApplicationCommandType.ChatInput,
  name: 'source',
  description: 'One source article: who published it, when, and the facts it supports',
  options: [
    {
      type: ApplicationCommandOptionType.String,
      name: 'id',
      description: 'The source id (start typing for a list)',
      required: true,
      min_length: 1,
      max_length: 100,
      autocomplete: true,
    },
    hideOption,
  ],
} as const satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;

export const command = answerCommand(data, (index, focused) => index.suggestSources(focused, 25));
