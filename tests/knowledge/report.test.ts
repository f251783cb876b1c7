/** The checker's report as data: what knowledge:check prints and the preview page shows. */
import { describe, expect, it } from 'vitest';
import { buildFactBase } from '../../src/knowledge/load.ts';
import { checkReport } from '../../src/knowledge/report.ts';
import { mutate, validFiles } from './helpers.ts';

const build = (files: Map<string, string>) => buildFactBase({ root: 'knowledge', files });

describe('checkReport', () => {
  it('sums a good fact base up in one line', () => {
    const built = build(validFiles());
    if (!built.ok) throw new Error('the valid fixture must load');
    const { facts, sources, places, claimants, disputes, events } = built.base;
    const n = (count: number, noun: string) => `${count} ${noun}${count === 1 ? '' : 's'}`;
    expect(checkReport(built)).toEqual({
      ok: true,
      summary: `ok: ${n(facts.length, 'fact')}, ${n(sources.length, 'source')}, ${n(places.length, 'place')}, ${n(claimants.length, 'claimant')}, ${n(disputes.length, 'dispute')}, ${n(events.length, 'event')}`,
    });
    // The fixture has one dispute: the singular is said as such.
    expect(checkReport(built)).toMatchObject({ summary: expect.stringContaining(', 1 dispute, ') });
  });

  it('groups the problems by file, each as path:line: field: message, in file and line order', () => {
    let files = mutate(validFiles(), 'facts/beta-report.yaml', 'kind: attack', 'kind: atack');
    files = mutate(files, 'places.yaml', '  name: Ariha', '  name: Ain-Hawr');
    files = mutate(files, 'disputes.yaml', '  aspect: outcome', '  aspect: outcom');
    const report = checkReport(build(files));
    expect(report.ok).toBe(false);
    if (report.ok) return;
    expect(report.problems).toBe(3);
    expect(report.files.map((f) => f.path)).toEqual(['knowledge/disputes.yaml', 'knowledge/facts/beta-report.yaml', 'knowledge/places.yaml']);
    for (const file of report.files) {
      expect(file.problems).toHaveLength(1);
      expect(file.problems[0]!.startsWith(`${file.path}:`)).toBe(true);
    }
    expect(report.files[1]!.problems[0]).toMatch(/^knowledge\/facts\/beta-report\.yaml:7: facts\[0\]\.kind: must be one of/);
  });
});
