/**
 * Event records (events.yaml): each rule broken once in the valid fixture, whose two events are
 * the fifth patrol (reported by two sources, with a disputed line) and the attack on it.
 */
import { describe, expect, it } from 'vitest';
import { buildFactBase } from '../../src/knowledge/load.ts';
import { CARD_TEXT_LIMITS } from '../../src/knowledge/card-limits.ts';
import { issuesOf, itReportsEach, lineIn, mutate, validFiles } from './helpers.ts';

const E = 'events.yaml';
const A = 'facts/alpha-news-patrol.yaml';
const B = 'facts/beta-report.yaml';
const at = (needle: string) => lineIn(validFiles(), E, needle);
const text = (length: number) => 'x'.repeat(length);

/** The attack event's one line, and a replacement block of `count` lines of `length` characters each. */
const ATTACK_LINES = '  lines:\n    - label: Damage\n      text: one vehicle\n      cites: [fifth-patrol-bombed-near-ariha]\n';
function attackLines(count: number, label: string, lineText: string): string {
  const line = `    - label: ${label}\n      text: ${lineText}\n      cites: [fifth-patrol-bombed-near-ariha]\n`;
  return `  lines:\n${line.repeat(count)}`;
}

it('accepts the valid fixture with its events, and links each fact to the events that report it', () => {
  const result = buildFactBase({ root: 'knowledge', files: validFiles() });
  if (!result.ok) expect.fail(JSON.stringify(result.issues));
  expect(result.base.events.map((event) => event.id)).toEqual(['patrol-5', 'attack-on-patrol-5']);
  expect(result.base.eventsByFact.get('fifth-patrol-bombed-near-ariha')).toEqual(['patrol-5', 'attack-on-patrol-5']);
  expect(result.base.eventsByFact.get('patrols-began-in-march')).toEqual([]);
});

describe('event references', () => {
  itReportsEach([
    {
      rule: 'a report is not a known fact',
      file: E,
      from: 'reports: [fifth-patrol-bombed-near-ariha]',
      to: 'reports: [fifth-patrol-bombed-near-ariha, fifth-patrol-bombed]',
      line: at('reports: [fifth-patrol-bombed-near-ariha]'),
      field: 'events[1].reports[1]',
      message: 'unknown fact "fifth-patrol-bombed": no such id in knowledge/facts/*.yaml',
    },
    {
      rule: 'a place is not known',
      file: E,
      from: 'places: [ariha, m4-highway]',
      to: 'places: [ariha, m5-highway]',
      line: at('places: [ariha, m4-highway]'),
      field: 'events[1].places[1]',
      message: 'unknown place "m5-highway": no such id in knowledge/places.yaml (did you mean "m4-highway"?)',
    },
    {
      rule: "a patrol's route starts at an unknown place",
      file: E,
      from: '  places: [ain-hawr, m4-highway]\n',
      to: '  places: [ain-hawr, m4-highway]\n  route:\n    from: tronba\n    to: ain-hawr\n',
      line: at('places: [ain-hawr, m4-highway]') + 2,
      field: 'events[0].route.from',
      message: 'unknown place "tronba": no such id in knowledge/places.yaml',
    },
    {
      rule: 'a line names an unknown dispute',
      file: E,
      from: 'dispute: fifth-patrol-outcome',
      to: 'dispute: fifth-patrol-outcomes',
      line: at('dispute: fifth-patrol-outcome'),
      field: 'events[0].lines[1].dispute',
      message: 'unknown dispute "fifth-patrol-outcomes": no such id in knowledge/disputes.yaml (did you mean "fifth-patrol-outcome"?)',
    },
    {
      rule: 'a line cites a fact that is not among the reports',
      file: E,
      from: '      text: one vehicle\n      cites: [fifth-patrol-bombed-near-ariha]',
      to: '      text: one vehicle\n      cites: [convoy-not-harmed]',
      line: at('text: one vehicle') + 1,
      field: 'events[1].lines[0].cites[0]',
      message: "cites fact convoy-not-harmed, which is not in this event's reports: add it to reports, or cite a fact of this event",
    },
    {
      rule: 'a line cites an unknown fact',
      file: E,
      from: '      text: one vehicle\n      cites: [fifth-patrol-bombed-near-ariha]',
      to: '      text: one vehicle\n      cites: [no-such-fact]',
      line: at('text: one vehicle') + 1,
      field: 'events[1].lines[0].cites[0]',
      message: 'unknown fact "no-such-fact": no such id in knowledge/facts/*.yaml',
    },
    {
      rule: 'a report is listed twice',
      file: E,
      from: 'reports: [fifth-patrol-bombed-near-ariha]',
      to: 'reports: [fifth-patrol-bombed-near-ariha, fifth-patrol-bombed-near-ariha]',
      line: at('reports: [fifth-patrol-bombed-near-ariha]'),
      field: 'events[1].reports[1]',
      message: 'fact fifth-patrol-bombed-near-ariha is listed twice',
    },
  ]);
});

