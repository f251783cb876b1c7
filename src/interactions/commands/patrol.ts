import { answerCommand } from '../answer-command.ts';
import { slashCommandData } from '../slash-data.ts';

export const data = slashCommandData('patrol', ['number']);

export const command = answerCommand(data, (index, focused) =>
  // The option is an integer, so each choice's value must be a number.
  index.suggestPatrols(focused, 25).map((s) => ({ name: s.name, value: Number(s.value) })),
);
