import {
  ActionRowBuilder,
  ButtonBuilder,
  ButtonStyle,
  DiscordAPIError,
  EmbedBuilder,
  Events,
  InteractionResponseType,
  MessageFlags,
  type ButtonInteraction,
  type Interaction,
} from 'discord.js';
import { describe, expect, it } from 'vitest';
import { deferred, rejectionOf, useServerAndClient } from './bare-client.ts';
import type { DiscordServer, DiscordServerOptions } from './index.ts';

// Interaction responses from a bare discord.js client, checked by the server against Discord's rules.

const COMMANDS = [
  {
    name: 'patrol',
    description: 'Show one joint patrol',
    options: [{ type: 4, name: 'number', description: 'Patrol number', required: true, min_value: 1, max_value: 100 }],
  },
  {
    name: 'where',
    description: 'Find a place',
    options: [{ type: 3, name: 'place', description: 'Place name', required: true, autocomplete: true }],
  },
  { name: 'slow', description: 'Defers, then edits' },
  { name: 'pages', description: 'Paged answer' },
];

const session = useServerAndClient();

/** Server + logged-in client with the test commands deployed and `handler` answering interactions. */
async function start(
  handler: (interaction: Interaction) => Promise<unknown>,
  options: DiscordServerOptions = {},
): Promise<DiscordServer> {
  const [server, client] = await session.start(options);
  const errors: unknown[] = [];
  client.on(Events.InteractionCreate, (interaction) => {
    handler(interaction).catch((error: unknown) => errors.push(error));
  });
  await client.application!.commands.set(COMMANDS, server.guild.id);
  return server;
}

/** Answers the slash command with `content` and one button `customId`; presses of it go to `onPress`. */
function withButton(customId: string, content: string, onPress: (press: ButtonInteraction) => Promise<unknown>) {
  return async (i: Interaction) => {
    if (i.isChatInputCommand()) {
      const button = new ButtonBuilder().setCustomId(customId).setLabel('Next').setStyle(ButtonStyle.Primary);
      await i.reply({ content, components: [new ActionRowBuilder<ButtonBuilder>().addComponents(button)] });
    } else if (i.isButton()) {
      await onPress(i);
    }
  };
}

