/**
 * `npm run bench`: how cold start, answers, autocomplete and memory grow from the real fact base to
 * 100,000 synthetic facts, against Fuse.js in the same process. Each size runs in a fresh child
 * process (measure-size.ts), one after another, so sizes do not disturb each other's numbers.
 *
 *   npm run bench                    readable tables
 *   npm run bench -- --json          the one JSON object of issue 5
 *   npm run bench -- --sizes=real,1000 --quick    a subset, fewer queries (for trying changes)
 */
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { machineInfo } from './machine.ts';
import type { ColdResult, SizeRequest, SizeResult } from './measure-size.ts';
import { measurePictures, picturesText } from './pictures.ts';
import { toJson, toText } from './report.ts';
import { median } from './stats.ts';

const DEFAULT_SIZES: ReadonlyArray<SizeRequest['size']> = ['real', 1000, 10_000, 100_000];
const SEED = 20200305;
/** Per measuring process: 100,000 facts take MiniSearch 10 s or more to index, and a size indexes them four times. */
const SIZE_TIMEOUT_MS = 900_000;
/** Fresh processes per size that measure cold start (the median is reported). */
const COLD_RUNS = 3;

function withColdRuns(full: SizeResult, extra: readonly ColdResult[]): SizeResult {
  const runs = [full.coldStartMs, ...extra.map((r) => r.coldStartMs)];
  return {
    ...full,
    coldStartMs: median(runs),
    coldStartRunsMs: runs,
    maxEventLoopBlockMs: Math.max(full.maxEventLoopBlockMs, ...extra.map((r) => r.maxEventLoopBlockMs)),
  };
}

function parseArgs(argv: readonly string[]) {
  const json = argv.includes('--json');
  const quick = argv.includes('--quick');
  const sizesArg = argv.find((arg) => arg.startsWith('--sizes='))?.slice('--sizes='.length);
  const sizes = sizesArg ? sizesArg.split(',').map((s) => (s === 'real' ? ('real' as const) : Number(s))) : DEFAULT_SIZES;
  for (const size of sizes) {
    if (size !== 'real' && !(Number.isInteger(size) && size > 0)) throw new Error(`--sizes: not a size: ${size}`);
  }
  const seedArg = argv.find((arg) => arg.startsWith('--seed='))?.slice('--seed='.length);
  return { json, quick, sizes, seed: seedArg ? Number(seedArg) : SEED };
}

function runSize<R>(request: SizeRequest, log: (line: string) => void): Promise<R> {
  return new Promise((resolve, reject) => {
    const child = fork(fileURLToPath(new URL('./measure-size.ts', import.meta.url)), [], {
      execArgv: ['--import', import.meta.resolve('tsx'), '--max-old-space-size=4096'],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`size ${request.size} took longer than ${SIZE_TIMEOUT_MS / 1000} s`));
    }, SIZE_TIMEOUT_MS);
    child.once('message', (message: { ok: true; result: R } | { ok: false; error: string }) => {
      clearTimeout(timer);
      if (message.ok) resolve(message.result);
      else reject(new Error(`size ${request.size} failed:\n${message.error}`));
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      if (code !== 0) reject(new Error(`size ${request.size}: measuring process exited with ${code}`));
    });
    child.send(request);
    const what = request.size === 'real' ? 'the real fact base' : `${request.size} synthetic facts`;
    log(request.coldOnly ? `cold start again, ${what}…` : `measuring ${what}…`);
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
    const request = { size, seed: options.seed, quick: options.quick };
    const full = await runSize<SizeResult>(request, log);
    // Cold start is one number per process, and a 2-core machine shared with anything else is noisy:
    // it is measured in fresh processes COLD_RUNS times and the median reported (all runs kept).
    const extra: ColdResult[] = [];
    for (let run = 1; run < COLD_RUNS; run++) extra.push(await runSize<ColdResult>({ ...request, coldOnly: true }, log));
    results.push(withColdRuns(full, extra));
  }
  // The pictures are drawn from the real fact base, in this process once the sizes are done.
  if (options.sizes.includes('real')) log('drawing the pictures…');
  const pictures = options.sizes.includes('real') ? await measurePictures(options.quick) : [];
  const totalMs = performance.now() - started;
  const text = () => `${toText(machine, results, totalMs)}${pictures.length > 0 ? `\n\n${picturesText(pictures)}` : ''}`;
  process.stdout.write(`${options.json ? JSON.stringify({ ...toJson(machine, results, totalMs), ...(pictures.length > 0 && { pictures }) }, null, 2) : text()}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
