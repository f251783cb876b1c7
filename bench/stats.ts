/** Latency statistics and the small timing helpers the benchmark shares. */

export interface Latency {
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly maxMs: number;
  readonly count: number;
}

/** Nearest-rank percentile of unsorted samples. */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank]!;
}

export function latency(samples: readonly number[]): Latency {
  return {
    p50Ms: round(percentile(samples, 50)),
    p99Ms: round(percentile(samples, 99)),
    maxMs: round(samples.length > 0 ? Math.max(...samples) : Number.NaN),
    count: samples.length,
  };
}

export function median(samples: readonly number[]): number {
  return percentile(samples, 50);
}

/** Milliseconds taken by `work` (and its result). */
export function timed<T>(work: () => T): [T, number] {
  const started = performance.now();
  const result = work();
  return [result, performance.now() - started];
}

export async function timedAsync<T>(work: () => Promise<T>): Promise<[T, number]> {
  const started = performance.now();
  const result = await work();
  return [result, performance.now() - started];
}

/** Rounded for reports: 3 significant decimals below 1 ms, 2 below 100, whole above. */
export function round(ms: number): number {
  if (!Number.isFinite(ms)) return ms;
  if (ms < 1) return Math.round(ms * 1000) / 1000;
  if (ms < 100) return Math.round(ms * 100) / 100;
  return Math.round(ms);
}

/** Bytes as MB (2^20), one decimal. */
export function megabytes(bytes: number): number {
  return Math.round((bytes / 2 ** 20) * 10) / 10;
}
