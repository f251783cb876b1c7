/** Option definitions shared by several commands, so their limits and wording stay the same. */
import { ApplicationCommandOptionType, type APIApplicationCommandBasicOption } from 'discord.js';

export const hideOption = {
  type: ApplicationCommandOptionType.Boolean,
  name: 'hide',
  description: 'Show the answer only to you',
  required: false,
} as const satisfies APIApplicationCommandBasicOption;

/** Dates are typed freely ("2020-07-01", "July 2020"), so they are strings, parsed by the answers layer. */
export const dateBoundOption = (name: 'from' | 'to', description: string) =>
  ({
    type: ApplicationCommandOptionType.String,
    name,
    description,
    required: false,
    min_length: 4,
    max_length: 40,
  }) as const satisfies APIApplicationCommandBasicOption;
