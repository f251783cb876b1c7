import { mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readKnowledgeFiles, reportedRoot } from '../../src/knowledge/files.ts';
import { buildFactBase, DEFAULT_KNOWLEDGE_DIR, formatIssue, loadKnowledge } from '../../src/knowledge/load.ts';
import { PROJECT_DIR, VALID_DIR, validFiles, writeKnowledgeDir } from './helpers.ts';

/** The problems the knowledge in `dir` has, failing the test if it loaded. */
async function issuesOnDisk(dir: string) {
  const result = await loadKnowledge(dir);
  if (result.ok) expect.fail('expected the knowledge to be rejected, but it loaded');
  return result.issues;
}

async function loadValid() {
  const result = await loadKnowledge(VALID_DIR);
  if (!result.ok) expect.fail(result.issues.map(formatIssue).join('\n'));
  return result.base;
}

describe('loadKnowledge on the valid fixture', () => {
  it('returns every entry, typed, in file order, with zod defaults applied', async () => {
    const base = await loadValid();
    expect(base.facts.map((fact) => fact.id)).toEqual([
      'fifth-patrol-reached-ain-hawr',
      'convoy-not-harmed',
      'patrols-began-in-march',
      'fifth-patrol-bombed-near-ariha',
      'four-patrols-by-end-of-june',
      'attacks-more-frequent-this-year',
    ]);
    expect(base.sources.map((source) => source.id)).toEqual(['alpha-news-patrol', 'beta-report']);
    expect(base.places.map((place) => place.id)).toEqual(['m4-highway', 'ain-hawr', 'ariha', 'syria']);
    expect(base.claimants).toHaveLength(3);
    expect(base.disputes.map((dispute) => dispute.id)).toEqual(['fifth-patrol-outcome']);

    const bombed = base.factById.get('fifth-patrol-bombed-near-ariha')!;
    expect(bombed).toMatchObject({ kind: 'attack', attack_target: 'joint-patrol', patrols: [5], places: ['ariha', 'm4-highway'] });
    // Defaults: fields left out of the YAML come back as empty lists.
    expect(bombed.reported_via).toEqual([]);
    expect(bombed.tags).toEqual([]);
    expect(base.placeById.get('ariha')!.aliases).toEqual([]);
    expect(base.sourceById.get('beta-report')!.kind).toBe('news-article');
    expect(base.sourceById.get('beta-report')!.publisher).toBeNull();
    // A year written as a quoted string stays a string.
    expect(base.factById.get('attacks-more-frequent-this-year')!.date).toBe('2020');
  });

  it('maps every kind of entry by id', async () => {
    const base = await loadValid();
    for (const [list, map] of [
      [base.facts, base.factById],
      [base.sources, base.sourceById],
      [base.places, base.placeById],
      [base.claimants, base.claimantById],
      [base.disputes, base.disputeById],
    ] as const) {
      expect([...map.keys()]).toEqual(list.map((entry) => entry.id));
      for (const entry of list) expect(map.get(entry.id)).toBe(entry);
    }
  });

  it('derives the disputes each fact takes part in', async () => {
    const base = await loadValid();
    expect(base.disputesByFact.get('fifth-patrol-reached-ain-hawr')).toEqual(['fifth-patrol-outcome']);
    expect(base.disputesByFact.get('fifth-patrol-bombed-near-ariha')).toEqual(['fifth-patrol-outcome']);
    expect(base.disputesByFact.get('convoy-not-harmed')).toEqual([]);
    expect(base.disputesByFact.size).toBe(base.facts.length);
  });

  it('keeps the article text of each source without its non-article lines', async () => {
    const base = await loadValid();
    const alpha = base.articleText.get('alpha-news-patrol')!;
    expect(alpha).toContain('The fifth joint patrol reached Ain Hawr on Tuesday');
    expect(alpha).not.toContain('Alpha News | Home'); // navigation, line 1
    expect(alpha).not.toContain('Reader42'); // reader comments, lines 12-13
    expect(base.articleText.get('beta-report')).not.toContain('Photo: a convoy');
  });

  it('is deeply frozen: entries, nested lists and maps reject changes', async () => {
    const base = await loadValid();
    const fact = base.facts[0]!;
    expect(Object.isFrozen(base)).toBe(true);
    expect(Object.isFrozen(base.facts)).toBe(true);
    expect(Object.isFrozen(fact)).toBe(true);
    expect(Object.isFrozen(fact.places)).toBe(true);
    expect(Object.isFrozen(base.sources[0]!.non_article[0])).toBe(true);
    expect(Object.isFrozen(base.disputesByFact.get(fact.id))).toBe(true);
    expect(() => (base.facts as unknown as unknown[]).push(fact)).toThrow(TypeError);
    expect(() => ((fact as { statement: string }).statement = 'changed')).toThrow(TypeError);
    expect(() => (base.factById as Map<string, unknown>).set('x', fact)).toThrow(TypeError);
    expect(() => (base.placeById as Map<string, unknown>).delete('ariha')).toThrow(TypeError);
    expect(() => (base.articleText as Map<string, unknown>).clear()).toThrow(TypeError);
    expect(base.factById.get(fact.id)).toBe(fact);
  });

  it('gives the same version to the same files, wherever they are', async () => {
    const first = await loadValid();
    const copy = await loadKnowledge(writeKnowledgeDir(validFiles()));
    expect(copy.ok && copy.base.version).toBe(first.version);
    expect(first.version).toMatch(/^[0-9a-f]{64}$/);
  });

  it('changes the version when any file changes, even a comment or an archive', async () => {
    const dir = writeKnowledgeDir(validFiles());
    const versions = new Set<string>();
    const load = async () => {
      const result = await loadKnowledge(dir);
      if (!result.ok) expect.fail(result.issues.map(formatIssue).join('\n'));
      versions.add(result.base.version);
    };
    await load();
    writeFileSync(join(dir, 'places.yaml'), `${validFiles().get('places.yaml')}# a comment\n`);
    await load();
    writeFileSync(join(dir, 'archive/beta-report.txt'), `${validFiles().get('archive/beta-report.txt')}\n`);
    await load();
    writeFileSync(join(dir, 'facts/beta-report.yaml'), `${validFiles().get('facts/beta-report.yaml')}# a comment\n`);
    await load();
    expect(versions.size).toBe(4);
  });

  it('builds the same base from in-memory files as from disk', async () => {
    const fromDisk = await loadValid();
    const fromMemory = buildFactBase({ root: 'knowledge', files: validFiles() });
    expect(fromMemory.ok && fromMemory.base.version).toBe(fromDisk.version);
    expect(fromMemory.ok && fromMemory.base.facts).toEqual(fromDisk.facts);
  });

  it('accepts a plain object of files as well as a Map', () => {
    const result = buildFactBase({ root: 'knowledge', files: Object.fromEntries(validFiles()) });
    expect(result.ok).toBe(true);
  });

  it('defaults to the project knowledge/ directory, found without the cwd', () => {
    expect(DEFAULT_KNOWLEDGE_DIR).toBe(join(PROJECT_DIR, 'knowledge'));
  });

  it('reads past the files an editor or the OS leaves on disk, as if they were not there', async () => {
    const dir = writeKnowledgeDir(validFiles());
    const facts = validFiles().get('facts/beta-report.yaml')!;
    for (const name of ['facts/.beta-report.yaml.swp', 'facts/beta-report.yaml~', 'facts/#beta-report.yaml#', 'facts/.DS_Store', '.DS_Store', 'events.yaml~']) {
      writeFileSync(join(dir, name), facts);
    }
    const result = await loadKnowledge(dir);
    if (!result.ok) expect.fail(result.issues.map(formatIssue).join('\n'));
    expect(result.base.version).toBe((await loadValid()).version);
  });

  it('follows symbolic links to files, as in a ConfigMap mount where every file is one', async () => {
    const data = writeKnowledgeDir(validFiles());
    const dir = join(dirname(data), 'mounted');
    mkdirSync(join(dir, 'facts'), { recursive: true });
    for (const name of validFiles().keys()) {
      if (!name.startsWith('facts/')) continue;
      symlinkSync(join(data, name), join(dir, name));
    }
    for (const name of ['sources.yaml', 'places.yaml', 'claimants.yaml', 'disputes.yaml', 'events.yaml', 'archive']) {
      symlinkSync(join(data, name), join(dir, name));
    }
    const result = await loadKnowledge(dir);
    if (!result.ok) expect.fail(result.issues.map(formatIssue).join('\n'));
    expect(result.base.version).toBe((await loadValid()).version);
  });

  it('reports a symbolic link to nothing at its path, not as a missing file', async () => {
    const dir = writeKnowledgeDir(validFiles());
    rmSync(join(dir, 'events.yaml'));
    symlinkSync('../elsewhere/events.yaml', join(dir, 'events.yaml'));
    symlinkSync('/nonexistent/new.yaml', join(dir, 'facts/new.yaml'));
    expect(await issuesOnDisk(dir)).toEqual([
      {
        path: `${dir}/events.yaml`,
        line: 1,
        field: 'events.yaml',
        message: 'is a symbolic link to ../elsewhere/events.yaml, which does not exist: fix the link or remove it',
      },
      {
        path: `${dir}/facts/new.yaml`,
        line: 1,
        field: 'facts/new.yaml',
        message: 'is a symbolic link to /nonexistent/new.yaml, which does not exist: fix the link or remove it',
      },
    ]);
  });

  it('reports a loop of symbolic links at each link, without hanging', async () => {
    const dir = writeKnowledgeDir(validFiles());
    // beta-report.yaml becomes a link into a loop: its facts are then not judged missing elsewhere.
    rmSync(join(dir, 'facts/beta-report.yaml'));
    symlinkSync('loop.yaml', join(dir, 'facts/beta-report.yaml'));
    symlinkSync('beta-report.yaml', join(dir, 'facts/loop.yaml'));
    const loop = (to: string) => `is a symbolic link to ${to}, which leads round in a loop and never reaches a file: fix the link or remove it`;
    expect(await issuesOnDisk(dir)).toEqual([
      { path: `${dir}/facts/beta-report.yaml`, line: 1, field: 'facts/beta-report.yaml', message: loop('loop.yaml') },
      { path: `${dir}/facts/loop.yaml`, line: 1, field: 'facts/loop.yaml', message: loop('beta-report.yaml') },
    ]);
  });

  it('reports a subfolder of facts/, even one linking back to facts/, as not read', async () => {
    const dir = writeKnowledgeDir(validFiles().set('facts/drafts/draft.yaml', validFiles().get('facts/beta-report.yaml')!));
    symlinkSync('.', join(dir, 'facts/again'));
    const message =
      'is a folder: subfolders of facts/ are not read, so nothing in it is part of the fact base: ' +
      'move its facts files up into facts/, or keep drafts outside the knowledge directory';
    expect(await issuesOnDisk(dir)).toEqual([
      { path: `${dir}/facts/again`, line: 1, field: 'facts/again', message },
      { path: `${dir}/facts/drafts`, line: 1, field: 'facts/drafts', message },
    ]);
  });

  it('reports a file where the facts/ folder should be', async () => {
    const dir = writeKnowledgeDir(new Map([...validFiles()].filter(([name]) => !name.startsWith('facts/'))));
    writeFileSync(join(dir, 'facts'), '- id: x\n');
    expect(await issuesOnDisk(dir)).toEqual([{ path: `${dir}/facts`, line: 1, field: 'facts', message: 'is a file: facts/ must be a folder' }]);
  });

  it('reports a missing directory instead of throwing', async () => {
    const result = await loadKnowledge(join(VALID_DIR, 'nowhere'));
    expect(result).toEqual({
      ok: false,
      issues: [
        // From the project root, where the tests run: a path that opens from there.
        { path: 'tests/knowledge/fixtures/valid/knowledge/nowhere', line: 1, field: 'nowhere', message: `knowledge directory not found: ${join(VALID_DIR, 'nowhere')}` },
      ],
    });
  });
});

