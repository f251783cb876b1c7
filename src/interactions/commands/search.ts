import { answerCommand } from '../answer-command.ts';
import { slashCommandData } from '../slash-data.ts';

export const data = slashCommandData('search', ['query']);

export const command = answerCommand(data, (index, focused) => index.suggestSearch(focused, 25));
