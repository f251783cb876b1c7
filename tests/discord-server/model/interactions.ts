import {
  InteractionResponseType,
  MessageFlags,
  type APIApplicationCommandOptionChoice,
  type APIInteractionResponseCallbackData,
  type APIMessage,
} from 'discord.js';
import type { DiscordErrorBody } from '../lib/errors.ts';
import { changeEmitter, DEFAULT_WAIT_MS, waitUntil } from '../lib/wait.ts';
import type { MessageRecord, MessageStore } from './messages.ts';

// The life of one interaction as Discord tracks it: dispatched, then exactly one initial response within
// the deadline (3 s), then edits and follow-ups with the token for 15 minutes. A handle per interaction
// lets a test await each step with its full request body.

/** Callback `data` as the bot sent it: a message, autocomplete choices, or a modal. */
export type CallbackData = APIInteractionResponseCallbackData & {
  choices?: APIApplicationCommandOptionChoice[];
  custom_id?: string;
  title?: string;
};

export interface CallbackAttempt {
  at: number;
  /** Callback type requested, when the body had one. */
  type: number | undefined;
  body: unknown;
  status: number;
  /** Discord error body returned for a rejected attempt. */
  error?: DiscordErrorBody;
  /** The attempt was answered by an injected fault (failNext / rateLimitNext). */
  injected: boolean;
}

export interface InitialResponse {
  type: number;
  data: CallbackData | undefined;
  /** The full callback request body ({ type, data }). */
  body: Record<string, unknown>;
  at: number;
  /** Milliseconds between dispatch and the accepted callback. */
  latencyMs: number;
  /** Id of the message the response created or updated, if any. */
  messageId: string | null;
  withResponse: boolean;
}

export interface WebhookEdit {
  messageId: string;
  /** Edited through `@original` (rather than an explicit message id). */
  viaOriginal: boolean;
  body: Record<string, unknown>;
  at: number;
  message: APIMessage;
}

export type InteractionState = 'pending' | 'acknowledged' | 'timed-out';

