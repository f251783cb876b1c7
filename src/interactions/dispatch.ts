/**
 * The one entry point for every interaction, whichever transport received it, and the central
 * error boundary: a handler that throws gives the user a short ephemeral message carrying an
 * error id, and the log gets the full error under the same id. Autocomplete fails silently (an
 * empty list) because Discord shows nothing useful for an autocomplete error anyway. A deferred
 * answer's work is inside the boundary too: when it fails, the user gets the same message in
 * place of the answer, whichever transport delivers it.
 */
import { randomBytes } from 'node:crypto';
import { escapeMarkdown, MessageFlags } from 'discord.js';
import type { Logger } from '../runtime/logger.ts';
import { answerReply, chatReply } from './answer-reply.ts';
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
    const outgoing = await route(incoming, ctx);
    // Work that finishes after the acknowledgement fails inside the same boundary as work done before it.
    if (outgoing.kind === 'deferred') return { ...outgoing, data: outgoing.data.catch((err: unknown) => failureMessage(err, incoming, ctx)) };
    return outgoing;
  } catch (err) {
    if (incoming.kind === 'autocomplete') {
      ctx.log.warn({ err, command: incoming.name, userId: incoming.userId }, 'autocomplete failed');
      return { kind: 'choices', choices: [] };
    }
    return { kind: 'message', data: failureMessage(err, incoming, ctx) };
  }
}

function failureMessage(err: unknown, incoming: Incoming, ctx: CommandContext): MessageData {
  // Its message may quote what the user typed: escaped so it cannot format or link.
  if (err instanceof UserFacingError) return notice(escapeMarkdown(err.message));
  return failureNotice(ctx.log, err, { interaction: describe(incoming) }, 'interaction handler failed');
}

/** For an error nobody planned for: a fresh id, the full error logged under it, and a notice that gives the user the id. */
export function failureNotice(log: Logger, err: unknown, context: Readonly<Record<string, unknown>>, logMessage: string): MessageData {
  const errorId = randomBytes(4).toString('hex');
  log.error({ err, errorId, ...context }, logMessage);
  return notice(`Something went wrong while answering (error id \`${errorId}\`). Please try again; if it keeps happening, tell a moderator the error id.`);
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
      return { kind: 'message', data: chatReply(index, incoming.content, { userId: incoming.userId, page: 0, now: ctx.now(), ephemeral: false }) };
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
