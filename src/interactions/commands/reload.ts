/**
 * /reload: admin-only (default_member_permissions '0' hides it from members until a server admin
 * grants it) re-reading of the knowledge files, reporting what changed or exactly what is wrong.
 * The member's own permissions are checked too (mayUse): over HTTP the declared default is all
 * Discord enforces, and a replayed or widened /reload must not reach the files.
 */
import { ApplicationCommandType, ApplicationIntegrationType, InteractionContextType, type RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord.js';
import { renderNotice } from '../../render/discord.ts';
import { mayUse } from '../permissions.ts';
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
  execute(incoming, ctx) {
    if (!mayUse(data.default_member_permissions, incoming.memberPermissions)) {
      ctx.log.warn({ userId: incoming.userId, command: 'reload' }, 'refused /reload to a member who is not a server administrator');
      return {
        kind: 'message',
        data: renderNotice('Only server administrators can reload the knowledge files.'),
      };
    }
    return {
      kind: 'deferred',
      ephemeral: true,
      reply: ctx.reload().then((outcome) => ({ data: reloadReport(outcome) })),
    };
  },
};
