/**
 * The interaction layer's own vocabulary, shared by both Discord transports (the gateway client and
 * the HTTP endpoint). Each transport turns what it receives into an `Incoming` and sends back the
 * `Outgoing` it gets, so a command is written once and behaves the same over both.
 */
import type {
  APIApplicationCommandOptionChoice,
  APIInteractionResponseCallbackData,
  RESTPostAPIApplicationCommandsJSONBody,
} from 'discord.js';
import type { KnowledgeIndex } from '../search/types.ts';
import type { Logger } from '../runtime/logger.ts';
import type { ReloadOutcome } from '../runtime/knowledge-store.ts';

export type OptionValue = string | number | boolean;
export type OptionValues = Readonly<Record<string, OptionValue | undefined>>;

export type Incoming =
  | {
      readonly kind: 'command';
      readonly name: string;
      readonly options: OptionValues;
      readonly userId: string;
      readonly targetMessage?: { readonly id: string; readonly content: string };
      /** The member's permissions in the channel (Discord's bitfield, a decimal string); absent outside a server. */
      readonly memberPermissions?: string;
    }
  | { readonly kind: 'autocomplete'; readonly name: string; readonly options: OptionValues; readonly focused: string; readonly userId: string }
  /**
   * A press of a button, or a choice in a select menu (then `values` holds what was picked), on a
   * message of the bot's. `ephemeral` says whether that message is visible only to the presser.
   */
  | { readonly kind: 'component'; readonly customId: string; readonly values?: readonly string[]; readonly userId: string; readonly ephemeral: boolean }
  /** A chat message that @mentions the bot (gateway only). */
  | { readonly kind: 'mention'; readonly content: string; readonly userId: string };

export type MessageData = APIInteractionResponseCallbackData;

/** A file sent with a message: a card's picture, which the card shows as `attachment://<name>`. */
export interface OutgoingFile {
  readonly name: string;
  readonly data: Buffer;
  /** Alt text, the same as the card gives the picture. */
  readonly description?: string;
}

/**
 * A message as API JSON, and the files it uploads. When there are files, `data.attachments` lists
 * them in the same order (`id` is the index into `files`), as Discord's multipart upload requires.
 */
export interface Reply {
  readonly data: MessageData;
  readonly files?: readonly OutgoingFile[];
}

export type Outgoing =
  | ({ readonly kind: 'message' } & Reply)
  /** Replace the message a component belongs to (browsing within a card only the presser sees). */
  | ({ readonly kind: 'update' } & Reply)
  | { readonly kind: 'choices'; readonly choices: readonly APIApplicationCommandOptionChoice[] }
  /** Acknowledge now and send `reply` when it is ready: for work that might pass Discord's 3 seconds. */
  | { readonly kind: 'deferred'; readonly ephemeral: boolean; readonly reply: Promise<Reply> };

/** What a command handler may use. Handlers never touch discord.js or HTTP. */
export interface CommandContext {
  /** The current index, or null while the first load is still running. */
  readonly index: KnowledgeIndex | null;
  /** Resolves once an index is loaded. */
  ready(): Promise<KnowledgeIndex>;
  /** Reload the knowledge files now (the admin /reload). */
  reload(): Promise<ReloadOutcome>;
  readonly log: Logger;
}

export interface CommandModule {
  /** Exactly what Discord is told at deploy time. */
  readonly data: RESTPostAPIApplicationCommandsJSONBody;
  execute(incoming: Extract<Incoming, { kind: 'command' }>, ctx: CommandContext): Outgoing | Promise<Outgoing>;
  autocomplete?(incoming: Extract<Incoming, { kind: 'autocomplete' }>, index: KnowledgeIndex): readonly APIApplicationCommandOptionChoice[];
}

/** An error whose message is safe and useful to show the user as it is. */
export class UserFacingError extends Error {
  override name = 'UserFacingError';
}
