import type { ServerContext } from '../context.ts';
import { DiscordErrors } from '../lib/errors.ts';
import type { Route, RouteContext } from './router.ts';

// Application command registration, global and per guild: list, bulk overwrite (PUT), create/upsert
// (POST: 201 when new, 200 when it replaced a command of the same name), get, edit, delete.

export function commandRoutes(ctx: ServerContext): Route[] {
  // The bot may only manage its own application's commands, and guild commands of guilds it is in.
  const scope = ({ params }: RouteContext): string | undefined => {
    if (params.app !== ctx.world.applicationId) throw DiscordErrors.missingAccess();
    if (params.guild !== undefined && params.guild !== ctx.world.guild.id) throw DiscordErrors.missingAccess();
    return params.guild;
  };
  const routes: Route[] = [];
  for (const base of ['/applications/:app/commands', '/applications/:app/guilds/:guild/commands']) {
    routes.push(
      { method: 'GET', path: base, auth: 'bot', handle: (c) => ({ body: ctx.commands.list(scope(c)) }) },
      { method: 'PUT', path: base, auth: 'bot', handle: (c) => ({ body: ctx.commands.bulkOverwrite(c.body, scope(c)) }) },
      {
        method: 'POST',
        path: base,
        auth: 'bot',
        handle: (c) => {
          const [command, created] = ctx.commands.upsert(c.body, scope(c));
          return { status: created ? 201 : 200, body: command };
        },
      },
      { method: 'GET', path: `${base}/:command`, auth: 'bot', handle: (c) => ({ body: ctx.commands.get(c.params.command!, scope(c)) }) },
      {
        method: 'PATCH',
        path: `${base}/:command`,
        auth: 'bot',
        handle: (c) => ({ body: ctx.commands.edit(c.params.command!, c.body, scope(c)) }),
      },
      {
        method: 'DELETE',
        path: `${base}/:command`,
        auth: 'bot',
        handle: (c) => {
          ctx.commands.delete(c.params.command!, scope(c));
          return {};
        },
      },
    );
  }
  return routes;
}
