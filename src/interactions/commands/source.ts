import { answerCommand } from '../answer-command.ts';
import { slashCommandData } from '../slash-data.ts';

export const data = slashCommandData('source', ['id']);

export const command = answerCommand(data, (index, focused) => index.suggestSources(focused, 25));
