/**
 * The benchmark's two outputs: the readable tables, and one JSON object. The text is a list of
 * sections, each a function of the measured sizes: a new measurement adds its own section to SECTIONS.
 */
import type { CommandName } from '../src/answers/index.ts';
import type { MachineInfo } from './machine.ts';
import type { AutocompleteResult } from './measure-commands.ts';
import type { SizeResult } from './measure-size.ts';

/** The targets of issue 12: at 10,000 facts, and what 100,000 facts must still do. */
export const TARGETS = {
  at10k: {
    facts: 10_000,
    coldStartMs: 1000,
    cachedStartMs: 500,
    commandP99Ms: 20,
    autocompleteP99Ms: 10,
    heapMb: 150,
    baselineRatio: 20,
  },
  at100k: { facts: 100_000, commandP99Ms: 1000 },
} as const;

const COMMANDS: readonly CommandName[] = ['patrol', 'where', 'search', 'timeline', 'attacks', 'source', 'help'];

export function toJson(machine: MachineInfo, sizes: readonly SizeResult[], totalMs: number): object {
  return {
    machine: { ...machine, benchmarkSeconds: Math.round(totalMs / 100) / 10 },
    targets: TARGETS,
    sizes: sizes.map((size) => ({
      facts: size.facts,
      label: size.label,
      coldStartMs: size.coldStartMs,
      cachedStartMs: size.cachedStartMs,
      heapMb: size.heapMb,
      rssMb: size.rssMb,
      answer: { p50Ms: size.answer.p50Ms, p99Ms: size.answer.p99Ms },
      slowestCommandP99Ms: slowestCommand(size).p99Ms,
      autocomplete: { p50Ms: size.autocomplete.p50Ms, p99Ms: size.autocomplete.p99Ms },
      baseline: {
        name: size.baseline.name,
        answer: { p50Ms: size.baseline.answer.p50Ms, p99Ms: size.baseline.answer.p99Ms },
        ratio: size.baseline.ratio,
      },
      details: {
        loadMs: size.loadMs,
        coldStartRunsMs: size.coldStartRunsMs,
        cacheWriteStartMs: size.cacheWriteStartMs,
        maxEventLoopBlockMs: size.maxEventLoopBlockMs,
        cacheLoopHeldMs: size.cacheLoopHeldMs,
        arrayBuffersMb: size.arrayBuffersMb,
        terms: size.terms,
        places: size.places,
        commands: size.commands,
        commandsInIndex: size.commandsInIndex,
        autocomplete: {
          where: size.where,
          search: size.search,
          patrols: size.patrols,
          sources: size.sources,
          worstP99ByLengthMs: worstByLength(size),
        },
        reload: size.reload,
        baseline: size.baseline,
      },
    })),
  };
}

function slowestCommand(size: SizeResult): { command: string; p99Ms: number } {
  return Object.entries(size.commands).reduce((worst, [command, stats]) => (stats.p99Ms > worst.p99Ms ? { command, p99Ms: stats.p99Ms } : worst), {
    command: '—',
    p99Ms: 0,
  });
}

function worstByLength(size: SizeResult): number {
  return Math.max(...[...size.where.byLength, ...size.search.byLength].map((row) => row.p99Ms));
}

function ms(value: number | null): string {
  if (value === null || !Number.isFinite(value)) return '—';
  if (value >= 1000) return `${(value / 1000).toFixed(2)} s`;
  if (value >= 100) return `${Math.round(value)} ms`;
  if (value >= 1) return `${value.toFixed(1)} ms`;
  return `${value.toFixed(2)} ms`;
}

function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
  const line = (cells: readonly string[]) => `| ${cells.map((cell, i) => cell.padEnd(widths[i]!)).join(' | ')} |`;
  return [line(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.map(line)].join('\n');
}

function perLength(result: AutocompleteResult): string {
  return result.byLength.map((row) => `${row.length}:${row.p99Ms.toFixed(2)}`).join(' ');
}

function worst(result: AutocompleteResult): string {
  const row = result.byLength.reduce((a, b) => (b.p99Ms > a.p99Ms ? b : a), result.byLength[0]!);
  return row ? `${ms(row.p99Ms)} @${row.length}` : '—';
}

const overview = (sizes: readonly SizeResult[]) => [
  table(
    ['facts', 'load+validate', 'cold start (median of runs)', 'from cache', 'loop held (build / cache)', 'heap', 'RSS', 'answer p50 / p99', 'slowest command p99', 'autocomplete p50 / p99', 'reload 1 fact', 'fuse search p50', 'ratio'],
    sizes.map((s) => {
      const slowest = slowestCommand(s);
      return [
        `${s.label} (${s.facts})`,
        ms(s.loadMs),
        `${ms(s.coldStartMs)}${s.coldStartRunsMs ? ` (${s.coldStartRunsMs.map((r) => ms(r)).join(', ')})` : ''}`,
        ms(s.cachedStartMs),
        `${ms(s.maxEventLoopBlockMs)} / ${ms(s.cacheLoopHeldMs)}`,
        `${s.heapMb} MB`,
        `${s.rssMb} MB`,
        `${ms(s.answer.p50Ms)} / ${ms(s.answer.p99Ms)}`,
        `${ms(slowest.p99Ms)} (${slowest.command})`,
        `${ms(s.autocomplete.p50Ms)} / ${ms(s.autocomplete.p99Ms)}`,
        `${ms(s.reload.ms)} (${s.reload.path})`,
        ms(s.baseline.answer.p50Ms),
        `${s.baseline.ratio}×`,
      ];
    }),
  ),
];

