import type { ServerContext } from '../context.ts';
import { DiscordErrors } from '../lib/errors.ts';
import { applicationFlags } from '../gateway/intents.ts';
import { applicationJson, channelJson, guildJson, memberJson, userJson } from '../model/serialize.ts';
import type { Route } from './router.ts';

// Gateway discovery, the bot's own user and application, users, guilds and channels (read-only).

const SESSION_START_TOTAL = 1000;

export function metaRoutes(ctx: ServerContext): Route[] {
  const { world } = ctx;
  const application = () => ({ body: applicationJson(world, applicationFlags(ctx.enabledPrivilegedIntents)) });
  const requireGuild = (id: string | undefined) => {
    if (id !== world.guild.id) throw DiscordErrors.unknownGuild();
  };
  return [
    {
      method: 'GET',
      path: '/gateway',
      auth: 'none',
      handle: () => ({ body: { url: ctx.gatewayUrl } }),
    },
    {
      method: 'GET',
      path: '/gateway/bot',
      auth: 'bot',
      handle: () => {
        return {
          body: {
            url: ctx.gatewayUrl,
            shards: ctx.recommendedShards,
            session_start_limit: {
              total: SESSION_START_TOTAL,
              // Each IDENTIFY uses one session start, as on Discord.
              remaining: Math.max(0, SESSION_START_TOTAL - ctx.gateway.identifies.length),
              reset_after: 14_400_000,
              max_concurrency: 1,
            },
          },
        };
      },
    },
    {
      method: 'GET',
      path: '/users/@me',
      auth: 'bot',
      handle: () => ({ body: { ...world.bot, verified: true, mfa_enabled: false, locale: 'en-US', email: null } }),
    },
    {
      method: 'GET',
      path: '/users/:user',
      auth: 'bot',
      handle: ({ params }) => {
        if (!world.users.has(params.user!)) throw DiscordErrors.unknownUser();
        return { body: userJson(world, params.user!) };
      },
    },
    {
      method: 'GET',
      path: '/applications/@me',
      auth: 'bot',
      handle: application,
    },
    {
      method: 'GET',
      path: '/oauth2/applications/@me',
      auth: 'bot',
      handle: application,
    },
    {
      method: 'GET',
      path: '/guilds/:guild',
      auth: 'bot',
      handle: ({ params }) => {
        requireGuild(params.guild);
        return { body: guildJson(world) };
      },
    },
    {
      method: 'GET',
      path: '/guilds/:guild/channels',
      auth: 'bot',
      handle: ({ params }) => {
        requireGuild(params.guild);
        return { body: world.guild.channels.map((c) => channelJson(world, c.id)) };
      },
    },
    {
      method: 'GET',
      path: '/guilds/:guild/members/:user',
      auth: 'bot',
      handle: ({ params }) => {
        requireGuild(params.guild);
        if (!world.guild.members.has(params.user!)) throw DiscordErrors.unknownMember();
        return { body: memberJson(world, params.user!, { withUser: true }) };
      },
    },
    {
      method: 'GET',
      path: '/channels/:channel',
      auth: 'bot',
      handle: ({ params }) => {
        const channel = channelJson(world, params.channel!);
        if (!channel) throw DiscordErrors.unknownChannel();
        return { body: channel };
      },
    },
  ];
}
