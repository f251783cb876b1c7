/** Every command the bot offers, by name: what deploy registers and what the dispatcher routes. */
import { command as attacks } from './commands/attacks.ts';
import { command as findFacts } from './commands/find-facts.ts';
import { command as help } from './commands/help.ts';
import { command as patrol } from './commands/patrol.ts';
import { command as reload } from './commands/reload.ts';
import { command as search } from './commands/search.ts';
import { command as source } from './commands/source.ts';
import { command as timeline } from './commands/timeline.ts';
import { command as where } from './commands/where.ts';
import type { CommandModule } from './types.ts';

export const commands: ReadonlyMap<string, CommandModule> = new Map(
  [patrol, attacks, where, search, timeline, source, help, reload, findFacts].map((c) => [c.data.name, c]),
);

/** The bodies for a bulk overwrite (PUT) of the application's commands. */
export function commandDefinitions() {
  return [...commands.values()].map((c) => c.data);
}
