/**
 * What the page shows for a typed command, a button press, a menu choice or a list entry: the
 * message the bot would send, built by the bot's own dispatcher and reply functions (never a copy),
 * with its markdown parsed for drawing. Nothing here writes anything: the context's reload refuses.
 */
import { cardReply } from '../../interactions/answer-reply.ts';
import { storeContext } from '../../interactions/context.ts';
import { handleInteraction } from '../../interactions/dispatch.ts';
import { UserFacingError, type CommandContext, type Incoming, type MessageData } from '../../interactions/types.ts';
import { decodePress, decodeTarget, encodePress, MENU_ID } from '../../render/custom-ids.ts';
import type { Logger } from '../../runtime/logger.ts';
import type { KnowledgeIndex } from '../../search/types.ts';
import { parseCommand } from '../terminal/parse-command.ts';
import { eachComponent } from './components.ts';
import { parseMarkdown, type MdNode } from './markdown.ts';

/** Who "asks" in the preview: no Discord user, and no permissions (so /reload would be refused too). */
export const PREVIEW_USER = '0';

export interface Shown {
  /** A new message, or one that replaces the message the press came from (a card only the presser sees). */
  readonly kind: 'message' | 'update';
  readonly message: MessageData;
  /** Every text of the message parsed as Discord markdown, keyed by the text itself. */
  readonly markdown: Readonly<Record<string, readonly MdNode[]>>;
  /** The card or panel the message shows, as a press (`o:patrol:number=22`): for its pictures. */
  readonly card?: string;
}

export type AskResult = { readonly ok: true; readonly shown: Shown } | { readonly ok: false; readonly problem: string; readonly usage: string };

export interface IndexSource {
  readonly current: KnowledgeIndex | null;
  ready(): Promise<KnowledgeIndex>;
}

/** A command context for the dispatcher that can answer but never reload anything. */
export function readOnlyContext(store: IndexSource, log: Logger): CommandContext {
  const refuse = () => Promise.reject(new UserFacingError('The preview reloads by itself when a knowledge file is saved.'));
  // A getter, as storeContext's own: every request sees the index the store serves at that moment.
  return storeContext({ get current() { return store.current; }, ready: () => store.ready(), reload: refuse }, log);
}

/** `/patrol 22` as typed in Discord's command bar, answered by the bot's dispatcher. */
export async function ask(ctx: CommandContext, text: string): Promise<AskResult> {
  const parsed = parseCommand(text);
  if (!parsed.ok) return { ok: false, problem: parsed.problem, usage: parsed.usage };
  const { command, ...options } = parsed.query;
  const incoming: Incoming = { kind: 'command', name: command, options, userId: PREVIEW_USER };
  return { ok: true, shown: await shown(incoming, ctx, encodePress({ action: 'open', target: parsed.query })) };
}

/**
 * A button (its custom id) or a menu choice (MENU_ID and the value picked), on a message that is
 * public or only the presser's (`ephemeral`): what the bot answers, by its dispatcher.
 */
export async function press(ctx: CommandContext, customId: string, value: string | undefined, ephemeral: boolean): Promise<Shown> {
  const incoming: Incoming = { kind: 'component', customId, ...(value !== undefined ? { values: [value] } : {}), userId: PREVIEW_USER, ephemeral };
  return shown(incoming, ctx, cardOfPress(customId, value));
}

/** A list entry (`patrol:number=22`): its card as the bot answers the command, in public. */
export async function open(ctx: CommandContext, targetText: string): Promise<Shown | null> {
  const target = decodeTarget(targetText);
  if (!target.ok) return null;
  const index = ctx.index ?? (await ctx.ready());
  return withMarkdown('message', cardReply(index, target.value, { ephemeral: false }).data, encodePress({ action: 'open', target: target.value }));
}

/** The press a message shows: the button's own, or "open" the target a menu choice carries. */
function cardOfPress(customId: string, value: string | undefined): string | null {
  if (customId !== MENU_ID) return decodePress(customId).ok ? customId : null;
  const target = value === undefined ? undefined : decodeTarget(value);
  return target?.ok ? encodePress({ action: 'open', target: target.value }) : null;
}

async function shown(incoming: Incoming, ctx: CommandContext, card: string | null): Promise<Shown> {
  const out = await handleInteraction(incoming, ctx);
  switch (out.kind) {
    case 'message':
    case 'update':
      return withMarkdown(out.kind, out.data, isNotice(out.data) ? null : card);
    case 'deferred':
      // Before the first load: Discord would show "thinking…" and then the answer; the page just waits.
      return withMarkdown('message', (await out.reply).data, card);
    case 'choices':
      throw new Error('the dispatcher answered a command with autocomplete choices');
  }
}

/** An error or refusal: plain content, no card and so no picture. */
function isNotice(message: MessageData): boolean {
  return message.content !== undefined && (message.components ?? []).length === 0;
}

function withMarkdown(kind: Shown['kind'], message: MessageData, card: string | null): Shown {
  const markdown: Record<string, MdNode[]> = {};
  for (const text of texts(message)) markdown[text] ??= parseMarkdown(text);
  return { kind, message, markdown, ...(card ? { card } : {}) };
}

/** The message's content and every text display, at any depth. */
function texts(message: MessageData): string[] {
  const out = message.content ? [message.content] : [];
  for (const c of eachComponent(message)) if ('content' in c && typeof c.content === 'string') out.push(c.content);
  return out;
}
