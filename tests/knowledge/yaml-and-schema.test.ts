/**
 * YAML syntax and per-entry schema checks: each case breaks one rule in one line of the valid
 * fixture and expects exactly one issue, at the right file, line and field.
 */
import { describe, expect, it } from 'vitest';
import { issuesOf, itReportsEach, mutate, validFiles } from './helpers.ts';

const A = 'facts/alpha-news-patrol.yaml';
const B = 'facts/beta-report.yaml';

describe('YAML syntax', () => {
  it('reports an unclosed bracket at its own line, once, counting the errors that follow from it', () => {
    const files = mutate(validFiles(), B, '  places: [ariha, m4-highway]', '  places: [ariha, m4-highway');
    const issues = issuesOf(files);
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ path: 'knowledge/facts/beta-report.yaml', line: 11, field: 'facts' });
    expect(issues[0]!.message).toMatch(/^YAML syntax error: Flow sequence in block collection .* \(and \d+ more after it/);
  });

  it('reports an unclosed quote in sources.yaml, and does not blame the facts for the unreadable sources', () => {
    const files = mutate(
      validFiles(),
      'sources.yaml',
      '  title: Patrol hit by roadside bomb near Ariha',
      '  title: "Patrol hit by roadside bomb near Ariha',
    );
    expect(issuesOf(files)).toEqual([
      { path: 'knowledge/sources.yaml', line: 20, field: 'sources', message: 'YAML syntax error: Missing closing "quote' },
    ]);
  });

  it('says what a person most likely did where the parser only says what it met', () => {
    const syntax = (from: string, to: string) => {
      const issues = issuesOf(mutate(validFiles(), B, from, to));
      expect(issues).toHaveLength(1);
      return issues[0]!;
    };
    // A tab in the indentation.
    const quote = '  quote: A roadside bomb hit the fifth joint patrol near Ariha on 7 July 2020, damaging one vehicle.';
    expect(syntax(quote, `\t${quote.trim()}`).message).toMatch(/line 4 is indented with a tab, and YAML indents with spaces only/);
    // An unquoted value with ": " in it.
    const colon = syntax(
      '  statement: A roadside bomb hit the fifth joint patrol near Ariha, damaging one vehicle.',
      '  statement: Reported: a roadside bomb hit the fifth joint patrol near Ariha.',
    );
    expect(colon).toMatchObject({ line: 3, field: 'facts' });
    expect(colon.message).toMatch(/a value with ": " in it must be in quotation marks/);
    // A field indented further than the one before it.
    expect(syntax('  attack_target: joint-patrol', '      attack_target: joint-patrol').message).toMatch(/line 8 is indented further than the field on this line/);
    // A second document, without the parser's hint at its own API.
    const second = syntax('- id: four-patrols-by-end-of-june', '---\n- id: four-patrols-by-end-of-june');
    expect(second.message).toBe('YAML syntax error: a second "---" starts another YAML document; a knowledge file is one list, so remove it');
  });

  it('reports a duplicated key (which YAML forbids)', () => {
    const files = mutate(validFiles(), A, '  tags: [route]', '  tags: [route]\n  tags: [other]');
    expect(issuesOf(files)).toEqual([
      { path: 'knowledge/facts/alpha-news-patrol.yaml', line: 12, field: 'facts', message: 'YAML syntax error: Map keys must be unique' },
    ]);
  });

  it('requires each file to be a list', () => {
    const files = validFiles().set('claimants.yaml', '# a map, not a list\ndefence-ministry:\n  name: Defence Ministry\n');
    const issues = issuesOf(files);
    expect(issues[0]).toEqual({
      path: 'knowledge/claimants.yaml',
      line: 2,
      field: 'claimants',
      message: 'must be a YAML list of claimants, each entry starting with "- "',
    });
  });
});

