/**
 * The gateway transport: a discord.js client that turns Discord events into `Incoming`
 * interactions, hands them to the shared dispatcher and sends back what it answers.
 */
import {
  Client,
  Events,
  GatewayIntentBits,
  Partials,
  type Interaction,
  type Message,
} from 'discord.js';
import { handleInteraction } from '../../interactions/dispatch.ts';
import { storeContext } from '../../interactions/context.ts';
import type { Incoming, Outgoing } from '../../interactions/types.ts';
import type { KnowledgeStore } from '../../runtime/knowledge-store.ts';
import type { Logger } from '../../runtime/logger.ts';
import { createMetrics, type Metrics } from '../../runtime/metrics.ts';
import { observeAnswer, observeFailure } from '../observe.ts';
import { fromAutocomplete, fromChatInput, fromComponent, fromMessageContextMenu } from './incoming.ts';
import type { ShardOptions } from './sharding.ts';
import { messageReplyOptions, replyOptions, updateOptions } from './to-discordjs.ts';

/** Only non-privileged intents: slash commands need none, and a message that @mentions the bot
 * carries its content even without the privileged MESSAGE_CONTENT intent. */
export const BOT_INTENTS = [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages, GatewayIntentBits.DirectMessages];

export interface BotOptions {
  readonly token: string;
  readonly apiUrl: string;
  readonly store: KnowledgeStore;
  readonly log: Logger;
  /** Which shards to run (shardOptions in sharding.ts); one shard, discord.js's default, when left out. */
  readonly shards?: ShardOptions;
  /** Where interactions are counted; a registry of its own unless given. */
  readonly metrics?: Metrics;
}

export interface Bot {
  readonly client: Client;
  start(): Promise<void>;
  stop(): Promise<void>;
}

export function createBot(options: BotOptions): Bot {
  const { store, log } = options;
  const client = new Client({
    intents: BOT_INTENTS,
    partials: [Partials.Channel], // DMs arrive on uncached channels
    rest: { api: options.apiUrl },
    allowedMentions: { parse: [], repliedUser: false },
    ...options.shards,
  });
  const metrics = options.metrics ?? createMetrics({ knowledge: store });
  const ctx = storeContext(store, log);

  async function send(interaction: Interaction, outgoing: Outgoing): Promise<void> {
    if (interaction.isAutocomplete()) {
      if (outgoing.kind === 'choices') await interaction.respond([...outgoing.choices]);
      return;
    }
    if (!interaction.isRepliable()) return;
    switch (outgoing.kind) {
      case 'message':
        await interaction.reply(replyOptions(outgoing));
        return;
      case 'update':
        if (interaction.isMessageComponent()) await interaction.update(updateOptions(outgoing));
        return;
      case 'deferred': {
        await interaction.deferReply(outgoing.ephemeral ? { flags: 'Ephemeral' } : {});
        // Editing the original response with the V2 flag is how a deferred card is completed.
        await interaction.editReply(updateOptions(await outgoing.reply));
        return;
      }
      case 'choices':
        return;
    }
  }

  function incomingOf(interaction: Interaction): Incoming | null {
    if (interaction.isChatInputCommand()) return fromChatInput(interaction);
    if (interaction.isMessageContextMenuCommand()) return fromMessageContextMenu(interaction);
    if (interaction.isAutocomplete()) return fromAutocomplete(interaction);
    if (interaction.isButton() || interaction.isStringSelectMenu()) return fromComponent(interaction);
    return null;
  }

  client.on(Events.InteractionCreate, async (interaction) => {
    const incoming = incomingOf(interaction);
    if (!incoming) return;
    const started = performance.now();
    try {
      const outgoing = await handleInteraction(incoming, ctx);
      await send(interaction, outgoing);
      observeAnswer(metrics, incoming, outgoing, started);
    } catch (err) {
      // Sending failed (Discord down, token expired, a 5xx): log it; the bot carries on.
      observeFailure(metrics, incoming, started);
      log.error({ err, interactionId: interaction.id, kind: incoming.kind, shardId: interaction.guild?.shardId ?? 0 }, 'could not send the answer');
    }
  });

  client.on(Events.MessageCreate, async (message: Message) => {
    if (message.author.bot || !client.user || !message.mentions.users.has(client.user.id)) return;
    const incoming: Incoming = { kind: 'mention', content: message.content, userId: message.author.id };
    const started = performance.now();
    try {
      const outgoing = await handleInteraction(incoming, ctx);
      if (outgoing.kind === 'message') await message.reply(messageReplyOptions(outgoing));
      observeAnswer(metrics, incoming, outgoing, started);
    } catch (err) {
      observeFailure(metrics, incoming, started);
      log.error({ err, messageId: message.id }, 'could not answer a mention');
    }
  });

  client.on(Events.ClientReady, (ready) =>
    log.info({ user: ready.user.tag, guilds: ready.guilds.cache.size, shards: [...ready.ws.shards.keys()], shardCount: ready.options.shardCount }, 'connected to Discord'),
  );
  client.on(Events.ShardReady, (shardId) => log.info({ shardId }, 'shard ready'));
  client.on(Events.Error, (err) => log.error({ err }, 'discord client error'));
  client.on(Events.ShardResume, (shardId, replayed) => log.info({ shardId, replayed }, 'gateway session resumed'));
  client.on(Events.ShardDisconnect, (event, shardId) => log.warn({ code: event.code, shardId }, 'gateway disconnected'));

  return {
    client,
    async start() {
      await client.login(options.token);
    },
    async stop() {
      await client.destroy();
    },
  };
}
