/**
 * `npm run ask -- "/patrol 22"`: answer one command from the terminal, exactly as the bot would.
 *   --json      print the JSON body the bot sends to Discord for the first page of the answer
 *   --page N    with --json, that page instead (1-based)
 * KNOWLEDGE_DIR (environment) answers from another knowledge directory.
 * Exit codes: 0 for every answered command, "nothing found" included; 1 when the knowledge files
 * have problems (each printed as path:line: field: message); 2 for a command or option that cannot
 * be parsed, with a usage line. No stack trace is ever printed.
 */
import { resolve } from 'node:path';
import { answer } from '../../answers/index.ts';
import { formatIssue, loadKnowledge } from '../../knowledge/load.ts';
import { discordMessage } from '../../render/discord.ts';
import { renderTerminal } from '../../render/terminal.ts';
import { ConfigError, loadConfig, type Config } from '../../runtime/config.ts';
import { buildKnowledgeIndex } from '../../search/index.ts';
import { generalUsage, parseCommand } from './parse-command.ts';

const USAGE = 'usage: npm run ask -- [--json [--page N]] "/command [options]"';

interface Args {
  readonly json: boolean;
  readonly page: number;
  readonly command: string;
  readonly help: boolean;
}

function parseArgs(argv: readonly string[]): Args | string {
  let json = false;
  let page = 1;
  let help = false;
  const words: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (words.length === 0 && arg === '--json') json = true;
    else if (words.length === 0 && (arg === '--help' || arg === '-h')) help = true;
    else if (words.length === 0 && (arg === '--page' || arg.startsWith('--page='))) {
      const value = arg === '--page' ? argv[++i] : arg.slice('--page='.length);
      if (!value || !/^\d{1,4}$/.test(value) || Number(value) < 1) return 'the --page option needs a page number (1, 2, …)';
      page = Number(value);
    } else if (words.length === 0 && arg.startsWith('--')) return `unknown flag ${arg.slice(0, 40)}`;
    else words.push(arg);
  }
  // `npm run ask -- /patrol 22` arrives as two words: the command is all of them.
  return { json, page, help, command: words.join(' ') };
}

async function main(argv: readonly string[]): Promise<number> {
  const args = parseArgs(argv);
  if (typeof args === 'string') {
    process.stderr.write(`${args}\n${USAGE}\n`);
    return 2;
  }
  if (args.help || args.command.trim() === '') {
    const stream = args.help ? process.stdout : process.stderr;
    stream.write(`${USAGE}\ncommands: ${generalUsage()}\n`);
    return args.help ? 0 : 2;
  }
  const parsed = parseCommand(args.command);
  if (!parsed.ok) {
    process.stderr.write(`${parsed.message}\n`);
    return 2;
  }
  // The same configuration (.env included) the bot and the HTTP endpoint read: KNOWLEDGE_DIR unset
  // means the project's knowledge/.
  let config: Config;
  try {
    config = loadConfig();
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    process.stderr.write(`configuration: ${err.message}\n`);
    return 1;
  }
  const loaded = await loadKnowledge(config.KNOWLEDGE_DIR ? resolve(config.KNOWLEDGE_DIR) : undefined);
  if (!loaded.ok) {
    process.stderr.write(`The knowledge files have problems:\n${loaded.issues.map(formatIssue).join('\n')}\n`);
    return 1;
  }
  const result = answer(buildKnowledgeIndex(loaded.base), parsed.query);
  if (args.json) {
    const { payload } = discordMessage(result, args.page - 1);
    process.stdout.write(`${JSON.stringify(payload, null, 2)}\n`);
  } else {
    const width = process.stdout.isTTY ? Math.min(process.stdout.columns || 80, 100) : 80;
    process.stdout.write(`${renderTerminal(result, { width })}\n`);
  }
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    // A bug, not a user error: say so in one line, no stack trace.
    process.stderr.write(`ask: internal error: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
