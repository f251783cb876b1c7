/**
 * What a user can ask, as data. The Discord slash commands and the terminal parser are both built
 * from COMMANDS, so option names, bounds and requiredness are declared once.
 */

export type Query =
  | { readonly command: 'patrol'; readonly number?: number }
  | { readonly command: 'attacks'; readonly from?: string; readonly to?: string }
  | { readonly command: 'where'; readonly place: string }
  | { readonly command: 'search'; readonly query: string }
  | { readonly command: 'timeline'; readonly from?: string; readonly to?: string }
  | { readonly command: 'source'; readonly id: string }
  | { readonly command: 'help' };

export type CommandName = Query['command'];

/**
 * What a card can open: any query, and two views that have no slash command of their own (an
 * event that carries no patrol number, such as a related attack or a training; and one fact).
 */
export type Target = Query | { readonly command: 'event'; readonly id: string } | { readonly command: 'fact'; readonly id: string };
export type TargetName = Target['command'];

export interface OptionSpec {
  readonly name: string;
  readonly type: 'integer' | 'string';
  readonly required: boolean;
  readonly description: string;
  /** Bounds for integer options. */
  readonly min?: number;
  readonly max?: number;
  /** Longest value Discord should accept for string options (answers cope with longer anyway). */
  readonly maxLength?: number;
  /** How the value is written in a usage line: `<place>`, `[number]`. */
  readonly placeholder: string;
}

export interface CommandSpec {
  readonly name: CommandName;
  readonly description: string;
  /** The first option is the main one: a bare value typed after the command goes to it. */
  readonly options: readonly OptionSpec[];
  readonly examples: readonly string[];
}

const dateOption = (name: 'from' | 'to', description: string): OptionSpec => ({
  name,
  type: 'string',
  required: false,
  description,
  maxLength: 40,
  placeholder: `${name}:<date>`,
});

export const COMMANDS: readonly CommandSpec[] = [
  {
    name: 'patrol',
    description: 'Everything the fact base holds about the Nth joint patrol, or the list of known patrols.',
    options: [
      {
        name: 'number',
        type: 'integer',
        required: false,
        description: 'Which joint patrol (1–999), e.g. 22 for the 22nd.',
        min: 1,
        max: 999,
        placeholder: '[number]',
      },
    ],
    examples: ['/patrol 22', '/patrol'],
  },
  {
    name: 'attacks',
    description: 'Attacks on the joint patrols in date order, with attacks on the forces involved marked as related.',
    options: [
      dateOption('from', 'Earliest date: 2020-07-01, 2020-07 or July 2020.'),
      dateOption('to', 'Latest date: 2020-08-31, 2020-08 or August 2020.'),
    ],
    examples: ['/attacks', '/attacks from:July 2020 to:August 2020'],
  },
  {
    name: 'where',
    description: 'A place on or near the route by any spelling, and what happened there.',
    options: [
      {
        name: 'place',
        type: 'string',
        required: true,
        description: 'A place name in any spelling, e.g. Ain Hawr, Taranba, Lattakia.',
        maxLength: 100,
        placeholder: '<place>',
      },
    ],
    examples: ['/where Ain Hawr', '/where taranba'],
  },
  {
    name: 'search',
    description: 'Free-text search over the facts, best matches first, each with its source.',
    options: [
      {
        name: 'query',
        type: 'string',
        required: true,
        description: 'Words to look for, e.g. human shields.',
        maxLength: 200,
        placeholder: '<words>',
      },
    ],
    examples: ['/search human shields', '/search IED'],
  },
  {
    name: 'timeline',
    description: 'Everything in the fact base in date order.',
    options: [
      dateOption('from', 'Earliest date: 2020-03-01, 2020-03 or March 2020.'),
      dateOption('to', 'Latest date: 2020-09-30, 2020-09 or September 2020.'),
    ],
    examples: ['/timeline', '/timeline from:2020-07 to:2020-08'],
  },
  {
    name: 'source',
    description: 'One source: who published it, when, what it is, and the facts taken from it.',
    options: [
      {
        name: 'id',
        type: 'string',
        required: true,
        description: 'Which source: pick one as you type its outlet or title.',
        maxLength: 100,
        placeholder: '<source>',
      },
    ],
    examples: ['/source SOFREP'],
  },
  {
    name: 'help',
    description: 'What the bot knows and how to ask.',
    options: [],
    examples: ['/help'],
  },
];

export const COMMAND_NAMES: readonly CommandName[] = COMMANDS.map((c) => c.name);

