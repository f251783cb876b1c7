import { ApplicationCommandType, type RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord.js';
import { answerCommand } from '../answer-command.ts';
import { hideOption } from './options.ts';

export const data = {
  type: ApplicationCommandType.ChatInput,
  name: 'help',
  description: 'What the bot knows and how to ask',
  options: [hideOption],
} as const satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;

export const command = answerCommand(data);
