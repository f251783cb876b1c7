/**
 * /reload: admin-only (default_member_permissions '0' hides it from members until a server admin
 * grants it) re-reading of the knowledge files, reporting what changed or exactly what is wrong.
 */
import { ApplicationCommandType, ApplicationIntegrationType, InteractionContextType, type RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord.js';
import { reloadReport } from '../reload-report.ts';
import type { CommandModule } from '../types.ts';

export const data = {
  type: ApplicationCommandType.ChatInput,
  name: 'reload',
  description: 'Re-read the knowledge files now (admins only)',
  default_member_permissions: '0',
  // Server admins only: never offered in a user install or outside a server.
  integration_types: [ApplicationIntegrationType.GuildInstall],
  contexts: [InteractionContextType.Guild],
} as const satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;

export const command: CommandModule = {
  data,
  execute(_incoming, ctx) {
    return {
      kind: 'deferred',
      ephemeral: true,
      data: ctx.reload().then(reloadReport),
    };
  },
};