describe('fields that belong to some kinds of event', () => {
  itReportsEach([
    {
      rule: 'an attack has no target (reported at its kind)',
      file: E,
      from: '  target: joint-patrol\n',
      to: '',
      line: at('kind: attack'),
      field: 'events[1].target',
      message: 'is required for kind attack: joint-patrol or related-forces',
    },
    {
      rule: 'an event that is not an attack has a target',
      file: E,
      from: '  kind: patrol\n',
      to: '  kind: patrol\n  target: joint-patrol\n',
      line: at('kind: patrol') + 1,
      field: 'events[0].target',
      message: "only attacks have a target, and this event's kind is patrol",
    },
    {
      rule: 'an event that is neither a patrol nor an attack has a patrol number',
      file: E,
      from: '  kind: patrol\n',
      to: '  kind: suspension\n',
      line: at('stated_in: [fifth-patrol-reached-ain-hawr]') - 3,
      field: 'events[0].patrol',
      message: "only a patrol, or an attack on one, has a patrol number; this event's kind is suspension",
    },
    {
      rule: 'an attack with a patrol number hit related forces',
      file: E,
      from: 'target: joint-patrol',
      to: 'target: related-forces',
      line: at('stated_in: [fifth-patrol-bombed-near-ariha]') - 3,
      field: 'events[1].patrol',
      message: 'an attack with a patrol number hit that joint patrol: its target must be joint-patrol',
    },
    {
      rule: 'an event that is not a patrol has a route',
      file: E,
      from: '  places: [ariha, m4-highway]\n',
      to: '  places: [ariha, m4-highway]\n  route:\n    from: ariha\n    to: m4-highway\n',
      line: at('places: [ariha, m4-highway]') + 1,
      field: 'events[1].route',
      message: "only a patrol has a route; this event's kind is attack",
    },
  ]);
});

describe('how the patrol number and the date are known', () => {
  const inferred = (extra: string) => `    basis: inferred\n${extra}`;
  const STATED = '    basis: stated\n    stated_in: [fifth-patrol-bombed-near-ariha]\n';
  // With the attack's report no longer naming patrol 5, nothing states the number: it is inferred.
  const unnumbered = (files: Map<string, string>) => mutate(files, B, '  patrols: [5]\n  places: [ariha', '  places: [ariha');
  const patrolLine = at('stated_in: [fifth-patrol-bombed-near-ariha]') - 3;

  itReportsEach([
    {
      rule: 'a stated number names no fact that states it',
      file: E,
      from: '    stated_in: [fifth-patrol-bombed-near-ariha]\n',
      to: '',
      line: patrolLine,
      field: 'events[1].patrol.stated_in',
      message: 'a stated number names the facts whose quote gives it',
    },
    {
      rule: 'a number is inferred although a report names it',
      file: E,
      from: STATED,
      to: inferred('    reasoning: the same day as the fifth patrol\n    note: number inferred from the day\n'),
      line: patrolLine + 2,
      field: 'events[1].patrol.basis',
      message: 'report fifth-patrol-bombed-near-ariha names patrol 5: the number is stated, not inferred; list it in stated_in',
    },
    {
      rule: 'a fact listed in stated_in does not name the number',
      file: A,
      from: '  patrols: [5]\n  places: [ain-hawr]',
      to: '  places: [ain-hawr]',
      in: E,
      line: at('stated_in: [fifth-patrol-reached-ain-hawr]'),
      field: 'events[0].patrol.stated_in[0]',
      message: 'fact fifth-patrol-reached-ain-hawr does not name patrol 5 (its patrols: []): a fact states the number only if it names it',
    },
    {
      rule: 'an inferred date has no date_note (reported at date_basis)',
      file: E,
      from: `  date_note: '"on Tuesday": in the week to 7 July'\n`,
      to: '',
      line: at('date_basis: inferred'),
      field: 'events[0].date_note',
      message: 'is required when date_basis is inferred: a few words the card shows once',
    },
  ]);

  it('reports an inferred number without reasoning, and without a note', () => {
    const files = unnumbered(validFiles());
    expect(issuesOf(mutate(files, E, STATED, inferred('    note: number inferred from the day\n')))).toEqual([
      { path: 'knowledge/events.yaml', line: patrolLine, field: 'events[1].patrol.reasoning', message: 'is required when the number is inferred: say how it was worked out' },
    ]);
    expect(issuesOf(mutate(files, E, STATED, inferred('    reasoning: the same day as the fifth patrol\n')))).toEqual([
      { path: 'knowledge/events.yaml', line: patrolLine, field: 'events[1].patrol.note', message: 'is required when the number is inferred: a few words the card shows' },
    ]);
  });

  it('accepts an inferred number with its reasoning and note when no report names it', () => {
    const files = mutate(
      unnumbered(validFiles()),
      E,
      STATED,
      inferred('    reasoning: the same day as the fifth patrol\n    note: number inferred from the day\n'),
    );
    expect(buildFactBase({ root: 'knowledge', files }).ok).toBe(true);
  });
});

