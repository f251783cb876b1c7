import { answerCommand } from '../answer-command.ts';
import { slashCommandData } from '../slash-data.ts';

export const data = slashCommandData('where', ['place']);

/** Places by any spelling, tiered exact → alias → prefix → fuzzy (the index does the tiers). */
export const command = answerCommand(data, (index, focused) => index.suggestPlaces(focused, 25));
