import { MessageFlags, type APIMessage } from 'discord.js';
import { DiscordErrors } from '../lib/errors.ts';
import { isObject } from '../lib/json-values.ts';
import { validateComponents } from './components.ts';
import { validateEmbeds } from './embeds.ts';
import { ALLOWED_FLAGS, type MessagePayloadKind } from './flags.ts';
import { FormErrors, type FormPath } from './form-errors.ts';

export const CONTENT_MAX = 2000;

const MENTION_TYPES = ['users', 'roles', 'everyone'];

const nonEmptyList = (v: unknown) => Array.isArray(v) && v.length > 0;

export interface MessagePayloadCheck {
  kind: MessagePayloadKind;
  /** Where the message sits in the request body: ['data'] for interaction callbacks, [] otherwise. */
  path: FormPath;
  /** Number of files uploaded with the request (multipart). */
  fileCount: number;
  /** For an edit, the message as it is now: an edit that would leave it empty is refused (50006). */
  existing?: APIMessage;
}

/**
 * Validates a message body (content, embeds, components, allowed_mentions, flags, attachments) the way
 * Discord does. Throws the DiscordHttpError Discord would answer with: 50035 with every problem found,
 * or 50006 for a message with nothing in it.
 */
export function validateMessagePayload(body: unknown, check: MessagePayloadCheck): void {
  const errors = new FormErrors();
  const at = (...rest: (string | number)[]) => [...check.path, ...rest];
  if (!isObject(body)) {
    if (check.kind === 'interaction-deferred' && (body === undefined || body === null)) return;
    errors.add(check.path, 'MODEL_TYPE_CONVERT', 'Only dictionaries may be used in a ModelType');
    errors.throwIfAny();
    return;
  }
  const flags = body.flags ?? 0;
  if (typeof flags !== 'number' || !Number.isInteger(flags)) {
    errors.add(at('flags'), 'NUMBER_TYPE_COERCE', `Value "${String(flags)}" is not int.`);
  } else if ((flags & ~ALLOWED_FLAGS[check.kind]) !== 0) {
    errors.add(at('flags'), 'MESSAGE_FLAGS_INVALID', `Invalid flags for this request: ${flags}`);
  }
  const componentsV2 = typeof flags === 'number' && (flags & MessageFlags.IsComponentsV2) !== 0;

  errors.text(at('content'), body.content, { max: CONTENT_MAX });
  validateEmbeds(errors, at('embeds'), body.embeds);
  if (body.components !== undefined && body.components !== null) {
    validateComponents(errors, at('components'), body.components, componentsV2);
  }
  if (componentsV2) {
    if (typeof body.content === 'string' && body.content !== '') {
      errors.add(at('content'), 'MESSAGE_CANNOT_USE_LEGACY_FIELDS_WITH_COMPONENTS_V2', 'The "content" field cannot be used when using MessageFlags.IS_COMPONENTS_V2');
    }
    if (nonEmptyList(body.embeds)) {
      errors.add(at('embeds'), 'MESSAGE_CANNOT_USE_LEGACY_FIELDS_WITH_COMPONENTS_V2', 'The "embeds" field cannot be used when using MessageFlags.IS_COMPONENTS_V2');
    }
  }
  validateAllowedMentions(errors, at('allowed_mentions'), body.allowed_mentions);
  errors.list(at('attachments'), body.attachments, { max: 10 });
  if (check.fileCount > 10) errors.add(at('files'), 'BASE_TYPE_MAX_LENGTH', 'Must be 10 or fewer in length.');
  if (body.tts !== undefined && body.tts !== null && typeof body.tts !== 'boolean') {
    errors.add(at('tts'), 'BASE_TYPE_BOOLEAN', 'Must be either true or false.');
  }
  errors.throwIfAny();

  if (check.kind === 'interaction-deferred') return;
  const empty =
    check.kind === 'edit'
      ? check.existing !== undefined && editLeavesEmpty(check.existing, body, check.fileCount)
      : !hasSomething(body, check.fileCount);
  if (empty) throw DiscordErrors.emptyMessage();
}

function hasSomething(body: Record<string, unknown>, fileCount: number): boolean {
  return (
    (typeof body.content === 'string' && body.content.trim() !== '') ||
    nonEmptyList(body.embeds) ||
    nonEmptyList(body.components) ||
    nonEmptyList(body.sticker_ids) ||
    isObject(body.poll) ||
    fileCount > 0
  );
}

/** Would the message have nothing left to show after this edit? (Discord answers 50006.) */
function editLeavesEmpty(m: APIMessage, body: Record<string, unknown>, fileCount: number): boolean {
  const content = 'content' in body ? String(body.content ?? '') : m.content;
  const embeds = 'embeds' in body ? (Array.isArray(body.embeds) ? body.embeds.length : 0) : m.embeds.length;
  const components = 'components' in body ? (Array.isArray(body.components) ? body.components.length : 0) : (m.components?.length ?? 0);
  const attachments = 'attachments' in body ? (Array.isArray(body.attachments) ? body.attachments.length : 0) : m.attachments.length;
  return content.trim() === '' && embeds === 0 && components === 0 && attachments + fileCount === 0;
}

function validateAllowedMentions(errors: FormErrors, path: FormPath, value: unknown): void {
  if (value === undefined || value === null) return;
  if (!isObject(value)) {
    errors.add(path, 'MODEL_TYPE_CONVERT', 'Only dictionaries may be used in a ModelType');
    return;
  }
  const parse = errors.list([...path, 'parse'], value.parse, { max: 3 });
  parse.forEach((p, i) => {
    if (typeof p !== 'string' || !MENTION_TYPES.includes(p)) {
      errors.add([...path, 'parse', i], 'BASE_TYPE_CHOICES', "Value must be one of ('roles', 'users', 'everyone').");
    }
  });
  const users = errors.list([...path, 'users'], value.users, { max: 100 });
  const roles = errors.list([...path, 'roles'], value.roles, { max: 100 });
  if (parse.includes('users') && users.length > 0) {
    errors.add([...path, 'users'], 'ALLOWED_MENTIONS_PARSE_EXCLUSIVE', 'parse:["users"] and users: [ids...] are mutually exclusive.');
  }
  if (parse.includes('roles') && roles.length > 0) {
    errors.add([...path, 'roles'], 'ALLOWED_MENTIONS_PARSE_EXCLUSIVE', 'parse:["roles"] and roles: [ids...] are mutually exclusive.');
  }
  if (value.replied_user !== undefined && typeof value.replied_user !== 'boolean') {
    errors.add([...path, 'replied_user'], 'BASE_TYPE_BOOLEAN', 'Must be either true or false.');
  }
}
