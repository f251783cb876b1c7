import { GatewayIntentBits } from 'discord.js';
import type { MessageRecord } from '../model/messages.ts';
import { memberJson } from '../model/serialize.ts';
import type { World } from '../model/world.ts';
import type { Session } from './gateway.ts';

// MESSAGE_CREATE / MESSAGE_UPDATE as a given session receives them: only with GUILD_MESSAGES (guild
// channels) or DIRECT_MESSAGES (DMs), never for ephemeral messages, and without the MESSAGE_CONTENT
// intent the content, embeds, attachments and components are emptied unless the message is the bot's
// own, is a DM, or mentions the bot (a reply that pings the bot counts as a mention).

export function messageEventFor(world: World, record: MessageRecord, session: Session): Record<string, unknown> | undefined {
  const inGuild = record.guildId !== null;
  if ((session.intents & (inGuild ? GatewayIntentBits.GuildMessages : GatewayIntentBits.DirectMessages)) === 0) return undefined;
  if (record.ephemeral) return undefined;
  const message = structuredClone(record.message) as unknown as Record<string, unknown>;
  const mentionsBot = record.message.mentions.some((u) => u.id === world.bot.id);
  const mayReadContent =
    (session.intents & GatewayIntentBits.MessageContent) !== 0 || !inGuild || record.authorId === world.bot.id || mentionsBot;
  if (!mayReadContent) {
    message.content = '';
    message.embeds = [];
    message.attachments = [];
    message.components = [];
    delete message.poll;
  }
  if (inGuild) {
    message.guild_id = record.guildId;
    if (world.guild.members.has(record.authorId)) message.member = memberJson(world, record.authorId);
  }
  return message;
}

export function messageDeleteFor(record: MessageRecord, session: Session): Record<string, unknown> | undefined {
  const inGuild = record.guildId !== null;
  if ((session.intents & (inGuild ? GatewayIntentBits.GuildMessages : GatewayIntentBits.DirectMessages)) === 0) return undefined;
  if (record.ephemeral) return undefined;
  return { id: record.id, channel_id: record.channelId, ...(inGuild ? { guild_id: record.guildId } : {}) };
}