describe("an event's date fits its reports", () => {
  itReportsEach([
    {
      rule: "the event's days reach outside those of a report of its kind",
      file: E,
      from: '  date_earliest: 2020-07-01\n  date_latest: 2020-07-07',
      to: '  date_earliest: 2020-06-30\n  date_latest: 2020-07-07',
      line: at('reports: [fifth-patrol-reached-ain-hawr'),
      field: 'events[0].reports[0]',
      message:
        "the event's possible days (2020-06-30 to 2020-07-07) are not all within those of its report fifth-patrol-reached-ain-hawr " +
        "(2020-07-01 to 2020-07-07): narrow the event's date to what every report allows, or check the report's date",
    },
    {
      rule: 'no report is of the kind that dates the event',
      file: B,
      from: '  kind: attack\n  attack_target: joint-patrol\n',
      to: '  kind: statement\n',
      in: E,
      line: at('reports: [fifth-patrol-bombed-near-ariha]'),
      field: 'events[1].reports',
      message: 'none of its reports is a fact of kind attack or casualties: an event of kind attack is reported by at least one, which dates it',
    },
  ]);

  it('does not date an event by its statements: a later statement may fall after it', () => {
    // convoy-not-harmed (a statement) may be as late as 9 July; the patrol is no later than 7 July.
    expect(buildFactBase({ root: 'knowledge', files: validFiles() }).ok).toBe(true);
  });
});

describe('patrol numbers in facts and events agree', () => {
  itReportsEach([
    {
      rule: 'a fact names a patrol whose events do not report it',
      file: A,
      from: '  kind: context\n',
      to: '  kind: context\n  patrols: [5]\n',
      line: 37,
      field: 'facts[2].patrols[0]',
      message:
        'names patrol 5, but no event of patrol 5 reports it (patrol-5 (knowledge/events.yaml:2), attack-on-patrol-5 (knowledge/events.yaml:41)): ' +
        "add it to that event's reports, or say in no_event_reason why it stays out",
    },
    {
      rule: 'a fact says why it is in no event, but is in one',
      file: A,
      from: '  tags: [route]\n',
      to: '  tags: [route]\n  no_event_reason: a later summary\n',
      line: 12,
      field: 'facts[0].no_event_reason',
      message: 'an event of every patrol the fact names (5) reports it, or there is none yet: remove no_event_reason',
    },
    {
      rule: 'a report names another patrol',
      file: A,
      from: '  patrols: [5]\n  date: 2020-07-07',
      to: '  patrols: [6]\n  date: 2020-07-07',
      in: E,
      line: at('reports: [fifth-patrol-reached-ain-hawr'),
      field: 'events[0].reports[1]',
      message: "report convoy-not-harmed names patrol 6, not 5: it reports another patrol's event",
    },
    {
      rule: 'an attack has no patrol number though its report names one',
      file: E,
      from: '  patrol:\n    number: 5\n    basis: stated\n    stated_in: [fifth-patrol-bombed-near-ariha]\n',
      to: '',
      line: at('reports: [fifth-patrol-bombed-near-ariha]') - 4,
      field: 'events[1].reports[0]',
      message: 'report fifth-patrol-bombed-near-ariha names patrol 5, but this event has no patrol number: give it patrol: {number: …}',
    },
  ]);

  it('accepts a fact that names a patrol and says why no event of it reports it', () => {
    const files = mutate(validFiles(), A, '  kind: context\n', '  kind: context\n  patrols: [5]\n  no_event_reason: it tells how the patrols began\n');
    expect(buildFactBase({ root: 'knowledge', files }).ok).toBe(true);
  });

  it('reports a second event of kind patrol for one patrol', () => {
    const files = mutate(validFiles(), E, '  kind: attack\n  target: joint-patrol\n', '  kind: patrol\n');
    expect(issuesOf(files)).toEqual([
      {
        path: 'knowledge/events.yaml',
        line: at('stated_in: [fifth-patrol-bombed-near-ariha]') - 3,
        field: 'events[1].patrol.number',
        message: 'patrol 5 already has an event of kind patrol, patrol-5 (knowledge/events.yaml:2): one record per patrol',
      },
      {
        path: 'knowledge/events.yaml',
        line: at('reports: [fifth-patrol-bombed-near-ariha]') - 1,
        field: 'events[1].reports',
        message: 'none of its reports is a fact of kind patrol: an event of kind patrol is reported by at least one, which dates it',
      },
    ]);
  });
});

