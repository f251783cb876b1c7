/** The checker's report as data: what knowledge:check prints and the preview page shows. */
import { describe, expect, it } from 'vitest';
import { buildFactBase } from '../../src/knowledge/load.ts';
import { checkReport } from '../../src/knowledge/report.ts';
import { mutate, validFiles } from './helpers.ts';

const build = (files: Map<string, string>) => buildFactBase({ root: 'knowledge', files });

describe('checkReport', () => {
  it('sums a good fact base up in one line', () => {
    expect(checkReport(build(validFiles()))).toEqual({ ok: true, summary: 'ok: 6 facts, 2 sources, 3 places, 3 claimants, 1 dispute, 2 events' });
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
