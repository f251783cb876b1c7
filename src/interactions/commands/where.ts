import { ApplicationCommandOptionType, ApplicationCommandType, type RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord.js';
import { answerCommand } from '../answer-command.ts';
import { hideOption } from './options.ts';

export const data = {
  type: ApplicationCommandType.ChatInput,
  name: 'where',
  description: 'A place on or near the M4 by any spelling (Ain Hour, Taranba…) and what happened there',
  options: [
    {
      type: ApplicationCommandOptionType.String,
      name: 'place',
      description: 'Name or any spelling: Ain Hawr, Ain Hour, Tronba, Ternaba, Saraqib…',
      required: true,
      min_length: 1,
      max_length: 100,
      autocomplete: true,
    },
    hideOption,
  ],
} as const satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;

export const command = answerCommand(data, (index, focused) => index.suggestPlaces(focused, 25));