describe('identification of reports from several sources', () => {
  const IDENTIFICATION = "  identification: Beta Report's bombed patrol carries the same number, five, and the same day as Alpha News's.\n";
  const NOTE = '  identification_note: matched by number and day\n';
  itReportsEach([
    {
      rule: 'reports from two sources are grouped without saying why (reported at reports)',
      file: E,
      from: IDENTIFICATION + NOTE,
      to: '',
      line: at('reports: [fifth-patrol-reached-ain-hawr'),
      field: 'events[0].identification',
      message: 'is required: the reports come from 2 sources (alpha-news-patrol, beta-report); say why they are one event',
    },
    {
      rule: 'an identification has no note for the card',
      file: E,
      from: NOTE,
      to: '',
      line: at('identification: Beta'),
      field: 'events[0].identification_note',
      message: 'is required with identification: a few words the card shows once',
    },
    {
      rule: 'a note stands without an identification',
      file: E,
      from: '  reports: [fifth-patrol-bombed-near-ariha]\n',
      to: '  reports: [fifth-patrol-bombed-near-ariha]\n  identification_note: one source\n',
      line: at('reports: [fifth-patrol-bombed-near-ariha]') + 1,
      field: 'events[1].identification_note',
      message: 'is shown beside an identification: write the identification, or remove the note',
    },
  ]);
});

describe('card lines', () => {
  itReportsEach([
    {
      rule: 'a line has neither text nor sides',
      file: E,
      from: '      text: one vehicle\n',
      to: '',
      line: at('label: Damage'),
      field: 'events[1].lines[0]',
      message: 'a line has either text (with cites) or sides (with a dispute)',
    },
    {
      rule: 'a line has both text and sides',
      file: E,
      from: '    - label: Harm\n',
      to: '    - label: Harm\n      text: no harm\n',
      line: at('label: Harm') + 3,
      field: 'events[0].lines[1].sides',
      message: 'a line has either text or sides, not both',
    },
    {
      rule: 'a line with text cites nothing',
      file: E,
      from: '      text: one vehicle\n      cites: [fifth-patrol-bombed-near-ariha]\n',
      to: '      text: one vehicle\n',
      line: at('label: Damage'),
      field: 'events[1].lines[0].cites',
      message: 'a line with text cites at least one fact of the event',
    },
    {
      rule: 'a disputed line has one side',
      file: E,
      from: '        - text: bombed near Ariha\n          cites: [fifth-patrol-bombed-near-ariha]\n',
      to: '',
      line: at('sides:'),
      field: 'events[0].lines[1].sides',
      message: 'a disputed line shows at least two sides',
    },
    {
      rule: 'a disputed line names no dispute',
      file: E,
      from: '      dispute: fifth-patrol-outcome\n',
      to: '',
      line: at('label: Harm'),
      field: 'events[0].lines[1].dispute',
      message: 'a line with sides names the dispute it is about',
    },
    {
      rule: 'a side cites none of the claims of its dispute',
      file: E,
      from: 'cites: [convoy-not-harmed, fifth-patrol-reached-ain-hawr]',
      to: 'cites: [convoy-not-harmed]',
      line: at('cites: [convoy-not-harmed, fifth-patrol-reached-ain-hawr]'),
      field: 'events[0].lines[1].sides[0].cites',
      message: 'cites none of the claims of dispute fifth-patrol-outcome: a side cites the claim it shows',
    },
    {
      rule: 'a plain line names a dispute',
      file: E,
      from: '      text: one vehicle\n',
      to: '      text: one vehicle\n      dispute: fifth-patrol-outcome\n',
      line: at('text: one vehicle') + 1,
      field: 'events[1].lines[0].dispute',
      message: 'a line about a dispute shows its sides: write sides (each with its cites) instead of text',
    },
  ]);
});

