/**
 * Autocomplete for the page's command box, as Discord's command bar offers it: command names while
 * the first word is typed, then the option names not given yet, and for an option that Discord is
 * told autocompletes (the registry's data) the choices the bot's own autocomplete handler returns.
 */
import { COMMANDS, commandSpec, isCommandName, usageLine, type OptionSpec } from '../../answers/query.ts';
import { handleInteraction } from '../../interactions/dispatch.ts';
import { commands } from '../../interactions/registry.ts';
import type { CommandContext } from '../../interactions/types.ts';
import { PREVIEW_USER } from './replies.ts';

export interface Suggestion {
  readonly label: string;
  readonly description?: string;
  /** The whole command box once this suggestion is taken. */
  readonly text: string;
}

/** At most this many suggestions, as Discord shows at most 25 choices. */
const MAX = 25;
/** `name:` at the start or after a space (the same shape parse-command.ts reads). */
const OPTION_TOKEN = /(^|\s)([A-Za-z][A-Za-z0-9_-]*):/g;

export async function complete(ctx: CommandContext, text: string): Promise<Suggestion[]> {
  const first = /^\s*\/?([A-Za-z]*)$/.exec(text);
  if (first) {
    const typed = (first[1] ?? '').toLowerCase();
    return COMMANDS.filter((c) => c.name.startsWith(typed)).map((c) => ({
      label: usageLine(c.name),
      description: c.description,
      text: `/${c.name}${c.options.length > 0 ? ' ' : ''}`,
    }));
  }
  const m = /^(\s*\/?([A-Za-z]+)\s+)([\s\S]*)$/.exec(text);
  const name = m?.[2]?.toLowerCase() ?? '';
  if (!m || !isCommandName(name)) return [];
  const spec = commandSpec(name);
  const rest = m[3] ?? '';
  const head = m[1] ?? '';

  // The option being typed: the last `name:` the command knows, or else the main option, typed bare.
  const given = [...rest.matchAll(OPTION_TOKEN)].filter((t) => spec.options.some((o) => o.name === t[2]?.toLowerCase()));
  const last = given[given.length - 1];
  const valueStart = last ? last.index + (last[1] ?? '').length + (last[2] ?? '').length + 1 : 0;
  const focused: OptionSpec | undefined = last ? spec.options.find((o) => o.name === last[2]?.toLowerCase()) : spec.options[0];
  const value = rest.slice(valueStart).trimStart();
  const before = head + rest.slice(0, valueStart);

  const out: Suggestion[] = [];
  // Option names not given yet that the word being typed begins (`/attacks fr` → `from:`); a value
  // typed bare right after the command is the main option's.
  const word = /(?:^|\s)([^\s:]*)$/.exec(rest)?.[1];
  const used = new Set(given.map((t) => t[2]?.toLowerCase()));
  if (rest.slice(0, given[0]?.index ?? rest.length).trim() !== '') used.add(spec.options[0]?.name);
  if (word !== undefined) {
    for (const option of spec.options) {
      if (used.has(option.name) || !option.name.startsWith(word.toLowerCase())) continue;
      out.push({ label: `${option.name}:`, description: option.description, text: `${text.slice(0, text.length - word.length)}${option.name}:` });
    }
  }
  if (focused && autocompletes(name, focused.name)) {
    const answer = await handleInteraction({ kind: 'autocomplete', name, options: { [focused.name]: value }, focused: value, userId: PREVIEW_USER }, ctx);
    if (answer.kind === 'choices') {
      for (const choice of answer.choices) out.push({ label: choice.name, text: `${before}${String(choice.value)}` });
    }
  }
  return out.slice(0, MAX);
}

/** Whether Discord is told that this option offers choices as the user types. */
function autocompletes(command: string, option: string): boolean {
  const data = commands.get(command)?.data;
  const options = data && 'options' in data ? (data.options ?? []) : [];
  return options.some((o) => o.name === option && 'autocomplete' in o && o.autocomplete === true);
}