export function commandSpec(name: CommandName): CommandSpec {
  const spec = COMMANDS.find((c) => c.name === name);
  if (!spec) throw new Error(`no command spec for ${name}`);
  return spec;
}

export function isCommandName(name: string): name is CommandName {
  return (COMMAND_NAMES as readonly string[]).includes(name);
}

/** `/where <place>`, `/attacks [from:<date>] [to:<date>]`. */
export function usageLine(name: CommandName): string {
  const spec = commandSpec(name);
  const parts = spec.options.map((o) => (o.required ? o.placeholder : o.placeholder.startsWith('[') ? o.placeholder : `[${o.placeholder}]`));
  return [`/${name}`, ...parts].join(' ');
}

export type QueryResult = { readonly ok: true; readonly query: Query } | { readonly ok: false; readonly message: string };

/**
 * Build a Query from option values as a transport received them (Discord interaction options,
 * terminal `name:value` pairs). Checks what the transport cannot be trusted to have checked: types,
 * bounds and required options. Free-text content (an empty-looking search, an unreadable date) is
 * not judged here: the answer explains those to the user. Messages never echo the values typed, so
 * a transport may show them as they are.
 */
export function buildQuery(name: CommandName, values: Readonly<Record<string, string | number | undefined>>): QueryResult {
  const spec = commandSpec(name);
  const known = new Set(spec.options.map((o) => o.name));
  for (const key of Object.keys(values)) {
    if (values[key] !== undefined && !known.has(key)) {
      // The key is echoed only as far as it looks like an option name: it may come from user input.
      const shown = key.replace(/[^a-z0-9_-]/gi, '').slice(0, 32);
      return { ok: false, message: `/${name} has no option ${shown ? `"${shown}"` : 'like that'}.` };
    }
  }
  const out: Record<string, string | number> = {};
  for (const option of spec.options) {
    const raw = values[option.name];
    if (raw === undefined || (typeof raw === 'string' && raw.trim() === '')) {
      if (option.required) return { ok: false, message: `/${name} needs ${option.placeholder.replace(/[<>[\]]/g, '')}.` };
      continue;
    }
    if (option.type === 'integer') {
      const n = typeof raw === 'number' ? raw : parseIntegerText(raw);
      if (n === undefined || !Number.isInteger(n)) {
        return { ok: false, message: `${option.name} must be a whole number from ${option.min} to ${option.max}.` };
      }
      if ((option.min !== undefined && n < option.min) || (option.max !== undefined && n > option.max)) {
        return { ok: false, message: `${option.name} must be a whole number from ${option.min} to ${option.max}.` };
      }
      out[option.name] = n;
    } else {
      out[option.name] = String(raw);
    }
  }
  return { ok: true, query: { command: name, ...out } as Query };
}

/** "22", "22nd", "#22" → 22; anything else → undefined. */
function parseIntegerText(text: string): number | undefined {
  const m = /^#?(\d{1,6})(?:st|nd|rd|th)?$/i.exec(text.trim());
  return m ? Number(m[1]) : undefined;
}

/** The views a card can open besides the slash commands. */
const VIEWS = new Set<TargetName>(['event', 'fact']);

/**
 * A target as option values, the inverse of `buildQuery` (and of `buildTarget`): what a button or a
 * select option carries so that any process can answer it again.
 */
export function targetOptions(target: Target): Readonly<Record<string, string>> {
  const { command, ...rest } = target;
  void command;
  return Object.fromEntries(Object.entries(rest).flatMap(([k, v]) => (v === undefined ? [] : [[k, String(v)]])));
}

/** A target from its name and option values: a query through `buildQuery`, or an event or fact view by id. */
export function buildTarget(name: string, values: Readonly<Record<string, string | number | undefined>>): { ok: true; target: Target } | { ok: false; message: string } {
  if (VIEWS.has(name as TargetName)) {
    const id = values.id;
    const extra = Object.keys(values).filter((k) => k !== 'id' && values[k] !== undefined);
    if (typeof id !== 'string' || id === '' || extra.length > 0) return { ok: false, message: 'That link is not one I know.' };
    return { ok: true, target: { command: name as 'event' | 'fact', id } };
  }
  if (!isCommandName(name)) return { ok: false, message: `There is no /${name.replace(/[^a-z0-9_-]/gi, '').slice(0, 32)} command. Try /help.` };
  const built = buildQuery(name, values);
  return built.ok ? { ok: true, target: built.query } : built;
}
