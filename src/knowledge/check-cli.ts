/**
 * `npm run knowledge:check [dir]`: validate the knowledge files (of `dir`, else KNOWLEDGE_DIR, else
 * knowledge/) and list every problem as
 * `path:line: field: message` on stderr (exit 1), or print a one-line summary (exit 0).
 */
import { resolve } from 'node:path';
import { config as loadDotenv } from 'dotenv';
import { DEFAULT_KNOWLEDGE_DIR, loadKnowledge } from './load.ts';
import { checkReport } from './report.ts';

async function main(): Promise<number> {
  // The directory the bot, `ask` and the preview would read: the argument, else KNOWLEDGE_DIR (from
  // the environment or .env, as they read it), else the project's knowledge/. Checking another
  // directory than theirs would print "ok" for files they never load.
  loadDotenv({ quiet: true });
  const arg = process.argv[2] ?? (process.env.KNOWLEDGE_DIR?.trim() || undefined);
  const dir = arg === undefined ? DEFAULT_KNOWLEDGE_DIR : resolve(arg);
  const report = checkReport(await loadKnowledge(dir));
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