describe('reportedRoot: the knowledge directory as problems name it', () => {
  it('is relative to the working directory when inside it, else absolute', () => {
    expect(reportedRoot('/home/m/bot/knowledge', '/home/m/bot')).toBe('knowledge');
    expect(reportedRoot('/home/m/bot/drafts/kb', '/home/m/bot')).toBe('drafts/kb');
    expect(reportedRoot('/home/m/bot/knowledge', '/home/m/bot/knowledge')).toBe('.');
    // A ConfigMap's `..data` is inside, not above.
    expect(reportedRoot('/etc/kb/..data', '/etc/kb')).toBe('..data');
    expect(reportedRoot('/tmp/kb0', '/home/m/bot')).toBe('/tmp/kb0');
    expect(reportedRoot('/home/m/bot/knowledge', '/home/m/bot/knowledge/facts')).toBe('/home/m/bot/knowledge');
    expect(reportedRoot('/home/m/bot-drafts/knowledge', '/home/m/bot')).toBe('/home/m/bot-drafts/knowledge');
  });

  it('names the project knowledge/ as knowledge/ when run from the project, as ever', async () => {
    expect(reportedRoot(DEFAULT_KNOWLEDGE_DIR, PROJECT_DIR)).toBe('knowledge');
    const read = await readKnowledgeFiles(DEFAULT_KNOWLEDGE_DIR, PROJECT_DIR);
    expect(read.ok && read.files.root).toBe('knowledge');
  });
});

describe('formatIssue', () => {
  it('prints path:line: field: message', () => {
    expect(
      formatIssue({ path: 'knowledge/facts/a.yaml', line: 12, field: 'facts[3].date_latest', message: 'is required' }),
    ).toBe('knowledge/facts/a.yaml:12: facts[3].date_latest: is required');
  });
});
