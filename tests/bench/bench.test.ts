/**
 * The benchmark keeps working: its synthetic data is deterministic and passes the real loader, and
 * `npm run bench -- --json` prints the object issue 5 specifies. Nothing here is timed: the numbers
 * are only checked to be numbers that make sense (p50 ≤ p99, sizes as asked).
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { generateKnowledge } from '../../bench/synthetic.ts';
import { writeKnowledgeDir } from '../../bench/write-files.ts';
import type { FactBase } from '../../src/domain/types.ts';
import { formatIssue, loadKnowledge } from '../../src/knowledge/load.ts';
import { realBase } from '../fixtures/real.ts';

let real: FactBase;
let scratch: string;
beforeAll(async () => {
  real = await realBase();
  scratch = await mkdtemp(join(tmpdir(), 'm4-bench-test-'));
});
afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

const generate = (facts: number, seed: number) => generateKnowledge({ facts, seed, basePlaces: real.places, baseClaimants: real.claimants });

describe('synthetic knowledge', () => {
  it('is the same for the same seed and differs for another', () => {
    const a = generate(300, 1);
    expect(generate(300, 1)).toEqual(a);
    expect(generate(300, 2).facts.map((f) => f.statement)).not.toEqual(a.facts.map((f) => f.statement));
    expect(a.facts).toHaveLength(300);
  });

  it('looks like the real fact base: ~40-word statements, aliases, patrols, every date precision, the real gazetteer', () => {
    const { facts, places } = generate(2000, 3);
    const words = facts.map((f) => f.statement.split(/\s+/).length);
    const mean = words.reduce((sum, n) => sum + n, 0) / words.length;
    expect(mean).toBeGreaterThan(30);
    expect(mean).toBeLessThan(50);
    expect(places.filter((p) => p.aliases.length > 0).length).toBeGreaterThan(places.length / 2);
    for (const place of real.places) expect(places).toContainEqual(place);
    expect(facts.filter((f) => f.patrols.length > 0).length).toBeGreaterThan(facts.length / 4);
    expect(new Set(facts.map((f) => f.date_precision))).toEqual(new Set(['day', 'week', 'month', 'year', 'approximate']));
  });

  it('written as files, passes every check of the real loader (quotes, references, dates)', async () => {
    const dir = join(scratch, 'knowledge');
    const knowledge = generate(1000, 4);
    await writeKnowledgeDir(dir, knowledge);
    const loaded = await loadKnowledge(dir);
    if (!loaded.ok) throw new Error(loaded.issues.slice(0, 10).map(formatIssue).join('\n'));
    expect(loaded.base.facts.map((f) => f.id)).toEqual(knowledge.facts.map((f) => f.id));
  });
});

const Latency = z.object({ p50Ms: z.number().nonnegative(), p99Ms: z.number().nonnegative() }).refine((l) => l.p50Ms <= l.p99Ms, 'p50 above p99');

/** The JSON object of issue 5 (extra keys allowed: the benchmark adds details). */
const BenchJson = z.object({
  machine: z.object({ cores: z.number().int().positive(), node: z.string() }),
  sizes: z.array(
    z.object({
      facts: z.number().int().positive(),
      coldStartMs: z.number().positive(),
      heapMb: z.number().positive(),
      rssMb: z.number().positive(),
      answer: Latency,
      autocomplete: Latency,
      baseline: z.object({ name: z.literal('fuse.js'), answer: Latency, ratio: z.number().positive() }),
    }),
  ),
  /** The /timeline and /attacks pictures of the real fact base, cold and cached. */
  pictures: z.array(z.object({ command: z.string(), width: z.number().int().positive(), height: z.number().int().positive(), bytes: z.number().int().positive(), cold: Latency, cached: Latency })),
});

describe('npm run bench -- --json', () => {
  it('prints only the one JSON object of issue 5 on stdout, for the sizes asked', async () => {
    const { stdout, stderr } = await promisify(execFile)(
      process.execPath,
      ['--import', 'tsx', 'bench/run.ts', '--json', '--quick', '--sizes=real,200'],
      { cwd: join(import.meta.dirname, '../..'), maxBuffer: 16 * 1024 * 1024 },
    );
    const parsed = BenchJson.parse(JSON.parse(stdout));
    expect(parsed.sizes.map((s) => s.facts)).toEqual([real.facts.length, 200]);
    expect(parsed.pictures.map((p) => p.command)).toEqual(['/timeline', '/attacks']);
    expect(stderr).toMatch(/measuring the real fact base/);
  }, 120_000);
});