export class InteractionHandle {
  state: InteractionState = 'pending';
  initial: InitialResponse | null = null;
  readonly attempts: CallbackAttempt[] = [];
  readonly edits: WebhookEdit[] = [];
  readonly followUpIds: string[] = [];
  originalMessageId: string | null = null;
  readonly dispatchedAt = Date.now();
  readonly changes = changeEmitter();
  /** Resolves once the interaction is acknowledged or has timed out. */
  readonly settled: Promise<this>;
  private settle!: () => void;
  private accepted: InitialResponse | null = null;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    readonly payload: Record<string, unknown>,
    /** Human-readable name for messages: "/patrol", "button page:next", "autocomplete /where". */
    readonly label: string,
    private readonly messages: MessageStore,
    readonly deadlineMs: number,
    readonly tokenLifetimeMs: number,
  ) {
    this.settled = new Promise<this>((resolve) => {
      this.settle = () => resolve(this);
    });
    this.timer = setTimeout(() => this.expire(), deadlineMs);
    this.timer.unref();
  }

  get id(): string {
    return this.payload.id as string;
  }
  get token(): string {
    return this.payload.token as string;
  }
  get type(): number {
    return this.payload.type as number;
  }
  get timedOut(): boolean {
    return this.state === 'timed-out';
  }
  get acknowledged(): boolean {
    return this.state === 'acknowledged';
  }
  get tokenExpired(): boolean {
    return Date.now() > this.dispatchedAt + this.tokenLifetimeMs;
  }

  /** The response message (`@original`) as it is now, or null when there is none (or it was deleted). */
  get original(): APIMessage | null {
    const record = this.originalRecord;
    return record && !record.deleted ? record.message : null;
  }
  get originalRecord(): MessageRecord | null {
    return this.originalMessageId ? (this.messages.get(this.originalMessageId) ?? null) : null;
  }
  get followUps(): APIMessage[] {
    return this.followUpRecords.map((r) => r.message);
  }
  get followUpRecords(): MessageRecord[] {
    return this.followUpIds.map((id) => this.messages.get(id)).filter((r): r is MessageRecord => r !== undefined);
  }

  /**
   * Called by the callback route when it accepts the initial response. The rules (one response only,
   * deadline) apply from here on; `initial` and `settled` follow once the HTTP answer has been sent
   * (recordAttempt), so a test that awaits them also sees the request log complete.
   */
  acknowledge(initial: InitialResponse): void {
    clearTimeout(this.timer);
    this.state = 'acknowledged';
    this.accepted = initial;
    this.originalMessageId = initial.messageId;
  }

  /** Called after every callback request has been answered, accepted or not. */
  recordAttempt(attempt: CallbackAttempt): void {
    this.attempts.push(attempt);
    if (attempt.status < 300 && this.accepted && !this.initial) {
      this.initial = this.accepted;
      this.settle();
    }
    this.changes.emit('change');
  }

  recordEdit(edit: WebhookEdit): void {
    this.edits.push(edit);
    this.changes.emit('change');
  }

  recordFollowUp(messageId: string): void {
    this.followUpIds.push(messageId);
    this.changes.emit('change');
  }

  /** Stops the deadline timer (server shutdown). */
  dispose(): void {
    clearTimeout(this.timer);
  }

  private expire(): void {
    if (this.state !== 'pending') return;
    this.state = 'timed-out';
    this.changes.emit('change');
    this.changes.emit('timeout');
    this.settle();
  }

  private describeAttempts(): string {
    if (this.attempts.length === 0) return 'no callback attempts';
    return `callback attempts answered ${this.attempts.map((a) => a.status).join(', ')}`;
  }

  /** The accepted initial response; rejects if the deadline passes without one. */
  waitForInitial(timeoutMs: number = this.deadlineMs + DEFAULT_WAIT_MS): Promise<InitialResponse> {
    return waitUntil(
      this.changes,
      () => {
        if (this.initial) return this.initial;
        if (this.timedOut) {
          throw new Error(
            `${this.label}: no initial response within ${this.deadlineMs} ms (${this.describeAttempts()})`,
          );
        }
        return undefined;
      },
      `the initial response to ${this.label}`,
      timeoutMs,
    );
  }

  /** Resolves true once the interaction has timed out (false if it was acknowledged instead). */
  waitForTimeout(timeoutMs: number = this.deadlineMs + DEFAULT_WAIT_MS): Promise<boolean> {
    return waitUntil(
      this.changes,
      () => (this.state === 'pending' ? undefined : this.timedOut),
      `${this.label} to time out`,
      timeoutMs,
    );
  }

  /** The n-th (1-based) callback attempt, accepted or not. */
  waitForAttempt(n = 1, timeoutMs = DEFAULT_WAIT_MS): Promise<CallbackAttempt> {
    return waitUntil(this.changes, () => this.attempts[n - 1], `callback attempt #${n} for ${this.label}`, timeoutMs);
  }

  /** The n-th (1-based) edit of a message of this interaction through its webhook. */
  waitForEdit(n = 1, timeoutMs = DEFAULT_WAIT_MS): Promise<WebhookEdit> {
    return waitUntil(this.changes, () => this.edits[n - 1], `edit #${n} of ${this.label}`, timeoutMs);
  }

  /** The n-th (1-based) follow-up message. */
  waitForFollowUp(n = 1, timeoutMs = DEFAULT_WAIT_MS): Promise<APIMessage> {
    return waitUntil(
      this.changes,
      () => {
        const id = this.followUpIds[n - 1];
        return id ? this.messages.get(id)?.message : undefined;
      },
      `follow-up #${n} of ${this.label}`,
      timeoutMs,
    );
  }

  /**
   * The answer the user ends up seeing, however the bot produced it: the message of a type 4/7 response,
   * or, after a deferral (5/6), the message once it has been edited or followed up.
   */
  async waitForMessage(timeoutMs = this.deadlineMs + DEFAULT_WAIT_MS): Promise<APIMessage> {
    const initial = await this.waitForInitial(timeoutMs);
    if (initial.type === InteractionResponseType.ChannelMessageWithSource || initial.type === InteractionResponseType.UpdateMessage) {
      return this.original!;
    }
    if (
      initial.type === InteractionResponseType.DeferredChannelMessageWithSource ||
      initial.type === InteractionResponseType.DeferredMessageUpdate
    ) {
      return waitUntil(
        this.changes,
        () => {
          const message = this.original;
          const loading = message ? ((message.flags ?? 0) & MessageFlags.Loading) !== 0 : true;
          if (this.edits.length > 0 || (initial.type === InteractionResponseType.DeferredChannelMessageWithSource && !loading)) {
            return message ?? undefined;
          }
          return undefined;
        },
        `the deferred answer to ${this.label}`,
        timeoutMs,
      );
    }
    throw new Error(`${this.label} was answered with callback type ${initial.type}, which shows no message`);
  }
}
