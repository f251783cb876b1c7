/**
 * `npm run ask -- "/patrol 22"`: answer one command from the terminal, exactly as the bot would:
 * the card, then its quotes & sources panel and its disputes panel, so a terminal user has what a
 * Discord user gets by pressing.
 *   --json      print exactly the first message the bot sends to Discord (flags and components included)
 *   --png FILE  also write the card's picture (the /timeline, /attacks and /patrol list cards have one)
 * KNOWLEDGE_DIR (environment) answers from another knowledge directory.
 * Exit codes: 0 for every answered command, "nothing found" included; 1 when the knowledge files
 * have problems (each printed as path:line: field: message) or the picture cannot be written; 2 for
 * a command or option that cannot be parsed, with a usage line, or --png for a card without a
 * picture. No stack trace is ever printed.
 */
import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { cardReply } from '../../interactions/answer-reply.ts';
import { formatIssue, loadKnowledge } from '../../knowledge/load.ts';
import { ConfigError, loadConfig, type Config } from '../../runtime/config.ts';
import { buildKnowledgeIndex } from '../../search/index.ts';
import { generalUsage, parseCommand } from './parse-command.ts';
import { terminalAnswer } from './terminal-answer.ts';

const USAGE = 'usage: npm run ask -- [--json] [--png FILE] "/command [options]"';

interface Args {
  readonly json: boolean;
  readonly png?: string;
  readonly command: string;
  readonly help: boolean;
}

function parseArgs(argv: readonly string[]): Args | string {
  let json = false;
  let help = false;
  let png: string | undefined;
  const words: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (words.length === 0 && arg === '--json') json = true;
    else if (words.length === 0 && (arg === '--help' || arg === '-h')) help = true;
    else if (words.length === 0 && (arg === '--png' || arg.startsWith('--png='))) {
      png = arg === '--png' ? argv[++i] : arg.slice('--png='.length);
      if (!png || png.startsWith('--')) return '--png needs a file name, e.g. --png timeline.png';
    } else if (words.length === 0 && arg.startsWith('--')) return `unknown flag ${arg.slice(0, 40)}`;
    else words.push(arg);
  }
  // `npm run ask -- /patrol 22` arrives as two words: the command is all of them.
  return { json, help, command: words.join(' '), ...(png !== undefined && { png }) };
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
  const index = buildKnowledgeIndex(loaded.base);
  // What the bot sends: the message, and the picture it uploads with it.
  const reply = args.json || args.png ? cardReply(index, parsed.query, { ephemeral: false }) : undefined;
  if (args.png) {
    const picture = reply?.files?.[0];
    if (!picture) {
      process.stderr.write(`${parsed.query.command}: this answer has no picture (/timeline, /attacks and /patrol without a number have one)\n`);
      return 2;
    }
    try {
      await writeFile(args.png, picture.data);
    } catch (err) {
      process.stderr.write(`could not write ${args.png}: ${(err as NodeJS.ErrnoException).code ?? String(err)}\n`);
      return 1;
    }
    process.stderr.write(`wrote ${args.png} (${picture.data.length} bytes): ${picture.description}\n`);
  }
  if (reply && args.json) {
    process.stdout.write(`${JSON.stringify(reply.data, null, 2)}\n`);
  } else {
    const width = process.stdout.isTTY ? Math.min(process.stdout.columns || 80, 100) : 80;
    process.stdout.write(`${terminalAnswer(index, parsed.query, { width })}\n`);
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
