/** Unique ids and references that must resolve, each broken once in the valid fixture. */
import { describe, expect, it } from 'vitest';
import { buildFactBase, formatIssue } from '../../src/knowledge/load.ts';
import { issuesOf, itReportsEach, lineIn, mutate, validFiles, type Files } from './helpers.ts';

const A = 'facts/alpha-news-patrol.yaml';
const B = 'facts/beta-report.yaml';

/** `files` with `entry` (YAML text of one list entry) appended to `name`. */
function append(files: Files, name: string, entry: string): Files {
  return new Map(files).set(name, `${files.get(name)}${entry}`);
}

/** The text of the entry in `name` that starts with `- id: <id>`, up to the next entry. */
function entryText(files: Files, name: string, id: string): string {
  const text = files.get(name)!;
  const start = text.indexOf(`- id: ${id}\n`);
  const next = text.indexOf('\n- id: ', start + 1);
  return text.slice(start, next < 0 ? undefined : next + 1);
}

describe('unique ids', () => {
  it('rejects a fact id used in two facts files, at the second one', () => {
    const files = append(validFiles(), B, entryText(validFiles(), A, 'convoy-not-harmed'));
    expect(issuesOf(files)).toEqual([
      {
        path: 'knowledge/facts/beta-report.yaml',
        line: lineIn(files, B, '- id: convoy-not-harmed'),
        field: 'facts[3].id',
        message: 'duplicate fact id "convoy-not-harmed": already used at knowledge/facts/alpha-news-patrol.yaml:18',
      },
    ]);
  });

  for (const [name, id, kind, firstLine, index] of [
    ['sources.yaml', 'beta-report', 'source', 19, 2],
    ['places.yaml', 'ariha', 'place', 14, 4],
    ['claimants.yaml', 'local-sources', 'claimant', 10, 3],
    ['disputes.yaml', 'fifth-patrol-outcome', 'dispute', 2, 1],
  ] as const) {
    it(`rejects a ${kind} id used twice in ${name}`, () => {
      const entry = entryText(validFiles(), name, id);
      const files = append(validFiles(), name, entry);
      const lines = files.get(name)!.split('\n');
      expect(issuesOf(files)).toEqual([
        {
          path: `knowledge/${name}`,
          line: lines.lastIndexOf(`- id: ${id}`) + 1,
          field: `${name.replace('.yaml', '')}[${index}].id`,
          message: `duplicate ${kind} id "${id}": already used at knowledge/${name}:${firstLine}`,
        },
      ]);
    });
  }
});

describe('references', () => {
  itReportsEach([
    {
      rule: "a fact's source does not exist",
      file: A,
      from: '  source: alpha-news-patrol\n  claimant: alpha-news',
      to: '  source: alpha-news-patrl\n  claimant: alpha-news',
      line: 34,
      field: 'facts[2].source',
      message: 'unknown source "alpha-news-patrl": no such id in knowledge/sources.yaml (did you mean "alpha-news-patrol"?)',
    },
    {
      rule: "a fact's claimant does not exist",
      file: B,
      from: '  claimant: local-sources\n  kind: attack',
      to: '  claimant: local-source\n  kind: attack',
      line: 6,
      field: 'facts[0].claimant',
      message: 'unknown claimant "local-source": no such id in knowledge/claimants.yaml (did you mean "local-sources"?)',
    },
    {
      rule: 'a claimant in reported_via does not exist',
      file: A,
      from: 'reported_via: [alpha-news]',
      to: 'reported_via: [gamma-news]',
      line: 7,
      field: 'facts[0].reported_via[0]',
      message: 'unknown claimant "gamma-news": no such id in knowledge/claimants.yaml',
    },
    {
      rule: "one of a fact's places does not exist",
      file: B,
      from: 'places: [ariha, m4-highway]',
      to: 'places: [ariha, m5-highway]',
      line: 10,
      field: 'facts[0].places[1]',
      message: 'unknown place "m5-highway": no such id in knowledge/places.yaml (did you mean "m4-highway"?)',
    },
    {
      rule: 'a fact a dispute links does not exist',
      file: 'disputes.yaml',
      from: 'claims: [fifth-patrol-reached-ain-hawr, fifth-patrol-bombed-near-ariha]',
      to: 'claims: [fifth-patrol-reached-ain-hawr, fifth-patrol-bombed]',
      line: 6,
      field: 'disputes[0].claims[1]',
      message: 'unknown fact "fifth-patrol-bombed": no such id in knowledge/facts/*.yaml',
    },
    {
      rule: "a source's archived text does not exist",
      file: 'sources.yaml',
      from: 'archive: archive/beta-report.txt',
      to: 'archive: archive/beta.txt',
      line: 24,
      field: 'sources[1].archive',
      message: "archived text knowledge/archive/beta.txt does not exist: save the article's text there",
    },
    {
      rule: 'a non-article range runs past the end of the archived text',
      file: 'sources.yaml',
      from: 'lines: 12-13',
      to: 'lines: 12-14',
      line: 11,
      field: 'sources[0].non_article[1].lines',
      message: 'line 14 is past the end of knowledge/archive/alpha-news-patrol.txt (13 lines)',
    },
    {
      rule: 'a non-article range runs backwards',
      file: 'sources.yaml',
      from: 'lines: 12-13',
      to: 'lines: 13-12',
      line: 11,
      field: 'sources[0].non_article[1].lines',
      message: 'range 13-12 runs backwards: write 12-13',
    },
    {
      rule: 'a non-article range starts at line 0',
      file: 'sources.yaml',
      from: 'lines: "1"',
      to: 'lines: "0"',
      line: 9,
      field: 'sources[0].non_article[0].lines',
      message: 'lines are counted from 1; got 0',
    },
  ]);

  it('does not judge references into a file that could not be parsed', () => {
    // Every beta-report fact refers to claimant local-sources; with claimants.yaml unreadable,
    // only its syntax error is reported, not a wave of "unknown claimant".
    const files = mutate(validFiles(), 'claimants.yaml', '  name: Local sources', '  name: [Local sources');
    expect(issuesOf(files).map((issue) => issue.path)).toEqual(['knowledge/claimants.yaml']);
  });
});