const commands = (sizes: readonly SizeResult[]) => [
  'Answer p50 / p99 per command (parse, answer, render the Discord payload, serialise) [p99 of the part spent in the index]:',
  '',
  table(
    ['facts', ...COMMANDS],
    sizes.map((s) => [
      s.label,
      ...COMMANDS.map((c) => {
        const all = s.commands[c];
        const own = s.commandsInIndex[c];
        return all ? `${ms(all.p50Ms)} / ${ms(all.p99Ms)}${own ? ` [${ms(own.p99Ms)}]` : ''}` : '—';
      }),
    ]),
  ),
];

const autocomplete = (sizes: readonly SizeResult[]) => [
  'Autocomplete p50 / p99 (worst p99 over prefix lengths):',
  '',
  table(
    ['facts', '/where', '/where worst len', '/search', '/search worst len', '/patrol', '/source', 'fuse p50 (same keys)', 'ratio'],
    sizes.map((s) => [
      s.label,
      `${ms(s.where.p50Ms)} / ${ms(s.where.p99Ms)}`,
      worst(s.where),
      `${ms(s.search.p50Ms)} / ${ms(s.search.p99Ms)}`,
      worst(s.search),
      `${ms(s.patrols.p50Ms)} / ${ms(s.patrols.p99Ms)}`,
      `${ms(s.sources.p50Ms)} / ${ms(s.sources.p99Ms)}`,
      `${ms(s.baseline.autocomplete.p50Ms)} (${s.baseline.autocomplete.count} run)`,
      `${s.baseline.autocompleteRatio}×`,
    ]),
  ),
  ...sizes.flatMap((s) => ['', `Autocomplete p99 (ms) by prefix length at ${s.label}:`, `  /where  ${perLength(s.where)}`, `  /search ${perLength(s.search)}`]),
];

function check(name: string, value: number, limit: number, unit: string, higherIsBetter = false): string {
  const ok = higherIsBetter ? value >= limit : value <= limit;
  return `  ${ok ? 'met   ' : 'MISSED'} ${name}: ${value}${unit} (target ${higherIsBetter ? '≥' : '≤'} ${limit}${unit})`;
}

const targets = (sizes: readonly SizeResult[]) => {
  const out: string[] = [];
  const at10k = sizes.find((s) => s.facts === TARGETS.at10k.facts);
  if (at10k) {
    const t = TARGETS.at10k;
    const slowest = slowestCommand(at10k);
    out.push(
      `Targets at ${at10k.label}:`,
      check('cold start (median of fresh processes)', at10k.coldStartMs, t.coldStartMs, ' ms'),
      check('start from the cache', at10k.cachedStartMs, t.cachedStartMs, ' ms'),
      check(`every command's answer p99 (slowest: /${slowest.command})`, slowest.p99Ms, t.commandP99Ms, ' ms'),
      check('autocomplete p99 at every prefix length', worstByLength(at10k), t.autocompleteP99Ms, ' ms'),
      check('heap', at10k.heapMb, t.heapMb, ' MB'),
      check('faster than fuse.js (search median)', at10k.baseline.ratio, t.baselineRatio, '×', true),
      check('faster than fuse.js (autocomplete median)', at10k.baseline.autocompleteRatio, t.baselineRatio, '×', true),
    );
  }
  const at100k = sizes.find((s) => s.facts === TARGETS.at100k.facts);
  if (at100k) {
    const slowest = slowestCommand(at100k);
    out.push('', `At ${at100k.label}, as measured:`, check(`every command's answer p99 (slowest: /${slowest.command})`, slowest.p99Ms, TARGETS.at100k.commandP99Ms, ' ms'));
  }
  for (const s of sizes.filter((size) => size === at10k || size === at100k)) {
    out.push(`  (${s.label}: fuse.js ran ${s.baseline.sampled} of ${s.baseline.of} search queries within its time budget; its index took ${ms(s.baseline.buildMs)})`);
  }
  return out;
};

/** The text report, section by section. */
const SECTIONS: ReadonlyArray<(sizes: readonly SizeResult[]) => string[]> = [overview, commands, autocomplete, targets];

export function toText(machine: MachineInfo, sizes: readonly SizeResult[], totalMs: number): string {
  const header =
    `Machine: ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGb} GB RAM, Node ${machine.node}, ${machine.os}; ` +
    `load average ${machine.loadAverage} at start; whole run ${(totalMs / 1000).toFixed(0)} s`;
  return [header, ...SECTIONS.map((section) => section(sizes).join('\n'))].join('\n\n');
}
