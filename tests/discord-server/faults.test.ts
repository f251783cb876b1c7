import { Client, Events, HTTPError, type TextChannel } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { rejectionOf, useServerAndClient } from './bare-client.ts';
import type { DiscordServer } from './index.ts';

// Injected failures: 500s on the interaction callback, and 429 rate limits, against a bare client.

const CALLBACK = 'POST /interactions/:id/:token/callback';

const session = useServerAndClient();

async function start(): Promise<[DiscordServer, Client, unknown[]]> {
  const [server, client] = await session.start();
  const replyErrors: unknown[] = [];
  client.on(Events.InteractionCreate, (interaction) => {
    if (!interaction.isChatInputCommand()) return;
    interaction.reply('pong').catch((error: unknown) => replyErrors.push(error));
  });
  await client.application!.commands.set([{ name: 'ping', description: 'Answers pong' }], server.guild.id);
  return [server, client, replyErrors];
}

describe('500 on the interaction callback', () => {
  it('a single 500 is retried by @discordjs/rest and the reply goes through', async () => {
    const [s] = await start();
    s.failNext(CALLBACK, 500, 1);
    const r = await s.slashCommand('ping');
    expect(r.attempts.map((a) => [a.status, a.injected])).toEqual([
      [500, true],
      [204, false],
    ]);
    expect(r.initial?.data?.content).toBe('pong');
  });

  it('when every attempt fails the reply rejects, the interaction times out, and the client keeps working', async () => {
    const [s, , replyErrors] = await start();
    // @discordjs/rest makes 1 + 3 retries on 5xx before giving up.
    s.failNext(CALLBACK, 500, 4);
    const failed = s.sendInteraction(s.build.slashCommand('ping'));
    await failed.waitForAttempt(4);
    await expect.poll(() => replyErrors.length).toBe(1);
    expect(replyErrors[0]).toBeInstanceOf(HTTPError);
    expect((replyErrors[0] as HTTPError).status).toBe(500);
    expect(failed.acknowledged).toBe(false);
    expect(s.rest.faults.pending).toBe(0);

    const next = await s.slashCommand('ping');
    expect(next.initial?.data?.content).toBe('pong');
  });
});

describe('rate limits', () => {
  it('a 429 with retry_after is waited out and retried by the client', async () => {
    const [s, c] = await start();
    s.rateLimitNext('POST /channels/:channel/messages', { retryAfterMs: 50 });
    const channel = (await c.channels.fetch(s.channelId())) as TextChannel;
    const sent = await channel.send('after the rate limit');
    const attempts = s.requestsTo('POST /channels/:channel/messages');
    expect(attempts.map((a) => a.status)).toEqual([429, 200]);
    expect(attempts[0]?.response).toMatchObject({ retry_after: 0.05, global: false });
    expect(s.messages.get(sent.id)?.message.content).toBe('after the rate limit');
  });
});

describe('unknown routes', () => {
  it('answer 404 with a Discord-shaped body and are recorded', async () => {
    const [s, c] = await start();
    expect(await rejectionOf(c.rest.get('/nothing/here'))).toMatchObject({ status: 404, code: 0, message: '404: Not Found' });
    expect(s.requestsTo('GET /nothing/here')[0]?.route).toBeNull();
  });
});
