/**
 * `npm run bench`: how cold start, answers, autocomplete and memory grow from the real fact base to
 * 100,000 synthetic facts, against Fuse.js in the same process. Each size runs in a fresh child
 * process (measure-size.ts), one after another, so sizes do not disturb each other's numbers.
 *
 *   npm run bench                    readable tables
 *   npm run bench -- --json          the one JSON object of issue 5
 *   npm run bench -- --sizes=real,1000 --quick    a subset, fewer queries (for trying changes)
 *   npm run bench -- --minisearch    also MiniSearch itself on the same facts (slow at 100k)
 */
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { machineInfo } from './machine.ts';
import type { SizeRequest, SizeResult } from './measure-size.ts';
import { toJson, toText } from './report.ts';

const DEFAULT_SIZES: ReadonlyArray<SizeRequest['size']> = ['real', 1000, 10_000, 100_000];
const SEED = 20200305;
/** Per size; the whole run must stay under 5 minutes on 2 cores. */
const SIZE_TIMEOUT_MS = 150_000;

function parseArgs(argv: readonly string[]) {
  const json = argv.includes('--json');
  const quick = argv.includes('--quick');
  const minisearch = argv.includes('--minisearch');
  const sizesArg = argv.find((arg) => arg.startsWith('--sizes='))?.slice('--sizes='.length);
  const sizes = sizesArg ? sizesArg.split(',').map((s) => (s === 'real' ? ('real' as const) : Number(s))) : DEFAULT_SIZES;
  for (const size of sizes) {
    if (size !== 'real' && !(Number.isInteger(size) && size > 0)) throw new Error(`--sizes: not a size: ${size}`);
  }
  const seedArg = argv.find((arg) => arg.startsWith('--seed='))?.slice('--seed='.length);
  return { json, quick, minisearch, sizes, seed: seedArg ? Number(seedArg) : SEED };
}

function runSize(request: SizeRequest, log: (line: string) => void): Promise<SizeResult> {
  return new Promise((resolve, reject) => {
    const child = fork(fileURLToPath(new URL('./measure-size.ts', import.meta.url)), [], {
      execArgv: ['--import', import.meta.resolve('tsx'), '--max-old-space-size=4096'],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`size ${request.size} took longer than ${SIZE_TIMEOUT_MS / 1000} s`));
    }, SIZE_TIMEOUT_MS);
    child.once('message', (message: { ok: true; result: SizeResult } | { ok: false; error: string }) => {
      clearTimeout(timer);
      if (message.ok) resolve(message.result);
      else reject(new Error(`size ${request.size} failed:\n${message.error}`));
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      if (code !== 0) reject(new Error(`size ${request.size}: measuring process exited with ${code}`));
    });
    child.send(request);
    log(`measuring ${request.size === 'real' ? 'the real fact base' : `${request.size} synthetic facts`}…`);
  });
}

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2));
  const machine = machineInfo();
  const started = performance.now();
  // Progress goes to stderr so that --json leaves stdout to the JSON object alone.
  const log = (line: string) => process.stderr.write(`${line}\n`);
  const results: SizeResult[] = [];
  for (const size of options.sizes) {
    results.push(await runSize({ size, seed: options.seed, quick: options.quick, minisearch: options.minisearch }, log));
  }
  const totalMs = performance.now() - started;
  process.stdout.write(`${options.json ? JSON.stringify(toJson(machine, results, totalMs), null, 2) : toText(machine, results, totalMs)}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
