import { describe, expect, it } from 'vitest';
import { parseCommand } from '../../src/transports/terminal/parse-command.ts';

function query(input: string) {
  const parsed = parseCommand(input);
  if (!parsed.ok) throw new Error(`expected ${input} to parse: ${parsed.message}`);
  return parsed.query;
}

function failure(input: string) {
  const parsed = parseCommand(input);
  if (parsed.ok) throw new Error(`expected ${input} to be refused, got ${JSON.stringify(parsed.query)}`);
  return parsed;
}

describe('parseCommand: commands as users type them', () => {
  it.each([
    ['/patrol 22', { command: 'patrol', number: 22 }],
    ['/patrol number:22', { command: 'patrol', number: 22 }],
    ['/patrol 22nd', { command: 'patrol', number: 22 }],
    ['/patrol', { command: 'patrol' }],
    ['patrol 1', { command: 'patrol', number: 1 }],
    ['/PATROL 999', { command: 'patrol', number: 999 }],
    ['/where ain-hour', { command: 'where', place: 'ain-hour' }],
    ['/where place:Ain Hawr', { command: 'where', place: 'Ain Hawr' }],
    ['/where place: "Ain al-Hawr"', { command: 'where', place: 'Ain al-Hawr' }],
    ['/attacks', { command: 'attacks' }],
    ['/attacks from:2020-07-01', { command: 'attacks', from: '2020-07-01' }],
    ['/attacks from:July 2020 to:August 2020', { command: 'attacks', from: 'July 2020', to: 'August 2020' }],
    ['/attacks to:August 2020 from:July 2020', { command: 'attacks', from: 'July 2020', to: 'August 2020' }],
    ['/attacks July 2020', { command: 'attacks', from: 'July 2020' }],
    ['/timeline', { command: 'timeline' }],
    ['/timeline from:2020-07 to:2020-08', { command: 'timeline', from: '2020-07', to: '2020-08' }],
    ['/search human shields', { command: 'search', query: 'human shields' }],
    ['/search query:human shields', { command: 'search', query: 'human shields' }],
    ['/search note: the patrol', { command: 'search', query: 'note: the patrol' }],
    ['/source sofrep-26th-patrol-attacked', { command: 'source', id: 'sofrep-26th-patrol-attacked' }],
    ['/source id:sofrep-26th-patrol-attacked', { command: 'source', id: 'sofrep-26th-patrol-attacked' }],
    ['/help', { command: 'help' }],
    ['  /help  ', { command: 'help' }],
  ])('%s', (input, expected) => {
    expect(query(input)).toEqual(expected);
  });

  it('an invalid date is still a query: the answer explains it', () => {
    expect(query('/attacks from:yesterday')).toEqual({ command: 'attacks', from: 'yesterday' });
  });
});

describe('parseCommand: refusals carry a usage line', () => {
  it.each([
    ['/frobnicate', 'There is no command /frobnicate.', '/patrol [number]'],
    ['', 'Type a command', '/help'],
    ['/', 'Type a command', '/help'],
    ['/patrol twenty', 'number must be a whole number from 1 to 999', '/patrol [number]'],
    ['/patrol 0', 'number must be a whole number from 1 to 999', '/patrol [number]'],
    ['/patrol 1000', 'from 1 to 999', '/patrol [number]'],
    ['/patrol -3', 'from 1 to 999', '/patrol [number]'],
    ['/patrol 2.5', 'whole number', '/patrol [number]'],
    ['/patrol colour:red', '/patrol has no option colour', '/patrol [number]'],
    ['/where', '/where needs place', '/where <place>'],
    ['/where place:', 'The option place: needs a value', '/where <place>'],
    ['/where Ain place:Hawr', 'given twice', '/where <place>'],
    ['/attacks from:2020 from:2021', 'given twice', '/attacks [from:<date>] [to:<date>]'],
    ['/attacks since:2020', '/attacks has no option since', '/attacks'],
    ['/search', '/search needs words', '/search <words>'],
    ['/source', '/source needs source', '/source <source>'],
    ['/help me', '/help takes no options', '/help'],
  ])('%j', (input, problem, usage) => {
    const f = failure(input);
    expect(f.problem).toContain(problem);
    expect(f.usage).toContain(usage);
    expect(f.message).toBe(`${f.problem}\nusage: ${f.usage}`);
  });

  it('shows a long or hostile command name only in part, without control characters', () => {
    const f = failure(`/${'x'.repeat(500)}\u001b[31m`);
    expect(f.problem.length).toBeLessThan(80);
    expect(f.problem).not.toContain('\u001b');
  });
});
