import { ApplicationCommandOptionType, ApplicationCommandType, type RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord.js';
import { answerCommand } from '../answer-command.ts';
import { hideOption } from './options.ts';

export const data = {
  type: ApplicationCommandType.ChatInput,
  name: 'patrol',
  description: 'What the sources say about the Nth joint Russian-Turkish patrol on the M4 (no number: all known patrols)',
  options: [
    {
      type: ApplicationCommandOptionType.Integer,
      name: 'number',
      description: 'The patrol ordinal, e.g. 22',
      required: false,
      min_value: 1,
      max_value: 999,
      autocomplete: true,
    },
    hideOption,
  ],
} as const satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;

export const command = answerCommand(data, (index, focused) =>
  // The option is an integer, so each choice's value must be a number.
  index.suggestPatrols(focused, 25).map((s) => ({ name: s.name, value: Number(s.value) })),
);
