/** What readers see — dispute texts, card text, statements, date reasoning, place notes — names no internal id. */
import { describe, expect, it } from 'vitest';
import { InternalIds } from '../../src/knowledge/reader-text.ts';
import { itReportsEach } from './helpers.ts';

describe('internal ids in reader text', () => {
  it('finds a hyphenated id as a whole slug, and leaves one-word ids and longer slugs alone', () => {
    const ids = new InternalIds(['ariha', 'm4-highway', 'fifth-patrol-outcome', 'fifth-patrol-outcome-2']);
    expect(ids.find('as for fifth-patrol-outcome, see above')).toBe('fifth-patrol-outcome');
    expect(ids.find('(fifth-patrol-outcome-2)')).toBe('fifth-patrol-outcome-2');
    expect(ids.find('near Ariha, on the m4-highway-east')).toBeUndefined();
    expect(ids.find('the M-4 near ariha')).toBeUndefined();
    expect(ids.find(undefined)).toBeUndefined();
  });

  it('finds the name of a knowledge file too: readers have no files', () => {
    const ids = new InternalIds([]);
    expect(ids.find('as of the publication (15–17 March 2020, sources.yaml)')).toBe('sources.yaml');
    expect(ids.find('see facts/sofrep.yaml for more')).toBe('facts/sofrep.yaml');
    expect(ids.find('a YAML file, or yaml alone')).toBeUndefined();
  });

  itReportsEach([
    {
      rule: "a dispute's note names a fact by its id",
      file: 'disputes.yaml',
      from: '  aspect: outcome\n',
      to: '  aspect: outcome\n  note: See fifth-patrol-reached-ain-hawr.\n',
      line: 6,
      field: 'disputes[0].note',
      message: 'names the internal id fifth-patrol-reached-ain-hawr, which a reader sees: say it in words',
    },
    {
      rule: "a fact's date reasoning names its source by its id",
      file: 'facts/alpha-news-patrol.yaml',
      from: 'date_reasoning: Said about the fifth patrol, before the article appeared.',
      to: 'date_reasoning: Said about the fifth patrol, before alpha-news-patrol appeared.',
      line: 30,
      field: 'facts[1].date_reasoning',
      message: 'names the internal id alpha-news-patrol, which a reader sees: say it in words',
    },
    {
      rule: "a fact's date reasoning names a knowledge file",
      file: 'facts/alpha-news-patrol.yaml',
      from: 'date_reasoning: Said about the fifth patrol, before the article appeared.',
      to: 'date_reasoning: Said about the fifth patrol, before the article appeared (sources.yaml).',
      line: 30,
      field: 'facts[1].date_reasoning',
      message: 'names the internal id sources.yaml, which a reader sees: say it in words',
    },
    {
      rule: "an event's card line names the dispute by its id",
      file: 'events.yaml',
      from: '      text: one vehicle\n',
      to: '      text: one vehicle (see fifth-patrol-outcome)\n',
      line: 66,
      field: 'events[1].lines[0].text',
      message: 'names the internal id fifth-patrol-outcome, which a reader sees: say it in words',
    },
    {
      rule: "an event's line label names a place by its id",
      file: 'events.yaml',
      from: '    - label: Damage\n',
      to: '    - label: At m4-highway\n',
      line: 65,
      field: 'events[1].lines[0].label',
      message: 'names the internal id m4-highway, which a reader sees: say it in words',
    },
    {
      rule: "an event's actor is named by an id",
      file: 'events.yaml',
      from: '    - name: the fifth joint patrol\n',
      to: '    - name: the fifth-patrol-outcome\n',
      line: 54,
      field: 'events[1].actors[0].name',
      message: 'names the internal id fifth-patrol-outcome, which a reader sees: say it in words',
    },
    {
      rule: "a place's note names another place by its id",
      file: 'places.yaml',
      from: '  aliases: [M4, M-4]\n',
      to: '  aliases: [M4, M-4]\n  note: Runs past ain-hawr.\n',
      line: 7,
      field: 'places[0].note',
      message: 'names the internal id ain-hawr, which a reader sees: say it in words',
    },
  ]);
});
