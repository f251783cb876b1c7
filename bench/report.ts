/** The benchmark's two outputs: the readable tables, and the one JSON object of issue 5. */
import type { MachineInfo } from './machine.ts';
import type { AutocompleteResult, SizeResult } from './measure-size.ts';

/** The targets at 100,000 facts (issue 5). */
const TARGETS = {
  coldStartMs: 2000,
  answerP99Ms: 20,
  autocompleteP99Ms: 10,
  heapMb: 400,
  baselineRatio: 20,
} as const;

export function toJson(machine: MachineInfo, sizes: readonly SizeResult[], totalMs: number): object {
  return {
    machine: { ...machine, benchmarkSeconds: Math.round(totalMs / 100) / 10 },
    targets: TARGETS,
    sizes: sizes.map((size) => ({
      facts: size.facts,
      label: size.label,
      coldStartMs: size.coldStartMs,
      heapMb: size.heapMb,
      rssMb: size.rssMb,
      answer: { p50Ms: size.answer.p50Ms, p99Ms: size.answer.p99Ms },
      autocomplete: { p50Ms: size.autocomplete.p50Ms, p99Ms: size.autocomplete.p99Ms },
      baseline: {
        name: size.baseline.name,
        answer: { p50Ms: size.baseline.answer.p50Ms, p99Ms: size.baseline.answer.p99Ms },
        ratio: size.baseline.ratio,
      },
      details: {
        loadMs: size.loadMs,
        coldStartRunsMs: size.coldStartRunsMs,
        cachedStartMs: size.cachedStartMs,
        maxEventLoopBlockMs: size.maxEventLoopBlockMs,
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

export function toText(machine: MachineInfo, sizes: readonly SizeResult[], totalMs: number): string {
  const out: string[] = [];
  out.push(
    `Machine: ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGb} GB RAM, Node ${machine.node}, ${machine.os}; ` +
      `load average ${machine.loadAverage} at start; whole run ${(totalMs / 1000).toFixed(0)} s`,
    '',
  );
  out.push(
    table(
      ['facts', 'load+validate', 'cold start (median of runs)', 'from cache', 'loop held', 'heap', 'typed arrays', 'RSS', 'answer p50 / p99', 'autocomplete p50 / p99', 'reload 1 fact', 'fuse search p50', 'ratio'],
      sizes.map((s) => [
        `${s.label} (${s.facts})`,
        ms(s.loadMs),
        `${ms(s.coldStartMs)}${s.coldStartRunsMs ? ` (${s.coldStartRunsMs.map((r) => ms(r)).join(', ')})` : ''}`,
        ms(s.cachedStartMs),
        ms(s.maxEventLoopBlockMs),
        `${s.heapMb} MB`,
        `${s.arrayBuffersMb} MB`,
        `${s.rssMb} MB`,
        `${ms(s.answer.p50Ms)} / ${ms(s.answer.p99Ms)}`,
        `${ms(s.autocomplete.p50Ms)} / ${ms(s.autocomplete.p99Ms)}`,
        `${ms(s.reload.ms)} (${s.reload.path})`,
        ms(s.baseline.answer.p50Ms),
        `${s.baseline.ratio}×`,
      ]),
    ),
  );
  out.push('', 'Answer p50 / p99 per command (parse, answer, render the Discord payload, serialise) [p99 of the part spent in the index]:', '');
  const commands = ['patrol', 'where', 'search', 'timeline', 'attacks', 'source', 'help'] as const;
  out.push(
    table(
      ['facts', ...commands],
      sizes.map((s) => [
        s.label,
        ...commands.map((c) => {
          const all = s.commands[c];
          const own = s.commandsInIndex[c];
          return all ? `${ms(all.p50Ms)} / ${ms(all.p99Ms)}${own ? ` [${ms(own.p99Ms)}]` : ''}` : '—';
        }),
      ]),
    ),
  );
  out.push('', 'Autocomplete p50 / p99 (worst p99 over prefix lengths):', '');
  out.push(
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
  );
  const largest = sizes.reduce<SizeResult | undefined>((best, s) => (!best || s.facts > best.facts ? s : best), undefined);
  if (largest) {
    out.push('', `Autocomplete p99 (ms) by prefix length at ${largest.label}:`);
    out.push(`  /where  ${perLength(largest.where)}`);
    out.push(`  /search ${perLength(largest.search)}`);
    out.push('', `Targets at ${largest.label} (${largest.facts} facts):`);
    const check = (name: string, value: number, limit: number, unit: string, higherIsBetter = false) => {
      const ok = higherIsBetter ? value >= limit : value <= limit;
      out.push(`  ${ok ? 'met   ' : 'MISSED'} ${name}: ${value}${unit} (target ${higherIsBetter ? '≥' : '≤'} ${limit}${unit})`);
    };
    check('cold start (median of fresh processes)', largest.coldStartMs, TARGETS.coldStartMs, ' ms');
    check('answer p99', largest.answer.p99Ms, TARGETS.answerP99Ms, ' ms');
    check('autocomplete p99 at every prefix length', worstByLength(largest), TARGETS.autocompleteP99Ms, ' ms');
    check('heap', largest.heapMb, TARGETS.heapMb, ' MB');
    check('heap + typed arrays', Math.round((largest.heapMb + largest.arrayBuffersMb) * 10) / 10, TARGETS.heapMb, ' MB');
    check('faster than fuse.js (search median)', largest.baseline.ratio, TARGETS.baselineRatio, '×', true);
    check('faster than fuse.js (autocomplete median)', largest.baseline.autocompleteRatio, TARGETS.baselineRatio, '×', true);
    out.push(
      `  (fuse.js ran ${largest.baseline.sampled} of ${largest.baseline.of} search queries within its time budget; ` +
        `its index took ${ms(largest.baseline.buildMs)})`,
    );
  }
  return out.join('\n');
}

function worst(result: AutocompleteResult): string {
  const row = result.byLength.reduce((a, b) => (b.p99Ms > a.p99Ms ? b : a), result.byLength[0]!);
  return row ? `${ms(row.p99Ms)} @${row.length}` : '—';
}