describe('responding', () => {
  it('sees the full body of a reply with an embed', async () => {
    const s = await start(async (i) => {
      if (!i.isChatInputCommand()) return;
      const n = i.options.getInteger('number', true);
      await i.reply({
        embeds: [new EmbedBuilder().setTitle(`Patrol ${n}`).setDescription('Saraqib to Ariha').addFields({ name: 'Date', value: '2020-03-15' })],
        allowedMentions: { parse: [] },
      });
    });
    const r = await s.slashCommand('patrol', { number: 22 });

    expect(r.timedOut).toBe(false);
    expect(r.initial?.type).toBe(InteractionResponseType.ChannelMessageWithSource);
    expect(r.initial?.data?.embeds?.[0]).toMatchObject({ title: 'Patrol 22', fields: [{ name: 'Date', value: '2020-03-15' }] });
    expect(r.initial?.data?.allowed_mentions).toEqual({ parse: [] });
    expect(r.original?.embeds[0]?.description).toBe('Saraqib to Ariha');
    expect(r.originalRecord?.pings).toEqual({ users: [], roles: [], everyone: false, repliedUser: null });
  });

  it('deferReply + editReply: a loading message, then the edit with its body', async () => {
    const s = await start(async (i) => {
      if (!i.isChatInputCommand()) return;
      await i.deferReply({ flags: MessageFlags.Ephemeral });
      await i.editReply({ content: 'done thinking' });
    });
    const r = await s.slashCommand('slow');

    expect(r.initial?.type).toBe(InteractionResponseType.DeferredChannelMessageWithSource);
    const edit = await r.waitForEdit(1);
    expect(edit.viaOriginal).toBe(true);
    expect(edit.body.content).toBe('done thinking');
    expect(r.original?.content).toBe('done thinking');
    expect(r.originalRecord?.ephemeral).toBe(true);
    expect((await r.waitForMessage()).content).toBe('done thinking');
  });

  it('autocomplete: the respond() choices arrive as callback type 8', async () => {
    const s = await start(async (i) => {
      if (!i.isAutocomplete()) return;
      const typed = i.options.getFocused();
      await i.respond([{ name: `Saraqib (typed "${typed}")`, value: 'saraqib' }]);
    });
    const r = await s.autocomplete('where', { place: 'sar' });

    expect(r.initial?.type).toBe(InteractionResponseType.ApplicationCommandAutocompleteResult);
    expect(r.initial?.data?.choices).toEqual([{ name: 'Saraqib (typed "sar")', value: 'saraqib' }]);
    expect(r.original).toBeNull();
  });

  it('a button press answered with update() edits the message the button is on', async () => {
    const s = await start(
      withButton('page:2', 'page 1', (press) => press.update({ content: `page ${press.customId.split(':')[1]}`, components: [] })),
    );
    const first = await s.slashCommand('pages');
    const press = await s.buttonPress('page:2', first.original!);

    expect(press.initial?.type).toBe(InteractionResponseType.UpdateMessage);
    expect(press.initial?.data?.content).toBe('page 2');
    expect(first.original?.content).toBe('page 2'); // the same message, edited in place
    expect(first.original?.components).toEqual([]);
    // With the buttons gone, Discord could not send another press.
    expect(() => s.build.buttonPress('page:2', first.original!)).toThrow(/no component "page:2"/);
  });

  it('deferUpdate + editReply on a button edits the message the button is on', async () => {
    const s = await start(
      withButton('more', 'short', async (press) => {
        await press.deferUpdate();
        await press.editReply({ content: 'long', components: [] });
      }),
    );
    const first = await s.slashCommand('pages');
    const press = await s.buttonPress('more', first.original!);
    expect(press.initial?.type).toBe(InteractionResponseType.DeferredMessageUpdate);
    const edit = await press.waitForEdit(1);
    expect(edit.messageId).toBe(first.original?.id);
    expect(first.original?.content).toBe('long');
    expect((await press.waitForMessage()).content).toBe('long');
  });

  it('withResponse returns the created message; fetchReply reads it back', async () => {
    const fetched = deferred<[string | undefined, string]>();
    const s = await start(async (i) => {
      if (!i.isChatInputCommand()) return;
      const response = await i.reply({ content: 'with response', withResponse: true });
      const again = await i.fetchReply();
      fetched.resolve([response.resource?.message?.content, again.content]);
    });
    const r = await s.slashCommand('slow');
    expect(await fetched.promise).toEqual(['with response', 'with response']);
    expect(r.initial?.withResponse).toBe(true);
    expect(s.requestsTo('GET /webhooks/:app/:token/messages/@original')[0]?.status).toBe(200);
  });

  it('a burst of 200 interactions is answered, none timing out', async () => {
    const s = await start(async (i) => {
      if (i.isChatInputCommand()) await i.reply(`patrol ${i.options.getInteger('number')}`);
    });
    const handles = await Promise.all(Array.from({ length: 200 }, (_, k) => s.slashCommand('patrol', { number: (k % 100) + 1 })));
    expect(handles.filter((h) => h.timedOut)).toEqual([]);
    expect(new Set(handles.map((h) => h.original?.id)).size).toBe(200);
    expect(handles[41]?.initial?.data?.content).toBe('patrol 42');
  });

  it('a reply with a file is read from multipart/form-data', async () => {
    const s = await start(async (i) => {
      if (i.isChatInputCommand()) {
        await i.reply({ content: 'see attached', files: [{ attachment: Buffer.from('patrol,date\n22,2020-03-15\n'), name: 'patrols.csv' }] });
      }
    });
    const r = await s.slashCommand('slow');
    expect(r.initial?.data?.content).toBe('see attached');
    const request = s.requestsTo('POST /interactions/:id/:token/callback')[0]!;
    expect(request.files).toEqual([{ field: 'files[0]', name: 'patrols.csv', size: 26, contentType: expect.any(String) }]);
    expect(r.original?.attachments[0]).toMatchObject({ filename: 'patrols.csv', size: 26 });
  });

  it('follow-ups are recorded with their flags', async () => {
    const s = await start(async (i) => {
      if (!i.isChatInputCommand()) return;
      await i.reply('first');
      await i.followUp({ content: 'only you can see this', flags: MessageFlags.Ephemeral });
    });
    const r = await s.slashCommand('slow');
    const followUp = await r.waitForFollowUp(1);
    expect(followUp.content).toBe('only you can see this');
    expect(r.followUpRecords[0]?.ephemeral).toBe(true);
  });
});

