/**
 * The one entry point for every interaction, whichever transport received it, and the central
 * error boundary: a handler that throws gives the user a short ephemeral message carrying an
 * error id, and the log gets the full error under the same id. Autocomplete fails silently (an
 * empty list) because Discord shows nothing useful for an autocomplete error anyway. A deferred
 * answer's work is inside the boundary too: when it fails, the user gets the same message in
 * place of the answer, whichever transport delivers it.
 */
import { randomBytes } from 'node:crypto';
import type { Logger } from '../runtime/logger.ts';
import { decodePress, decodeTarget, MENU_ID, type Decoded, type Press } from '../render/custom-ids.ts';
import { renderNotice } from '../render/discord.ts';
import { escapeMarkdown } from '../render/escape.ts';
import { cardReply, chatReply, panelReply } from './answer-reply.ts';
import { commands } from './registry.ts';
import { UserFacingError, type CommandContext, type Incoming, type MessageData, type Outgoing } from './types.ts';

export async function handleInteraction(incoming: Incoming, ctx: CommandContext): Promise<Outgoing> {
  try {
    const outgoing = await route(incoming, ctx);
    // Work that finishes after the acknowledgement fails inside the same boundary as work done before it.
    if (outgoing.kind === 'deferred') return { ...outgoing, reply: outgoing.reply.catch((err: unknown) => ({ data: failureMessage(err, incoming, ctx) })) };
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
  if (err instanceof UserFacingError) return renderNotice(escapeMarkdown(err.message));
  return failureNotice(ctx.log, err, { interaction: describe(incoming) }, 'interaction handler failed');
}

/** For an error nobody planned for: a fresh id, the full error logged under it, and a notice that gives the user the id. */
export function failureNotice(log: Logger, err: unknown, context: Readonly<Record<string, unknown>>, logMessage: string): MessageData {
  const errorId = randomBytes(4).toString('hex');
  log.error({ err, errorId, ...context }, logMessage);
  return renderNotice(`Something went wrong while answering (error id \`${errorId}\`). Please try again; if it keeps happening, tell a moderator the error id.`);
}

async function route(incoming: Incoming, ctx: CommandContext): Promise<Outgoing> {
  switch (incoming.kind) {
    case 'command': {
      const command = commands.get(incoming.name);
      if (!command) return { kind: 'message', data: renderNotice(`This bot has no command called that any more. Try /help.`) };
      return command.execute(incoming, ctx);
    }
    case 'autocomplete': {
      const command = commands.get(incoming.name);
      // Autocomplete has no way to defer: with no index yet, say nothing rather than wait.
      if (!command?.autocomplete || !ctx.index) return { kind: 'choices', choices: [] };
      return { kind: 'choices', choices: command.autocomplete(incoming, ctx.index).slice(0, 25) };
    }
    case 'component':
      return press(incoming, ctx);
    case 'mention': {
      const index = ctx.index ?? (await ctx.ready());
      return { kind: 'message', ...chatReply(index, incoming.content, { ephemeral: false }) };
    }
  }
}

/** What a component asks for: the press a button's custom id carries, or the target a menu option does. */
function pressOf(incoming: Extract<Incoming, { kind: 'component' }>): Decoded<Press> {
  if (incoming.customId !== MENU_ID) return decodePress(incoming.customId);
  const value = incoming.values?.[0];
  if (value === undefined) return { ok: false, reason: 'unknown' };
  const target = decodeTarget(value);
  return target.ok ? { ok: true, value: { action: 'open', target: target.value } } : target;
}

/**
 * A button or a menu choice. Anyone may press, and what opens is shown only to them: a panel as a
 * message of its own; another card as a message of its own under a public card (which stays as
 * everyone saw it), or in place of a card only the presser sees, so browsing does not pile up messages.
 */
async function press(incoming: Extract<Incoming, { kind: 'component' }>, ctx: CommandContext): Promise<Outgoing> {
  const decoded = pressOf(incoming);
  if (!decoded.ok) {
    if (decoded.reason === 'old') return { kind: 'message', data: renderNotice('These buttons are from an earlier version of the bot. Run the command again for a fresh answer.') };
    if (decoded.reason === 'invalid' && decoded.message) return { kind: 'message', data: renderNotice(escapeMarkdown(decoded.message)) };
    return { kind: 'message', data: renderNotice('This button is not one I know. Run the command again.') };
  }
  // A press cannot wait for a first load past Discord's 3 seconds; it is rare enough to just say so.
  if (!ctx.index) return { kind: 'message', data: renderNotice('The fact base is still loading. Try again in a moment.') };
  const { action, target } = decoded.value;
  if (action !== 'open') return { kind: 'message', ...panelReply(ctx.index, target, action) };
  if (incoming.ephemeral) return { kind: 'update', ...cardReply(ctx.index, target, { ephemeral: true }) };
  return { kind: 'message', ...cardReply(ctx.index, target, { ephemeral: true }) };
}

function describe(incoming: Incoming) {
  switch (incoming.kind) {
    case 'command':
    case 'autocomplete':
      return { kind: incoming.kind, command: incoming.name, userId: incoming.userId };
    case 'component':
      return { kind: incoming.kind, customId: incoming.customId, userId: incoming.userId };
    case 'mention':
      return { kind: incoming.kind, userId: incoming.userId, length: incoming.content.length };
  }
}
