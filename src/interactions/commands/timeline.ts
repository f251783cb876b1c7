import { ApplicationCommandType, type RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord.js';
import { answerCommand } from '../answer-command.ts';
import { dateBoundOption, hideOption } from './options.ts';

export const data = {
  type: ApplicationCommandType.ChatInput,
  name: 'timeline',
  description: 'Everything the fact base knows, in date order',
  options: [
    dateBoundOption('from', 'Earliest date: 2020-03-01, 2020-03 or March 2020'),
    dateBoundOption('to', 'Latest date: 2020-09-30, 2020-09 or September 2020'),
    hideOption,
  ],
} as const satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;

export const command = answerCommand(data);
