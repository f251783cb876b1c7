import { ApplicationCommandType, type RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord.js';
import { answerCommand } from '../answer-command.ts';
import { dateBoundOption, hideOption } from './options.ts';

export const data = {
  type: ApplicationCommandType.ChatInput,
  name: 'attacks',
  description: 'Attacks on the joint patrols in date order, with related attacks on the forces involved',
  options: [
    dateBoundOption('from', 'Earliest date: 2020-07-01, 2020-07 or July 2020'),
    dateBoundOption('to', 'Latest date: 2020-08-31, 2020-08 or August 2020'),
    hideOption,
  ],
} as const satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;

export const command = answerCommand(data);
