import { once } from 'node:events';
import { Client, Events, GatewayCloseCodes, GatewayIntentBits, GatewayOpcodes } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { DEFAULT_INTENTS, deferred, loginBareClient, rejectionOf, useServerAndClient } from './bare-client.ts';
import type { DiscordServer } from './index.ts';

// The gateway against a bare discord.js client: login, what IDENTIFY carries, heartbeats, and the
// recovery paths (RESUME with replay after 4000, INVALID_SESSION after 4009, RECONNECT).

const COMMANDS = [{ name: 'ping', description: 'Answers pong' }];

type ClientOptionsPart = Parameters<typeof loginBareClient>[1];

/**
 * @discordjs/ws spaces IDENTIFYs 5 s apart (Discord's identify rate limit, max_concurrency 1); a test
 * that re-identifies on purpose lifts that wait rather than sleeping through it.
 */
const NO_IDENTIFY_WAIT: ClientOptionsPart = {
  ws: { buildIdentifyThrottler: () => ({ waitForIdentify: async () => {} }) },
};

const session = useServerAndClient();

async function start(heartbeatIntervalMs = 41_250, options: ClientOptionsPart = {}): Promise<[DiscordServer, Client]> {
  const [server, client] = await session.start({ heartbeatIntervalMs }, options);
  client.on(Events.InteractionCreate, (interaction) => {
    if (interaction.isChatInputCommand()) void interaction.reply('pong');
  });
  await client.application!.commands.set(COMMANDS, server.guild.id);
  return [server, client];
}

describe('login', () => {
  it('gets ready with the bot user, the guild and its channels', async () => {
    const [s, c] = await start();
    expect(c.user?.id).toBe(s.bot.id);
    expect(c.application?.id).toBe(s.applicationId);
    expect(c.guilds.cache.get(s.guild.id)?.name).toBe(s.guild.name);
    expect(c.channels.cache.get(s.channelId('general'))?.isTextBased()).toBe(true);
    expect(s.requestsTo('GET /gateway/bot')).toHaveLength(1);
  });

  it('records the IDENTIFY: token, intents, and that no privileged intent was requested', async () => {
    const [s] = await start();
    const identify = await s.waitForIdentify(1);
    expect(identify.token).toBe(s.token);
    expect(identify.intents).toBe(GatewayIntentBits.Guilds | GatewayIntentBits.GuildMessages);
    expect(identify.privilegedIntents).toEqual([]);
    expect(identify.accepted).toBe(true);
  });

  it('acknowledges heartbeats', async () => {
    const [s, c] = await start(100);
    const acked = deferred();
    c.on(Events.Debug, (message) => {
      if (message.includes('Heartbeat acknowledged')) acked.resolve();
    });
    await acked.promise;
    expect(s.gateway.received.some((p) => p.op === GatewayOpcodes.Heartbeat)).toBe(true);
  });

  it('rejects a wrong token on REST before the gateway is even tried', async () => {
    const server = await session.startServer();
    const impostor = new Client({ intents: DEFAULT_INTENTS, rest: { api: server.apiUrl } });
    const error = await rejectionOf(impostor.login('not-the-token'));
    await impostor.destroy();
    expect(String(error)).toMatch(/invalid token/i);
    expect(server.requestsTo('GET /gateway/bot')[0]?.status).toBe(401);
    expect(server.identifies).toHaveLength(0);
  });

  it('closes the gateway with 4004 when IDENTIFY carries a wrong token', async () => {
    const server = await session.startServer();
    const ws = new WebSocket(`${server.gatewayUrl}?v=10&encoding=json`);
    const hello = await once(ws, 'message');
    expect(JSON.parse(String(hello[0])).op).toBe(GatewayOpcodes.Hello);
    ws.send(JSON.stringify({ op: GatewayOpcodes.Identify, d: { token: 'wrong', intents: 0, properties: {} } }));
    const [code] = await once(ws, 'close');
    expect(code).toBe(GatewayCloseCodes.AuthenticationFailed);
    expect(server.identifies[0]?.accepted).toBe(false);
  });

  it('refuses privileged intents that are not enabled for the application (4014)', async () => {
    const server = await session.startServer();
    const error = await rejectionOf(
      loginBareClient(server, { intents: [...DEFAULT_INTENTS, GatewayIntentBits.MessageContent] }),
    );
    expect(String(error)).toMatch(/disallowed intents/i);
    expect(server.identifies[0]?.privilegedIntents).toEqual(['MESSAGE_CONTENT']);
    expect(server.identifies[0]?.closeCode).toBe(GatewayCloseCodes.DisallowedIntents);
  });
});

