/**
 * The offline console `npm start` opens without a DISCORD_TOKEN: the same commands, one per line,
 * answered as terminal text. It reads piped standard input too and ends with it, so
 * `echo "/patrol 22" | npm start` works in scripts. It also watches the knowledge files, so a
 * maintainer sees an edit take effect (or its problems) without restarting.
 */
import { createInterface } from 'node:readline';
import { KnowledgeStore } from '../../runtime/knowledge-store.ts';
import { createLogger } from '../../runtime/logger.ts';
import { parseCommand } from './parse-command.ts';
import { terminalAnswer } from './terminal-answer.ts';

export interface ConsoleOptions {
  readonly input: NodeJS.ReadableStream;
  readonly output: NodeJS.WritableStream;
  readonly knowledgeDir?: string | undefined;
}

/** Runs until the input ends; resolves with the process exit code. */
export async function runConsole(options: ConsoleOptions): Promise<number> {
  const { output } = options;
  const interactive = 'isTTY' in options.input && options.input.isTTY === true;
  // Logs go to stderr as JSON only when something is wrong, so answers stay readable.
  const log = createLogger({ level: 'warn', destination: process.stderr });
  const store = new KnowledgeStore(options.knowledgeDir, log);
  const first = await store.reload();
  if (!first.ok) {
    output.write(`The knowledge files have problems, so there is nothing to answer from yet:\n${first.issues.join('\n')}\n`);
    return 1;
  }
  if (interactive) void store.watch();
  store.on('failed', (outcome) => output.write(`\nKnowledge edit rejected, still using the last good version:\n${outcome.issues.join('\n')}\n`));

  const lines = createInterface({ input: options.input, output: interactive ? output : undefined, terminal: interactive });
  const prompt = () => interactive && lines.prompt();
  lines.setPrompt('m4> ');
  prompt();
  for await (const line of lines) {
    const text = line.trim();
    if (text === '' || text.startsWith('#')) {
      prompt();
      continue;
    }
    if (text === 'exit' || text === 'quit' || text === '/exit' || text === '/quit') break;
    const parsed = parseCommand(text);
    if (!parsed.ok) output.write(`${parsed.message}\n`);
    else output.write(`${terminalAnswer(store.current!, parsed.query)}\n`);
    output.write('\n');
    prompt();
  }
  lines.close();
  await store.close();
  return 0;
}