describe('knowledge files', () => {
  it('requires sources.yaml, places.yaml and claimants.yaml', () => {
    const files = validFiles();
    files.delete('places.yaml');
    // Only the missing file is reported: references to places cannot be judged without it.
    expect(issuesOf(files)).toEqual([{ path: 'knowledge/places.yaml', line: 1, field: 'places', message: 'file is missing' }]);
  });

  it('requires events.yaml', () => {
    const files = validFiles();
    files.delete('events.yaml');
    expect(issuesOf(files)).toEqual([{ path: 'knowledge/events.yaml', line: 1, field: 'events', message: 'file is missing' }]);
  });

  it('loads without disputes.yaml, or with one that has no disputes yet', () => {
    // The fixture's one event line that shows a dispute goes with it.
    const events = validFiles().get('events.yaml')!;
    const harm = events.slice(events.indexOf('    - label: Harm\n'), events.indexOf('- id: attack-on-patrol-5\n'));
    for (const text of [undefined, '', '# none yet\n', '[]\n']) {
      const files = mutate(validFiles(), 'events.yaml', harm, '');
      if (text === undefined) files.delete('disputes.yaml');
      else files.set('disputes.yaml', text);
      const result = buildFactBase({ root: 'knowledge', files });
      if (!result.ok) expect.fail(result.issues.map(formatIssue).join('\n'));
      expect(result.base.disputes).toEqual([]);
    }
  });

  // Empty, only comments, only whitespace or line breaks, an empty list: each drops every entry the
  // file held, so it is reported at the file, not only as "unknown …" wherever the entries are used.
  const NO_ENTRIES = ['', '# nothing yet\n', '  \n\n', '\r\n\r\n', '\r\r\r', '\ufeff', '[]\n'];

  for (const [name, message] of [
    ['sources.yaml', 'has no entries: there would be no sources: list them here, each starting with "- "'],
    ['places.yaml', 'has no entries: there would be no places: list them here, each starting with "- "'],
    ['claimants.yaml', 'has no entries: there would be no claimants: list them here, each starting with "- "'],
    ['events.yaml', 'has no entries: there would be no events: list them here, each starting with "- "'],
    ['facts/beta-report.yaml', 'has no entries: write its facts, each starting with "- ", or delete the file'],
  ] as const) {
    it(`reports a ${name} with no entries at its line 1, and nothing else`, () => {
      const field = name.startsWith('facts/') ? 'facts' : name.replace(/\.yaml$/, '');
      for (const text of NO_ENTRIES) {
        expect(issuesOf(validFiles().set(name, text)), JSON.stringify(text)).toEqual([{ path: `knowledge/${name}`, line: 1, field, message }]);
      }
    });
  }

  it('reports a new facts file with only a comment in it', () => {
    expect(issuesOf(validFiles().set('facts/new.yaml', '# yaml-language-server: $schema=../schema/facts.schema.json\n'))).toEqual([
      { path: 'knowledge/facts/new.yaml', line: 1, field: 'facts', message: 'has no entries: write its facts, each starting with "- ", or delete the file' },
    ]);
  });

  it('says why a file saved with bare CR line endings has no entries', () => {
    const text = validFiles().get('facts/beta-report.yaml')!.replaceAll('\n', '\r');
    expect(issuesOf(validFiles().set('facts/beta-report.yaml', text))).toEqual([
      {
        path: 'knowledge/facts/beta-report.yaml',
        line: 1,
        field: 'facts',
        message:
          'has no entries: its lines end in a bare carriage return (CR), which YAML does not read as a line break, ' +
          'so the whole file reads as one comment: save it with LF line endings',
      },
    ]);
  });

  it('fails on a YAML file at the top that is not a knowledge file, saying it is not read and what to do', () => {
    const files = validFiles().set('dispute.yaml', '[]\n').set('Events.yml', '[]\n').set('notes.yaml', '[]\n');
    const known = 'the files are sources.yaml, places.yaml, claimants.yaml, disputes.yaml, events.yaml and facts/*.yaml';
    expect(issuesOf(files)).toEqual([
      {
        path: 'knowledge/Events.yml',
        line: 1,
        field: 'Events.yml',
        message: `not a knowledge file, so it is not read: ${known}; rename it (did you mean "events.yaml"?), or move it out of the knowledge directory`,
      },
      {
        path: 'knowledge/dispute.yaml',
        line: 1,
        field: 'dispute.yaml',
        message: `not a knowledge file, so it is not read: ${known}; rename it (did you mean "disputes.yaml"?), or move it out of the knowledge directory`,
      },
      {
        path: 'knowledge/notes.yaml',
        line: 1,
        field: 'notes.yaml',
        message: `not a knowledge file, so it is not read: ${known}; rename it, or move it out of the knowledge directory`,
      },
    ]);
  });

  it('fails on a facts file not ending in .yaml, saying what to rename it to', () => {
    const facts = validFiles().get(B)!;
    const files = validFiles();
    files.delete(B);
    files.set('facts/beta-report.yml', facts);
    // Its facts are not read: the events and disputes citing them are not judged, so its name is
    // the one problem, not a wave of "unknown fact" reported before it.
    expect(issuesOf(files)).toEqual([
      {
        path: 'knowledge/facts/beta-report.yml',
        line: 1,
        field: 'facts/beta-report.yml',
        message: 'facts files end in ".yaml", so this one is not read: rename it to beta-report.yaml',
      },
    ]);
    expect(issuesOf(validFiles().set('facts/extra.YAML', '[]\n'))).toEqual([
      {
        path: 'knowledge/facts/extra.YAML',
        line: 1,
        field: 'facts/extra.YAML',
        message: 'facts files end in ".yaml", so this one is not read: rename it to extra.yaml',
      },
    ]);
  });

  it('fails on any other file in facts/, saying it is not read and where it belongs', () => {
    expect(issuesOf(validFiles().set('facts/notes.txt', 'to do\n').set('facts/TODO.md', '- more\n'))).toEqual(
      ['facts/TODO.md', 'facts/notes.txt'].map((name) => ({
        path: `knowledge/${name}`,
        line: 1,
        field: name,
        message: 'not a facts file, so it is not read: facts/ holds only facts files ending in ".yaml"; move it out of facts/, or rename it if it holds facts',
      })),
    );
  });

  it('ignores editor and system litter anywhere, without a word', () => {
    const files = validFiles();
    const facts = files.get(B)!;
    for (const name of [
      'facts/.beta-report.yaml.swp',
      'facts/.beta-report.yaml.swo',
      'facts/.beta-report.yaml.swx',
      'facts/beta-report.yaml.swp',
      'facts/beta-report.yaml~',
      'facts/#beta-report.yaml#',
      'facts/.#beta-report.yaml',
      'facts/beta-report.yaml.tmp',
      'facts/.DS_Store',
      'facts/4913',
      'facts/.hidden.yaml',
      '.DS_Store',
      'sources.yaml~',
      '.places.yaml.swp',
      '#events.yaml#',
      'archive/.beta-report.txt.swp',
      'archive/beta-report.txt~',
    ]) {
      // Some hold what looks like facts (a backup holds a copy of them): none of it is read.
      files.set(name, facts);
    }
    const result = buildFactBase({ root: 'knowledge', files });
    if (!result.ok) expect.fail(result.issues.map(formatIssue).join('\n'));
    expect(result.base.version).toBe((buildFactBase({ root: 'knowledge', files: validFiles() }) as { base: { version: string } }).base.version);
  });
});
