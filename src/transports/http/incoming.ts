/**
 * A raw interaction as Discord POSTs it (API JSON, snake_case) → the transport-neutral `Incoming`
 * of the interaction layer, the same value the gateway transport builds from discord.js objects.
 * The body is signed by Discord, but it is still checked with zod rather than trusted: a shape we
 * do not understand becomes a clear answer or a 400, never an exception deep in a handler.
 */
import { ApplicationCommandType, ComponentType, InteractionType, MessageFlags } from 'discord.js';
import { z } from 'zod';
import type { Incoming, OptionValue } from '../../interactions/types.ts';
import { MAX_OPTION_DEPTH, optionsTooDeep } from './option-depth.ts';

interface RawOption {
  readonly name: string;
  readonly type: number;
  readonly value?: OptionValue | undefined;
  readonly focused?: boolean | undefined;
  readonly options?: readonly RawOption[] | undefined;
}

const RawOptionSchema: z.ZodType<RawOption> = z.lazy(() =>
  z.object({
    name: z.string(),
    type: z.number().int(),
    value: z.union([z.string(), z.number(), z.boolean()]).optional(),
    focused: z.boolean().optional(),
    options: z.array(RawOptionSchema).optional(),
  }),
);

const Snowflake = z.string().regex(/^\d{1,20}$/);
const UserRef = z.object({ id: Snowflake });

/** Enough to tell a PING (which carries little else) from the rest. */
const TypeOnly = z.object({ type: z.number().int() });

/** The fields every interaction but PING carries; the rest is read per type below. */
const InteractionSchema = z.object({
  id: Snowflake,
  application_id: Snowflake,
  type: z.number().int(),
  token: z.string().min(1).max(1000),
  member: z.object({ user: UserRef, permissions: z.string().optional() }).optional(),
  user: UserRef.optional(),
  data: z.unknown().optional(),
  /** The message a component belongs to: its flags say whether only the presser sees it. */
  message: z.object({ flags: z.number().int().optional() }).optional(),
});

const CommandData = z.object({
  name: z.string().min(1).max(100),
  type: z.number().int(),
  options: z.array(RawOptionSchema).optional(),
  target_id: Snowflake.optional(),
  resolved: z
    .object({ messages: z.record(z.string(), z.object({ id: Snowflake, content: z.string().optional() })).optional() })
    .optional(),
});

const ComponentData = z.object({
  custom_id: z.string().max(100),
  component_type: z.number().int(),
  values: z.array(z.string().max(100)).max(25).optional(),
});

/** Where the answer to a deferred interaction is sent later. */
export interface FollowUpTarget {
  readonly applicationId: string;
  readonly token: string;
}

export type ParsedInteraction =
  | { readonly kind: 'ping' }
  | { readonly kind: 'interaction'; readonly incoming: Incoming; readonly target: FollowUpTarget; readonly id: string }
  /** Genuine but not something this bot handles: answered with a clear ephemeral message. */
  | { readonly kind: 'unsupported'; readonly what: string }
  /** Not an interaction at all: a 400. */
  | { readonly kind: 'invalid'; readonly problem: string; readonly tooDeep?: true };

export function parseInteraction(json: unknown): ParsedInteraction {
  const typed = TypeOnly.safeParse(json);
  if (!typed.success) return { kind: 'invalid', problem: 'not an interaction (no numeric "type")' };
  if (typed.data.type === InteractionType.Ping) return { kind: 'ping' };

  const parsed = InteractionSchema.safeParse(json);
  if (!parsed.success) return { kind: 'invalid', problem: `malformed interaction: ${firstIssue(parsed.error)}` };
  const raw = parsed.data;
  // In a guild the user is inside `member`; in a DM it is `user`.
  const userId = raw.member?.user.id ?? raw.user?.id;
  if (!userId) return { kind: 'invalid', problem: 'malformed interaction: no user' };

  const ephemeral = ((raw.message?.flags ?? 0) & MessageFlags.Ephemeral) !== 0;
  const incoming = toIncoming(raw.type, raw.data, userId, ephemeral, raw.member?.permissions);
  if (incoming.kind !== 'incoming') return incoming;
  return { kind: 'interaction', incoming: incoming.value, target: { applicationId: raw.application_id, token: raw.token }, id: raw.id };
}

type Conversion = { readonly kind: 'incoming'; readonly value: Incoming } | Extract<ParsedInteraction, { kind: 'unsupported' | 'invalid' }>;

function toIncoming(type: number, data: unknown, userId: string, ephemeral: boolean, memberPermissions: string | undefined): Conversion {
  const permissions = memberPermissions === undefined ? {} : { memberPermissions };
  switch (type) {
    case InteractionType.ApplicationCommand:
    case InteractionType.ApplicationCommandAutocomplete: {
      // Checked before the schema, which walks nested options recursively: 1,000 levels overflowed the stack.
      if (optionsTooDeep(data)) return { kind: 'invalid', problem: `options nested deeper than Discord allows (${MAX_OPTION_DEPTH} levels)`, tooDeep: true };
      const parsed = CommandData.safeParse(data);
      if (!parsed.success) return { kind: 'invalid', problem: `malformed command data: ${firstIssue(parsed.error)}` };
      const command = parsed.data;
      const options = flattenOptions(command.options ?? []);
      if (type === InteractionType.ApplicationCommandAutocomplete) {
        // The focused value is whatever the user has typed so far: always text, even for a number option.
        const focused = options.find((o) => o.focused);
        return {
          kind: 'incoming',
          value: { kind: 'autocomplete', name: command.name, options: optionValues(options), focused: String(focused?.value ?? ''), userId },
        };
      }
      if (command.type === ApplicationCommandType.ChatInput) {
        return { kind: 'incoming', value: { kind: 'command', name: command.name, options: optionValues(options), userId, ...permissions } };
      }
      if (command.type === ApplicationCommandType.Message) {
        const targetId = command.target_id;
        const message = targetId ? command.resolved?.messages?.[targetId] : undefined;
        if (!targetId || !message) return { kind: 'invalid', problem: 'message command without its resolved target message' };
        return {
          kind: 'incoming',
          value: { kind: 'command', name: command.name, options: {}, userId, targetMessage: { id: message.id, content: message.content ?? '' }, ...permissions },
        };
      }
      return { kind: 'unsupported', what: `a command of type ${command.type}` };
    }
    case InteractionType.MessageComponent: {
      const parsed = ComponentData.safeParse(data);
      if (!parsed.success) return { kind: 'invalid', problem: `malformed component data: ${firstIssue(parsed.error)}` };
      const { custom_id: customId, component_type: componentType, values } = parsed.data;
      if (componentType !== ComponentType.Button && componentType !== ComponentType.StringSelect) {
        return { kind: 'unsupported', what: `a component of type ${componentType}` };
      }
      return { kind: 'incoming', value: { kind: 'component', customId, ...(values && { values }), userId, ephemeral } };
    }
    default:
      return { kind: 'unsupported', what: `an interaction of type ${type}` };
  }
}

/** Options of a subcommand or group sit one or two levels down; this bot has none, but a flat
 * list is what the commands expect either way. */
function flattenOptions(options: readonly RawOption[]): RawOption[] {
  return options.flatMap((o) => (o.options ? flattenOptions(o.options) : [o]));
}

function optionValues(options: readonly RawOption[]): Record<string, OptionValue> {
  return Object.fromEntries(options.flatMap((o) => (o.value === undefined ? [] : [[o.name, o.value] as const])));
}

function firstIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  return issue ? `${issue.path.join('.') || '(root)'}: ${issue.message}` : 'unknown problem';
}