describe('schema', () => {
  itReportsEach([
    {
      rule: 'a required field is missing (reported at its entry)',
      file: A,
      from: '  quote: Officials say the patrols began in March\n',
      to: '',
      line: 31,
      field: 'facts[2].quote',
      message: "is required (The source's verbatim words that support the statement.)",
    },
    {
      rule: 'a required field is empty',
      file: A,
      from: '  quote: Officials say the patrols began in March',
      to: '  quote:',
      line: 33,
      field: 'facts[2].quote',
      message: 'is empty: give text',
    },
    {
      rule: 'a list item has the wrong type',
      file: A,
      from: '  patrols: [5]\n  places: [ain-hawr]',
      to: '  patrols: [five]\n  places: [ain-hawr]',
      line: 9,
      field: 'facts[0].patrols[0]',
      message: 'must be a number, not "five"',
    },
    {
      rule: 'a field that must be a list is not',
      file: B,
      from: 'places: [ariha, m4-highway]',
      to: 'places: ariha',
      line: 10,
      field: 'facts[0].places',
      message: 'must be a list, not "ariha"',
    },
    {
      rule: 'a bare year is read as a number',
      file: B,
      from: 'date: "2020"',
      to: 'date: 2020',
      line: 29,
      field: 'facts[2].date',
      message: 'must be text, not the number 2020: put it in quotes ("2020")',
    },
    {
      rule: 'an enum value is misspelt',
      file: B,
      from: 'kind: attack',
      to: 'kind: atack',
      line: 7,
      field: 'facts[0].kind',
      message:
        'must be one of patrol, attack, casualties, agreement, training, statement, military-action, humanitarian, context; got "atack"',
    },
    {
      rule: 'a field is unknown',
      file: B,
      from: '  date_precision: day',
      to: '  date_precision: day\n  confidence: high',
      line: 13,
      field: 'facts[0].confidence',
      message:
        'unknown field "confidence"; allowed: id, statement, quote, source, claimant, reported_via, kind, attack_target, ' +
        'patrols, no_event_reason, places, tags, date, date_precision, date_earliest, date_latest, date_basis, date_reasoning',
    },
    {
      rule: 'a field name has a typo',
      file: A,
      from: '  tags: [route]',
      to: '  tag: [route]',
      line: 11,
      field: 'facts[0].tag',
      message: 'unknown field "tag" (did you mean "tags"?)',
    },
    {
      rule: 'an id is not a slug',
      file: A,
      from: '- id: patrols-began-in-march',
      to: '- id: Patrols-Began-In-March',
      line: 31,
      field: 'facts[2].id',
      message: 'must be a slug: lowercase letters, digits and single hyphens',
    },
    {
      rule: 'a date is not ISO',
      file: B,
      from: '  date: 2020-07-07',
      to: '  date: 7 July 2020',
      line: 11,
      field: 'facts[0].date',
      message: 'must be an ISO date: YYYY-MM-DD, YYYY-MM or YYYY',
    },
    {
      rule: "a source's language is not a two-letter code",
      file: 'sources.yaml',
      from: '  language: en\n  archive: archive/beta',
      to: '  language: english\n  archive: archive/beta',
      line: 23,
      field: 'sources[1].language',
      message: 'must be a two-letter ISO 639-1 code such as en',
    },
    {
      rule: "a non-article part's kind is unknown",
      file: 'sources.yaml',
      from: '- kind: photo-caption',
      to: '- kind: caption',
      line: 26,
      field: 'sources[1].non_article[0].kind',
      message:
        'must be one of reader-comments, donation-widget, paywall-prompt, site-banner, photo-caption, navigation, ' +
        'author-bio, promotion, duplicate-headline; got "caption"',
    },
    {
      rule: "a place's kind is unknown",
      file: 'places.yaml',
      from: '  kind: town',
      to: '  kind: hamlet',
      line: 16,
      field: 'places[2].kind',
      message: 'must be one of city, town, village, highway, province, region, country, military-post; got "hamlet"',
    },
    {
      rule: "a claimant's name is missing",
      file: 'claimants.yaml',
      from: '  name: Alpha News\n',
      to: '',
      line: 6,
      field: 'claimants[1].name',
      message: 'is required',
    },
    {
      rule: "a dispute's aspect is unknown",
      file: 'disputes.yaml',
      from: 'aspect: outcome',
      to: 'aspect: result',
      line: 5,
      field: 'disputes[0].aspect',
      message: 'must be one of count, date, place, route, casualties, outcome, method, numbering; got "result"',
    },
    {
      rule: 'a dispute lists fewer than two claims',
      file: 'disputes.yaml',
      from: 'claims: [fifth-patrol-reached-ain-hawr, fifth-patrol-bombed-near-ariha]',
      to: 'claims: [fifth-patrol-reached-ain-hawr]',
      line: 6,
      field: 'disputes[0].claims',
      message: 'a dispute links at least two facts',
    },
  ]);

  it('reports an entry that is not a map of fields', () => {
    const files = mutate(validFiles(), 'places.yaml', '- id: ariha\n  name: Ariha\n  kind: town\n  region: Idlib province, Syria\n  within: syria\n', '- ariha\n');
    const issues = issuesOf(files);
    expect(issues).toContainEqual({
      path: 'knowledge/places.yaml',
      line: 14,
      field: 'places[2]',
      message: 'each entry must be a map of fields (id: …), not "ariha"',
    });
  });

  it('collects every problem in a file, not just the first', () => {
    let files = mutate(validFiles(), B, 'kind: attack', 'kind: atack');
    files = mutate(files, B, 'date: "2020"', 'date: 2020');
    files = mutate(files, A, '  tags: [route]', '  tag: [route]');
    expect(issuesOf(files).map((issue) => issue.field)).toEqual(['facts[0].tag', 'facts[0].kind', 'facts[2].date']);
  });
});

describe('a file the YAML parser refuses to expand', () => {
  it('reports an alias bomb as a problem of that file instead of throwing', () => {
    const bomb = ['- &a [x, x, x, x, x, x, x, x, x, x]', ...Array.from({ length: 8 }, (_, i) => `- &${String.fromCharCode(98 + i)} [*${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}]`)].join('\n');
    const issues = issuesOf(validFiles().set('places.yaml', `${bomb}\n`));
    expect(issues).toEqual([{ path: 'knowledge/places.yaml', line: 1, field: 'places', message: expect.stringMatching(/^YAML could not be read: .*alias/i) }]);
  });
});