describe('recovery', () => {
  it('after a 4000 close the client RESUMEs, gets the missed interaction replayed, and keeps answering', async () => {
    const [s, c] = await start();
    const resumed = deferred<number>();
    c.on(Events.ShardResume, (_id, replayed) => resumed.resolve(replayed));

    await s.closeGateway(GatewayCloseCodes.UnknownError);
    // Sent while the bot is disconnected: Discord keeps it in the session and replays it on RESUME.
    const missed = s.sendInteraction(s.build.slashCommand('ping'));
    const resume = await s.waitForResume(1);

    expect(resume.outcome).toBe('resumed');
    expect(resume.replayed).toBe(1);
    // discord.js counts by sequence numbers, so RESUMED (which carries the next one) adds one.
    expect(await resumed.promise).toBe(resume.replayed + 1);
    expect(s.identifies).toHaveLength(1); // resumed, not re-identified
    expect(s.connections[1]?.path).toBe('/resume'); // through READY's resume_gateway_url
    expect((await missed.waitForInitial()).data?.content).toBe('pong');

    const after = await s.slashCommand('ping');
    expect(after.initial?.data?.content).toBe('pong');
  });

  it('after a 4009 close the RESUME is refused with INVALID_SESSION and the client identifies again', async () => {
    const [s] = await start(41_250, NO_IDENTIFY_WAIT);
    await s.closeGateway(GatewayCloseCodes.SessionTimedOut);
    await s.waitForIdentify(2);
    expect(s.resumes[0]?.outcome).toBe('invalid-session');
    expect(s.identifies.map((i) => i.accepted)).toEqual([true, true]);
    // The new session starts from scratch; commands still work.
    await expect.poll(() => s.gateway.liveSessions().length).toBe(1);
    const r = await s.slashCommand('ping');
    expect(r.initial?.data?.content).toBe('pong');
  });

  it('a client whose heartbeats go unacknowledged drops the zombie connection and resumes', async () => {
    const [s] = await start(100);
    s.gateway.ackHeartbeats = false;
    const resume = await s.waitForResume(1);
    s.gateway.ackHeartbeats = true;
    expect(resume.outcome).toBe('resumed');
    expect(s.connections[0]?.closedBy).toBe('client');
    expect(s.identifies).toHaveLength(1);
  });

  it('raw dispatches reach the client with increasing sequence numbers', async () => {
    const [s, c] = await start();
    const received = deferred<{ t: string; s: number; d: unknown }>();
    c.on(Events.Raw, (packet: { t: string; s: number; d: unknown }) => {
      if (packet.t === 'TYPING_START') received.resolve(packet);
    });
    const typing = { channel_id: s.channelId(), guild_id: s.guild.id, user_id: s.tester.id, timestamp: 1 };
    expect(s.dispatch('TYPING_START', typing)).toBe(1);
    const packet = await received.promise;
    expect(packet.d).toEqual(typing);
    expect(packet.s).toBe(s.gateway.liveSessions()[0]?.seq);
  });

  it('on op 7 RECONNECT the client closes and resumes', async () => {
    const [s] = await start();
    s.requestReconnect();
    const resume = await s.waitForResume(1);
    expect(resume.outcome).toBe('resumed');
    expect(s.connections[0]?.closedBy).toBe('client');
    expect(s.identifies).toHaveLength(1);
    const r = await s.slashCommand('ping');
    expect(r.initial?.data?.content).toBe('pong');
  });
});
