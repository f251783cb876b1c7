/**
 * `npm run knowledge:check [dir]`: validate the knowledge files and list every problem as
 * `path:line: field: message` on stderr (exit 1), or print a one-line summary (exit 0).
 */
import { resolve } from 'node:path';
import { DEFAULT_KNOWLEDGE_DIR, formatIssue, loadKnowledge } from './load.ts';

async function main(): Promise<number> {
  const arg = process.argv[2];
  const dir = arg === undefined ? DEFAULT_KNOWLEDGE_DIR : resolve(arg);
  const result = await loadKnowledge(dir);
  if (!result.ok) {
    for (const issue of result.issues) process.stderr.write(`${formatIssue(issue)}\n`);
    return 1;
  }
  const { facts, sources, places, claimants, disputes, events } = result.base;
  const counts = [
    count(facts.length, 'fact'),
    count(sources.length, 'source'),
    count(places.length, 'place'),
    count(claimants.length, 'claimant'),
    count(disputes.length, 'dispute'),
    count(events.length, 'event'),
  ];
  process.stdout.write(`ok: ${counts.join(', ')}\n`);
  return 0;
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
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
