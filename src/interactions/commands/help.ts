import { answerCommand } from '../answer-command.ts';
import { slashCommandData } from '../slash-data.ts';

export const data = slashCommandData('help');

export const command = answerCommand(data);
