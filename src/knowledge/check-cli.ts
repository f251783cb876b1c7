/**
 * `npm run knowledge:check [dir]`: validate the knowledge files (of `dir`, else KNOWLEDGE_DIR, else
 * knowledge/) and list every problem as
 * `path:line: field: message` on stderr (exit 1), or print a one-line summary (exit 0).
 *
 * Paths, given and printed, are from the directory the command was typed in: npm runs the script
 * from the project root, but says where it was typed in INIT_CWD. Printed paths are relative to
 * it when the knowledge directory is inside it, else absolute, so each one opens from there.
 */
import { resolve } from 'node:path';
import { config as loadDotenv } from 'dotenv';
import { DEFAULT_KNOWLEDGE_DIR, loadKnowledge } from './load.ts';
import { checkReport } from './report.ts';

/** Where the command was typed: INIT_CWD under `npm run knowledge:check` (only then: what npm starts inherits it). */
function typedIn(): string {
  const { INIT_CWD, npm_lifecycle_event } = process.env;
  return npm_lifecycle_event === 'knowledge:check' && INIT_CWD ? INIT_CWD : process.cwd();
}

async function main(): Promise<number> {
  // The directory the bot, `ask` and the preview would read: the argument, else KNOWLEDGE_DIR (from
  // the environment or .env, resolved as they resolve it), else the project's knowledge/. Checking
  // another directory than theirs would print "ok" for files they never load.
  loadDotenv({ quiet: true });
  const arg = process.argv[2];
  const fromEnv = process.env.KNOWLEDGE_DIR?.trim() || undefined;
  const cwd = typedIn();
  const dir = arg !== undefined ? resolve(cwd, arg) : fromEnv !== undefined ? resolve(fromEnv) : DEFAULT_KNOWLEDGE_DIR;
  const report = checkReport(await loadKnowledge(dir, { cwd }));
  if (!report.ok) {
    for (const file of report.files) for (const problem of file.problems) process.stderr.write(`${problem}\n`);
    return 1;
  }
  process.stdout.write(`${report.summary}\n`);
  return 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    // Reading the files failed in a way the checks cannot describe (permissions, a directory
    // where a file should be): say what happened without a stack trace.
    process.stderr.write(`knowledge check failed: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
