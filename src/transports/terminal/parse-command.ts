/**
 * A command as a user types it, into a Query: `/patrol 22`, `/patrol number:22`, `/where ain-hour`,
 * `/where place:Ain Hawr`, `/attacks from:July 2020 to:August 2020`, `/search human shields`.
 * Options are written `name:value` as in Discord's own command bar; a value runs until the next
 * `name:` or the end of the line, and a bare value typed right after the command goes to the
 * command's main (first) option. Type checks and bounds are the answers layer's `buildQuery`, the
 * same the Discord transports use.
 */
import type { CommandName, Query } from '../../answers/query.ts';
import { buildQuery, COMMAND_NAMES, commandSpec, isCommandName, usageLine } from '../../answers/query.ts';

export type ParseResult =
  | { readonly ok: true; readonly query: Query }
  | {
      readonly ok: false;
      /** The problem and the usage line, ready to print. */
      readonly message: string;
      readonly problem: string;
      readonly usage: string;
    };

/** All commands, one usage line each. */
export function generalUsage(): string {
  return COMMAND_NAMES.map(usageLine).join('\n       ');
}

function failure(problem: string, usage: string): ParseResult {
  return { ok: false, problem, usage, message: `${problem}\nusage: ${usage}` };
}

/** Show at most this much of something the user typed in an error. */
function shown(text: string): string {
  const one = text.replace(/\s+/g, ' ').replace(/[\u0000-\u001f\u007f-\u009f]/g, '');
  return one.length > 40 ? `${one.slice(0, 40)}…` : one;
}

function unquote(value: string): string {
  const v = value.trim();
  const m = /^(["'“‘])(.*)(["'”’])$/s.exec(v);
  return m ? (m[2] ?? '') : v;
}

/** `name:` at the start or after a space, where name looks like an option name. */
const OPTION_TOKEN = /(^|\s)([A-Za-z][A-Za-z0-9_-]*):/g;

export function parseCommand(input: string): ParseResult {
  const text = input.trim();
  const bare = text.startsWith('/') ? text.slice(1) : text;
  const word = bare.split(/\s+/, 1)[0] ?? '';
  const name = word.toLowerCase();
  if (name === '') return failure('Type a command, for example /help.', generalUsage());
  if (!isCommandName(name)) return failure(`There is no command /${shown(word)}.`, generalUsage());
  const command: CommandName = name;
  const spec = commandSpec(command);
  const usage = usageLine(command);
  const rest = bare.slice(word.length).trim();

  const optionNames = new Set(spec.options.map((o) => o.name));
  // Free text may contain "word:" that is not an option (a search for "note: …"): only /search reads it as text.
  const freeText = command === 'search';
  const marks: { name: string; start: number; valueStart: number }[] = [];
  for (const m of rest.matchAll(OPTION_TOKEN)) {
    const optionName = (m[2] ?? '').toLowerCase();
    const start = m.index + (m[1] ?? '').length;
    if (optionNames.has(optionName)) marks.push({ name: optionName, start, valueStart: start + (m[2] ?? '').length + 1 });
    else if (!freeText) return failure(`/${command} has no option ${shown(m[2] ?? '')}.`, usage);
  }

  const values: Record<string, string> = {};
  const positional = rest.slice(0, marks[0]?.start ?? rest.length).trim();
  if (positional !== '') {
    const main = spec.options[0];
    if (!main) return failure(`/${command} takes no options.`, usage);
    values[main.name] = unquote(positional);
  }
  for (const [i, mark] of marks.entries()) {
    const value = unquote(rest.slice(mark.valueStart, marks[i + 1]?.start ?? rest.length));
    if (value === '') return failure(`The option ${mark.name}: needs a value.`, usage);
    if (values[mark.name] !== undefined) return failure(`The option ${mark.name} is given twice.`, usage);
    values[mark.name] = value;
  }

  const built = buildQuery(command, values);
  return built.ok ? { ok: true, query: built.query } : failure(built.message, usage);
}
