/**
 * The one entry point for every interaction, whichever transport received it, and the central
 * error boundary: a handler that throws gives the user a short ephemeral message carrying an
 * error id, and the log gets the full error under the same id. Autocomplete fails silently (an
 * empty list) because Discord shows nothing useful for an autocomplete error anyway.
 */
import { randomBytes } from 'node:crypto';
import { escapeMarkdown, MessageFlags } from 'discord.js';
import { answerReply } from './answer-reply.ts';
import { keywordQuery } from './keywords.ts';
import { decodePageId } from './paging.ts';
import { commands } from './registry.ts';
import { UserFacingError, type CommandContext, type Incoming, type MessageData, type Outgoing } from './types.ts';

const notice = (text: string): MessageData => ({
  content: text,
  flags: MessageFlags.Ephemeral,
  allowed_mentions: { parse: [] },
});

export async function handleInteraction(incoming: Incoming, ctx: CommandContext): Promise<Outgoing> {
  try {
    return await route(incoming, ctx);
  } catch (err) {
    if (incoming.kind === 'autocomplete') {
      ctx.log.warn({ err, command: incoming.name, userId: incoming.userId }, 'autocomplete failed');
      return { kind: 'choices', choices: [] };
    }
    // Its message may quote what the user typed: escaped so it cannot format or link.
    if (err instanceof UserFacingError) return { kind: 'message', data: notice(escapeMarkdown(err.message)) };
    const errorId = randomBytes(4).toString('hex');
    ctx.log.error({ err, errorId, interaction: describe(incoming) }, 'interaction handler failed');
    return { kind: 'message', data: notice(`Something went wrong while answering (error id \`${errorId}\`). Please try again; if it keeps happening, tell a moderator the error id.`) };
  }
}

async function route(incoming: Incoming, ctx: CommandContext): Promise<Outgoing> {
  switch (incoming.kind) {
    case 'command': {
      const command = commands.get(incoming.name);
      if (!command) return { kind: 'message', data: notice(`This bot has no command called that any more. Try /help.`) };
      return command.execute(incoming, ctx);
    }
    case 'autocomplete': {
      const command = commands.get(incoming.name);
      // Autocomplete has no way to defer: with no index yet, say nothing rather than wait.
      if (!command?.autocomplete || !ctx.index) return { kind: 'choices', choices: [] };
      return { kind: 'choices', choices: command.autocomplete(incoming, ctx.index).slice(0, 25) };
    }
    case 'button':
      return turnPage(incoming, ctx);
    case 'mention': {
      const index = ctx.index ?? (await ctx.ready());
      const query = keywordQuery(incoming.content);
      const request = { userId: incoming.userId, page: 0, now: ctx.now(), ephemeral: false };
      const data = query
        ? answerReply(index, { ...request, command: 'search', options: { query } })
        : answerReply(index, { ...request, command: 'help', options: {} });
      return { kind: 'message', data };
    }
  }
}

async function turnPage(incoming: Extract<Incoming, { kind: 'button' }>, ctx: CommandContext): Promise<Outgoing> {
  const state = decodePageId(incoming.customId);
  if (!state || !commands.has(state.command)) return { kind: 'message', data: notice('This button is not one I know. Run the command again.') };
  if (state.userId !== incoming.userId) return { kind: 'message', data: notice('Only the person who asked can turn these pages. Run the command yourself to browse.') };
  if (ctx.now() > state.expiresAt) return { kind: 'message', data: notice('These buttons have expired. Run the command again for a fresh answer.') };
  // A page turn cannot wait for a first load past Discord's 3 seconds; it is rare enough to just say so.
  if (!ctx.index) return { kind: 'message', data: notice('The fact base is still loading. Try again in a moment.') };
  const data = answerReply(ctx.index, {
    command: state.command,
    options: state.options,
    userId: state.userId,
    page: state.page,
    now: ctx.now(),
    ephemeral: false, // an update keeps the message's own visibility
    expiresAt: state.expiresAt,
  });
  return { kind: 'update', data };
}

function describe(incoming: Incoming) {
  switch (incoming.kind) {
    case 'command':
    case 'autocomplete':
      return { kind: incoming.kind, command: incoming.name, userId: incoming.userId };
    case 'button':
      return { kind: incoming.kind, customId: incoming.customId, userId: incoming.userId };
    case 'mention':
      return { kind: incoming.kind, userId: incoming.userId, length: incoming.content.length };
  }
}