describe("Discord's rules", () => {
  it('an initial response after the deadline is refused with 10062 and the interaction is recorded as timed out', async () => {
    const lateReply = deferred<unknown>();
    const mayAnswer = deferred();
    const s = await start(
      async (i) => {
        if (!i.isChatInputCommand()) return;
        await mayAnswer.promise;
        lateReply.resolve(await rejectionOf(i.reply('too late')));
      },
      // A short deadline keeps the test fast; Discord's (and this server's default) is 3 s.
      { interactionDeadlineMs: 200 },
    );
    const r = s.sendInteraction(s.build.slashCommand('slow'));
    expect(await r.waitForTimeout()).toBe(true);
    mayAnswer.resolve();

    const error = await lateReply.promise;
    expect(error).toBeInstanceOf(DiscordAPIError);
    expect((error as DiscordAPIError).code).toBe(10062);
    expect(r.timedOut).toBe(true);
    expect(r.initial).toBeNull();
    expect((await r.waitForAttempt(1)).status).toBe(404);
    await expect(r.waitForInitial()).rejects.toThrow(/no initial response within 200 ms/);
  });

  it('a second initial response is refused with 40060', async () => {
    const outcomes = deferred<PromiseSettledResult<unknown>[]>();
    const s = await start(async (i) => {
      if (!i.isChatInputCommand()) return;
      // Two concurrent replies both pass discord.js's local "already replied" check.
      outcomes.resolve(await Promise.allSettled([i.reply('one'), i.reply('two')]));
    });
    const r = await s.slashCommand('slow');
    const [first, second] = await outcomes.promise;

    expect(first?.status).toBe('fulfilled');
    expect(second?.status).toBe('rejected');
    const error = (second as PromiseRejectedResult).reason as DiscordAPIError;
    expect(error.code).toBe(40060);
    expect(error.message).toBe('Interaction has already been acknowledged.');
    expect(r.initial?.data?.content).toBe('one');
    expect((await r.waitForAttempt(2)).status).toBe(400);
  });

  it('an oversized embed is refused with 50035 listing the problems; a valid retry then succeeds', async () => {
    const failure = deferred<unknown>();
    const s = await start(async (i) => {
      if (!i.isChatInputCommand()) return;
      const embed = { title: 't'.repeat(257), description: 'd'.repeat(4097) };
      failure.resolve(await rejectionOf(i.reply({ embeds: [embed] })));
      await i.reply({ embeds: [{ title: 'short', description: 'fine' }] });
    });
    const r = await s.slashCommand('slow');
    const error = (await failure.promise) as DiscordAPIError;

    expect(error.code).toBe(50035);
    expect(error.status).toBe(400);
    const request = s.requestsTo('POST /interactions/:id/:token/callback')[0]!;
    expect(request.issues.map((issue) => issue.path)).toEqual(['data.embeds.0.title', 'data.embeds.0.description']);
    expect(request.response).toMatchObject({
      errors: { data: { embeds: { 0: { description: { _errors: [{ code: 'BASE_TYPE_MAX_LENGTH' }] } } } } },
    });
    expect(r.attempts.map((a) => a.status)).toEqual([400, 204]);
    expect(r.initial?.data?.embeds?.[0]?.title).toBe('short');
  });

  it('edits and follow-ups need an acknowledged interaction', async () => {
    const outcome = deferred<[unknown, unknown]>();
    const s = await start(async (i) => {
      if (!i.isChatInputCommand()) return;
      const rest = i.client.rest;
      const edit = await rejectionOf(rest.patch(`/webhooks/${i.applicationId}/${i.token}/messages/@original`, { body: { content: 'x' }, auth: false }));
      const followUp = await rejectionOf(rest.post(`/webhooks/${i.applicationId}/${i.token}`, { body: { content: 'x' }, auth: false }));
      outcome.resolve([edit, followUp]);
      await i.reply('now acknowledged');
    });
    const r = await s.slashCommand('slow');
    const [edit, followUp] = await outcome.promise;
    expect((edit as DiscordAPIError).code).toBe(10008);
    expect((followUp as DiscordAPIError).code).toBe(10015);
    expect(r.initial?.data?.content).toBe('now acknowledged');
  });
});