describe('card text limits (CARD_TEXT_LIMITS)', () => {
  const L = CARD_TEXT_LIMITS;
  const over = (what: string, limit: number) => `${what} has ${limit + 1} characters; at most ${limit} fit the card: shorten it`;

  itReportsEach([
    {
      rule: 'a name is too long',
      file: E,
      from: '  name: Roadside bomb near Ariha',
      to: `  name: ${text(L.name + 1)}`,
      line: at('name: Roadside'),
      field: 'events[1].name',
      message: over('the name', L.name),
    },
    {
      rule: 'a brief is too long',
      file: E,
      from: '    text: roadside bomb, one vehicle damaged',
      to: `    text: ${text(L.brief + 1)}`,
      line: at('text: roadside bomb'),
      field: 'events[1].brief.text',
      message: over('the brief', L.brief),
    },
    {
      rule: 'a summary is too long',
      file: E,
      from: '    text: A roadside bomb hit the fifth joint patrol near Ariha.',
      to: `    text: ${text(L.summary + 1)}`,
      line: at('text: A roadside bomb'),
      field: 'events[1].summary.text',
      message: over('the summary', L.summary),
    },
    {
      rule: 'a label is too long',
      file: E,
      from: '    - label: Damage',
      to: `    - label: ${text(L.label + 1)}`,
      line: at('label: Damage'),
      field: 'events[1].lines[0].label',
      message: over('the label', L.label),
    },
    {
      rule: 'a line is too long',
      file: E,
      from: '      text: one vehicle',
      to: `      text: ${text(L.lineText + 1)}`,
      line: at('text: one vehicle'),
      field: 'events[1].lines[0].text',
      message: over('the line', L.lineText),
    },
    {
      rule: 'a side of a disputed line is too long',
      file: E,
      from: '        - text: bombed near Ariha',
      to: `        - text: ${text(L.sideText + 1)}`,
      line: at('text: bombed near Ariha'),
      field: 'events[0].lines[1].sides[1].text',
      message: over('the side', L.sideText),
    },
    {
      rule: 'the sides of a disputed line are too long together',
      file: E,
      // Each of three sides within its own limit: 100 + 84 + "bombed near Ariha" (17) = 201.
      from: '        - text: none\n',
      to: `        - text: ${text(L.sideText)}\n          cites: [fifth-patrol-reached-ain-hawr]\n        - text: ${text(L.sidesText + 1 - L.sideText - 'bombed near Ariha'.length)}\n`,
      line: at('sides:'),
      field: 'events[0].lines[1].sides',
      message: `the sides have ${L.sidesText + 1} characters together; at most ${L.sidesText} fit one line: shorten them`,
    },
    {
      rule: 'a date note is too long',
      file: E,
      from: `  date_note: '"on Tuesday": in the week to 7 July'`,
      to: `  date_note: ${text(L.dateNote + 1)}`,
      line: at('date_note:'),
      field: 'events[0].date_note',
      message: over('the date note', L.dateNote),
    },
    {
      rule: 'a patrol note is too long',
      file: E,
      from: '    stated_in: [fifth-patrol-reached-ain-hawr]\n',
      to: `    stated_in: [fifth-patrol-reached-ain-hawr]\n    note: ${text(L.patrolNote + 1)}\n`,
      line: at('stated_in: [fifth-patrol-reached-ain-hawr]') + 1,
      field: 'events[0].patrol.note',
      message: over('the patrol note', L.patrolNote),
    },
    {
      rule: 'an identification note is too long',
      file: E,
      from: '  identification_note: matched by number and day',
      to: `  identification_note: ${text(L.identificationNote + 1)}`,
      line: at('identification_note:'),
      field: 'events[0].identification_note',
      message: over('the identification note', L.identificationNote),
    },
    {
      rule: "an actor's name is too long",
      file: E,
      from: '    - name: the fifth joint patrol',
      to: `    - name: ${text(L.actorName + 1)}`,
      line: at('name: the fifth joint patrol'),
      field: 'events[1].actors[0].name',
      message: over("the actor's name", L.actorName),
    },
    {
      rule: 'an event has too many lines',
      file: E,
      from: ATTACK_LINES,
      to: attackLines(L.lines + 1, 'Damage', 'one vehicle'),
      line: at('label: Damage') + 3 * L.lines,
      field: `events[1].lines[${L.lines}]`,
      message: `a card shows at most ${L.lines} lines; this event has ${L.lines + 1}`,
    },
    {
      rule: "an event's card text is too long in all",
      file: E,
      from: ATTACK_LINES,
      to: attackLines(4, text(L.label), text(L.lineText)),
      line: at('text: A roadside bomb') - 1,
      field: 'events[1].summary',
      message:
        `the summary, labels and lines have ${'A roadside bomb hit the fifth joint patrol near Ariha.'.length + 4 * (L.label + L.lineText)} ` +
        `characters together; at most ${L.cardText} fit a card: shorten them or drop a line`,
    },
    {
      rule: 'two events have one name',
      file: E,
      from: '  name: Roadside bomb near Ariha',
      to: '  name: Fifth Patrol',
      line: at('name: Roadside'),
      field: 'events[1].name',
      message: 'event patrol-5 (knowledge/events.yaml:4) already has this name: menus could not tell them apart',
    },
  ]);

  it('accepts text of exactly the limit', () => {
    let files = mutate(validFiles(), E, '  name: Roadside bomb near Ariha', `  name: ${text(L.name)}`);
    files = mutate(files, E, '    text: roadside bomb, one vehicle damaged', `    text: ${text(L.brief)}`);
    expect(buildFactBase({ root: 'knowledge', files }).ok).toBe(true);
  });

  describe('the /patrol card, which shows every event of the patrol', () => {
    const patrolNumberLine = at('stated_in: [fifth-patrol-bombed-near-ariha]') - 2;
    const others = 'patrol-5 (knowledge/events.yaml:2)';

    it('reports the event that takes it over the text limit, though each event keeps to it', () => {
      const base = buildFactBase({ root: 'knowledge', files: validFiles() });
      if (!base.ok) expect.fail('the fixture loads');
      const patrol = base.base.events[0]!;
      const patrolText = patrol.summary.text.length + patrol.lines.reduce((n, line) => n + line.label.length + (line.text?.length ?? 0) + (line.sides ?? []).reduce((m, side) => m + side.text.length, 0), 0);
      const attackText = 'A roadside bomb hit the fifth joint patrol near Ariha.'.length + 3 * (L.label + L.lineText);
      expect(attackText).toBeLessThanOrEqual(L.cardText);
      expect(patrolText + attackText).toBeGreaterThan(L.cardText);
      const files = mutate(validFiles(), E, ATTACK_LINES, attackLines(3, text(L.label), text(L.lineText)));
      expect(issuesOf(files)).toEqual([
        {
          path: 'knowledge/events.yaml',
          line: patrolNumberLine,
          field: 'events[1].patrol.number',
          message: `the patrol 5 card shows this event with ${others}: ${patrolText + attackText} characters of summary, labels and lines; at most ${L.cardText} fit`,
        },
      ]);
    });

    it('reports the event that takes it over the line limit', () => {
      const files = mutate(validFiles(), E, ATTACK_LINES, attackLines(L.lines - 1, 'Damage', 'one vehicle'));
      expect(issuesOf(files)).toEqual([
        {
          path: 'knowledge/events.yaml',
          line: patrolNumberLine,
          field: 'events[1].patrol.number',
          message: `the patrol 5 card shows this event with ${others}: ${L.lines + 1} lines; at most ${L.lines} fit`,
        },
      ]);
    });
  });
});
