import { Events, MessageFlags, type Message } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { deferred, useServerAndClient } from './bare-client.ts';

// Chat messages: MESSAGE_CREATE filtered by intents, content hidden without MESSAGE_CONTENT unless the
// bot is mentioned, replies through the channel route with their pings, and message context menus.

const { start } = useServerAndClient();

describe('messages from users', () => {
  it('without MESSAGE_CONTENT the bot sees content only when it is mentioned', async () => {
    const [s, c] = await start();
    const seen: Message[] = [];
    const two = deferred();
    c.on(Events.MessageCreate, (message) => {
      if (message.author.bot) return;
      seen.push(message);
      if (seen.length === 2) two.resolve();
    });
    const plain = s.messageCreate('what happened at Saraqib?');
    const mentioned = s.messageCreate(`${s.mention(s.bot)} what happened at Saraqib?`);
    await two.promise;

    expect(plain.deliveredTo).toBe(1);
    expect(seen.find((m) => m.id === plain.id)?.content).toBe('');
    expect(seen.find((m) => m.id === mentioned.id)?.content).toBe(`<@${s.bot.id}> what happened at Saraqib?`);
    expect(seen.find((m) => m.id === mentioned.id)?.mentions.has(s.bot.id)).toBe(true);
  });

  it('a reply to a mention is recorded with allowed_mentions and pings no one when told so', async () => {
    const [s, c] = await start();
    c.on(Events.MessageCreate, (message) => {
      if (message.author.bot || !message.mentions.has(s.bot.id)) return;
      void message.reply({ content: `${s.mention(message.author)} see patrol 22`, allowedMentions: { parse: [], repliedUser: false } });
    });
    const question = s.messageCreate(`${s.mention(s.bot)} patrol 22?`);
    const reply = await question.waitForReply();

    expect(reply.message.content).toBe(`<@${s.tester.id}> see patrol 22`);
    expect(reply.message.message_reference?.message_id).toBe(question.id);
    expect(reply.allowedMentions).toEqual({ parse: [], replied_user: false });
    expect(reply.pings).toEqual({ users: [], roles: [], everyone: false, repliedUser: null });
  });

  it('without allowed_mentions the same reply would ping the asker', async () => {
    const [s, c] = await start();
    c.on(Events.MessageCreate, (message) => {
      if (message.author.bot || !message.mentions.has(s.bot.id)) return;
      void message.reply(`${s.mention(message.author)} see patrol 22`);
    });
    const reply = await s.messageCreate(`${s.mention(s.bot)} patrol 22?`).waitForReply();
    expect(reply.pings.users).toEqual([s.tester.id]);
    expect(reply.pings.repliedUser).toBe(s.tester.id);
  });

  it('a message context menu carries the target message with its content, whatever the intents', async () => {
    const [s, c] = await start();
    await c.application!.commands.set([{ type: 3, name: 'Find patrol facts' }], s.guild.id);
    c.on(Events.InteractionCreate, (interaction) => {
      if (!interaction.isMessageContextMenuCommand()) return;
      void interaction.reply({ content: `You asked about: ${interaction.targetMessage.content}`, flags: MessageFlags.Ephemeral });
    });
    const target = s.messageCreate('the patrol turned back near Nayrab', { author: s.addUser('someone') });
    const r = await s.messageContextMenu('Find patrol facts', target.record);

    expect(r.initial?.data?.content).toBe('You asked about: the patrol turned back near Nayrab');
    expect(r.originalRecord?.ephemeral).toBe(true);
    const data = r.payload.data as { target_id: string; resolved: { messages: Record<string, { content: string }> } };
    expect(data.target_id).toBe(target.id);
    expect(data.resolved.messages[target.id]?.content).toBe('the patrol turned back near Nayrab');
  });
});

describe('driver guards', () => {
  it('refuses interactions Discord could not send', async () => {
    const [s, c] = await start();
    await c.application!.commands.set(
      [
        { name: 'patrol', description: 'p', options: [{ type: 4, name: 'number', description: 'n', required: true, min_value: 1, max_value: 100 }] },
        { name: 'reload', description: 'admins only', default_member_permissions: '0' },
      ],
      s.guild.id,
    );
    expect(() => s.build.slashCommand('nope')).toThrow(/not registered/);
    expect(() => s.build.slashCommand('patrol', {})).toThrow(/required option "number"/);
    expect(() => s.build.slashCommand('patrol', { number: 101 })).toThrow(/above 100/);
    expect(() => s.build.slashCommand('patrol', { number: 2, extra: 'x' })).toThrow(/no option named "extra"/);
    expect(() => s.build.slashCommand('reload')).toThrow(/tester cannot see \/reload/);
    expect(s.build.slashCommand('reload', {}, { user: s.owner }).member).toBeDefined();
  });

  it('builds guild interactions like Discord: member with permissions, no top-level user, snowflake ids', async () => {
    const [s, c] = await start();
    await c.application!.commands.set([{ name: 'ping', description: 'p' }], s.guild.id);
    const payload = s.build.slashCommand('ping');
    expect(payload).toMatchObject({
      application_id: s.applicationId,
      type: 2,
      version: 1,
      guild_id: s.guild.id,
      channel_id: s.channelId(),
      context: 0,
      entitlements: [],
      authorizing_integration_owners: { '0': s.guild.id },
      member: { user: { id: s.tester.id } },
    });
    expect(payload.user).toBeUndefined();
    expect(String(payload.id)).toMatch(/^\d{17,20}$/);
    expect((payload.member as { permissions: string }).permissions).toMatch(/^\d+$/);
  });
});
