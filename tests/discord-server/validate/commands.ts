import { ApplicationCommandOptionType as OptionType, ApplicationCommandType as CommandType } from 'discord.js';
import { charLength, isObject } from '../lib/json-values.ts';
import { FormErrors, type FormPath } from './form-errors.ts';

// Application command rules from https://discord.com/developers/docs/interactions/application-commands
// (naming regex, 1-100 character descriptions, 25 options/choices, required options first, choices and
// autocomplete exclusive, min/max only on the types they belong to, 8000 characters per command, and the
// per-scope counts: 100 slash commands, 15 user and 15 message context-menu commands).

export const COMMAND_LIMITS = {
  chatInput: 100,
  contextMenu: 15,
  options: 25,
  choices: 25,
  name: 32,
  description: 100,
  choiceName: 100,
  choiceValue: 100,
  totalCharacters: 8000,
} as const;

/** A command body's type; absent means a slash command. */
export function commandTypeOf(body: Record<string, unknown>): number {
  return (body.type as number | undefined) ?? CommandType.ChatInput;
}

const CHAT_INPUT_NAME = /^[-_'\p{L}\p{N}\p{sc=Deva}\p{sc=Thai}]{1,32}$/u;

function checkChatInputName(errors: FormErrors, path: FormPath, name: unknown): void {
  if (typeof name !== 'string') {
    errors.add(path, 'BASE_TYPE_REQUIRED', 'This field is required');
  } else if (!CHAT_INPUT_NAME.test(name)) {
    errors.add(path, 'APPLICATION_COMMAND_INVALID_NAME', 'Command name is invalid');
  } else if (name !== name.toLowerCase()) {
    errors.add(path, 'APPLICATION_COMMAND_INVALID_NAME', 'Command name must be lowercase');
  }
}

/** Longest of a field and its localizations: what counts towards the 8000-character budget. */
function longest(value: unknown, localizations: unknown): number {
  let max = charLength(value);
  if (isObject(localizations)) for (const v of Object.values(localizations)) max = Math.max(max, charLength(v));
  return max;
}

function validateOptions(errors: FormErrors, path: FormPath, value: unknown, depth: number): number {
  const options = errors.list(path, value, { max: COMMAND_LIMITS.options });
  let characters = 0;
  let seenOptional = false;
  const names = new Set<string>();
  const kinds = new Set<'sub' | 'value'>();
  options.forEach((option, i) => {
    const at = [...path, i];
    if (!isObject(option)) {
      errors.add(at, 'MODEL_TYPE_CONVERT', 'Only dictionaries may be used in a ModelType');
      return;
    }
    const type = option.type;
    if (typeof type !== 'number' || type < 1 || type > 11) {
      errors.add([...at, 'type'], 'BASE_TYPE_CHOICES', 'Value must be one of {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11}.');
      return;
    }
    checkChatInputName(errors, [...at, 'name'], option.name);
    if (typeof option.name === 'string') {
      if (names.has(option.name)) {
        errors.add([...at, 'name'], 'APPLICATION_COMMAND_OPTIONS_NAME_ALREADY_EXISTS', 'Option names must be unique');
      }
      names.add(option.name);
    }
    errors.text([...at, 'description'], option.description, { max: COMMAND_LIMITS.description, min: 1, required: true });
    characters += longest(option.name, option.name_localizations);
    characters += longest(option.description, option.description_localizations);

    const isSub = type === OptionType.Subcommand || type === OptionType.SubcommandGroup;
    kinds.add(isSub ? 'sub' : 'value');
    if (isSub) {
      if (depth >= 2 || (depth === 1 && type === OptionType.SubcommandGroup)) {
        errors.add([...at, 'type'], 'APPLICATION_COMMAND_OPTION_TYPE_INVALID', 'Subcommands cannot be nested this deep');
      }
      if (option.required !== undefined) {
        errors.add([...at, 'required'], 'APPLICATION_COMMAND_OPTION_INVALID', 'Subcommands cannot be required');
      }
      if (type === OptionType.SubcommandGroup && Array.isArray(option.options)) {
        option.options.forEach((child, j) => {
          if (isObject(child) && child.type !== OptionType.Subcommand) {
            errors.add([...at, 'options', j, 'type'], 'APPLICATION_COMMAND_OPTION_TYPE_INVALID', 'Subcommand groups may only contain subcommands');
          }
        });
      }
      characters += validateOptions(errors, [...at, 'options'], option.options, depth + 1);
      return;
    }

    if (option.required === true) {
      if (seenOptional) {
        errors.add([...at, 'required'], 'APPLICATION_COMMAND_OPTIONS_REQUIRED_INVALID', 'Required options must be placed before non-required options');
      }
    } else {
      seenOptional = true;
    }
    const numeric = type === OptionType.Integer || type === OptionType.Number;
    const choosable = numeric || type === OptionType.String;
    if (option.choices !== undefined) {
      if (!choosable) errors.add([...at, 'choices'], 'APPLICATION_COMMAND_OPTION_INVALID', 'Choices are only allowed for STRING, INTEGER and NUMBER options');
      if (option.autocomplete === true) {
        errors.add([...at, 'autocomplete'], 'APPLICATION_COMMAND_AUTOCOMPLETE_CHOICES_EXCLUSIVE', 'Autocomplete cannot be used with choices');
      }
      const choices = errors.list([...at, 'choices'], option.choices, { max: COMMAND_LIMITS.choices });
      choices.forEach((choice, j) => {
        const c = isObject(choice) ? choice : {};
        errors.text([...at, 'choices', j, 'name'], c.name, { max: COMMAND_LIMITS.choiceName, min: 1, required: true });
        if (type === OptionType.String) errors.text([...at, 'choices', j, 'value'], c.value, { max: COMMAND_LIMITS.choiceValue, required: true });
        else if (typeof c.value !== 'number') errors.add([...at, 'choices', j, 'value'], 'NUMBER_TYPE_COERCE', 'Value is not a number.');
        characters += longest(c.name, c.name_localizations) + charLength(typeof c.value === 'string' ? c.value : String(c.value ?? ''));
      });
    }
    if (option.autocomplete === true && !choosable) {
      errors.add([...at, 'autocomplete'], 'APPLICATION_COMMAND_OPTION_INVALID', 'Autocomplete is only allowed for STRING, INTEGER and NUMBER options');
    }
    for (const key of ['min_value', 'max_value'] as const) {
      if (option[key] === undefined) continue;
      if (!numeric) errors.add([...at, key], 'APPLICATION_COMMAND_OPTION_INVALID', `${key} is only allowed for INTEGER and NUMBER options`);
      else if (type === OptionType.Integer) errors.integer([...at, key], option[key]);
      else if (typeof option[key] !== 'number') errors.add([...at, key], 'NUMBER_TYPE_COERCE', 'Value is not a number.');
    }
    if (typeof option.min_value === 'number' && typeof option.max_value === 'number' && option.min_value > option.max_value) {
      errors.add([...at, 'max_value'], 'APPLICATION_COMMAND_OPTION_INVALID', 'max_value must be greater than or equal to min_value');
    }
    for (const key of ['min_length', 'max_length'] as const) {
      if (option[key] === undefined) continue;
      if (type !== OptionType.String) errors.add([...at, key], 'APPLICATION_COMMAND_OPTION_INVALID', `${key} is only allowed for STRING options`);
      else errors.integer([...at, key], option[key], { min: key === 'min_length' ? 0 : 1, max: 6000 });
    }
    if (option.channel_types !== undefined && type !== OptionType.Channel) {
      errors.add([...at, 'channel_types'], 'APPLICATION_COMMAND_OPTION_INVALID', 'channel_types is only allowed for CHANNEL options');
    }
  });
  if (kinds.size > 1) {
    errors.add(path, 'APPLICATION_COMMAND_OPTIONS_TYPE_INVALID', 'Sub-command and sub-command group option types are mutually exclusive to all other types');
  }
  return characters;
}

/** Validates one command body at `path` (e.g. [3] inside a bulk overwrite). */
export function validateCommand(errors: FormErrors, path: FormPath, body: unknown): void {
  if (!isObject(body)) {
    errors.add(path, 'MODEL_TYPE_CONVERT', 'Only dictionaries may be used in a ModelType');
    return;
  }
  const type = commandTypeOf(body);
  if (type !== CommandType.ChatInput && type !== CommandType.User && type !== CommandType.Message) {
    errors.add([...path, 'type'], 'BASE_TYPE_CHOICES', 'Value must be one of {1, 2, 3}.');
    return;
  }
  if (type === CommandType.ChatInput) {
    checkChatInputName(errors, [...path, 'name'], body.name);
    errors.text([...path, 'description'], body.description, { max: COMMAND_LIMITS.description, min: 1, required: true });
    let characters = longest(body.name, body.name_localizations) + longest(body.description, body.description_localizations);
    characters += validateOptions(errors, [...path, 'options'], body.options, 0);
    if (characters > COMMAND_LIMITS.totalCharacters) {
      errors.add(path, 'APPLICATION_COMMAND_TOO_LARGE', `Command exceeds maximum size (${COMMAND_LIMITS.totalCharacters})`);
    }
  } else {
    errors.text([...path, 'name'], body.name, { max: COMMAND_LIMITS.name, min: 1, required: true });
    if (body.description !== undefined && body.description !== '' && body.description !== null) {
      errors.add([...path, 'description'], 'APPLICATION_COMMAND_INVALID_DESCRIPTION', 'Context menu commands cannot have a description');
    }
    if (body.options !== undefined && !(Array.isArray(body.options) && body.options.length === 0)) {
      errors.add([...path, 'options'], 'APPLICATION_COMMAND_INVALID_OPTIONS', 'Context menu commands cannot have options');
    }
  }
  const perms = body.default_member_permissions;
  if (perms !== undefined && perms !== null && !(typeof perms === 'string' && /^\d+$/.test(perms))) {
    errors.add([...path, 'default_member_permissions'], 'BASE_TYPE_INVALID', 'Must be a permission bit set string');
  }
}

/** Validates a whole bulk-overwrite list, including duplicate names and per-type counts. */
export function validateCommandList(bodies: unknown): void {
  const errors = new FormErrors();
  if (!Array.isArray(bodies)) {
    errors.add([], 'LIST_TYPE_CONVERT', 'Only iterables may be used in a ListType');
    errors.throwIfAny();
    return;
  }
  const seen = new Set<string>();
  const counts = new Map<number, number>();
  bodies.forEach((body, i) => {
    validateCommand(errors, [i], body);
    if (!isObject(body)) return;
    const type = commandTypeOf(body);
    const key = `${type}:${String(body.name)}`;
    if (seen.has(key)) errors.add([i, 'name'], 'APPLICATION_COMMANDS_DUPLICATE_NAME', `Application command names must be unique`);
    seen.add(key);
    counts.set(type, (counts.get(type) ?? 0) + 1);
  });
  if ((counts.get(CommandType.ChatInput) ?? 0) > COMMAND_LIMITS.chatInput) {
    errors.add([], 'APPLICATION_COMMANDS_TOO_MANY', `Maximum number of application commands reached (${COMMAND_LIMITS.chatInput})`);
  }
  for (const type of [CommandType.User, CommandType.Message]) {
    if ((counts.get(type) ?? 0) > COMMAND_LIMITS.contextMenu) {
      errors.add([], 'APPLICATION_COMMANDS_TOO_MANY', `Maximum number of context menu commands reached (${COMMAND_LIMITS.contextMenu})`);
    }
  }
  errors.throwIfAny();
}
