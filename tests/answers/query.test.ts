import { describe, expect, it } from 'vitest';
import { buildQuery, COMMANDS, usageLine } from '../../src/answers/query.ts';

describe('buildQuery (what the Discord transports and the terminal both use)', () => {
  it('accepts option values as Discord sends them', () => {
    expect(buildQuery('patrol', { number: 22 })).toEqual({ ok: true, query: { command: 'patrol', number: 22 } });
    expect(buildQuery('patrol', {})).toEqual({ ok: true, query: { command: 'patrol' } });
    expect(buildQuery('attacks', { from: 'July 2020', to: undefined })).toEqual({ ok: true, query: { command: 'attacks', from: 'July 2020' } });
    expect(buildQuery('help', {})).toEqual({ ok: true, query: { command: 'help' } });
  });

  it('checks integers and their bounds, from numbers or text', () => {
    expect(buildQuery('patrol', { number: '22' })).toEqual({ ok: true, query: { command: 'patrol', number: 22 } });
    for (const bad of [0, 1000, 2.5, -1, 'x', '1e3', Number.NaN]) {
      expect(buildQuery('patrol', { number: bad })).toEqual({ ok: false, message: 'number must be a whole number from 1 to 999.' });
    }
  });

  it('refuses unknown options and missing required ones, without echoing what was typed', () => {
    expect(buildQuery('where', {})).toEqual({ ok: false, message: '/where needs place.' });
    expect(buildQuery('where', { place: '   ' })).toEqual({ ok: false, message: '/where needs place.' });
    const unknown = buildQuery('where', { place: 'x', '<@1> evil': 'y' });
    expect(unknown).toEqual({ ok: false, message: '/where has no option "1evil".' });
  });

  it('every command has a usage line built from its options', () => {
    expect(COMMANDS.map((c) => usageLine(c.name))).toEqual([
      '/patrol [number]',
      '/attacks [from:<date>] [to:<date>]',
      '/where <place>',
      '/search <words>',
      '/timeline [from:<date>] [to:<date>]',
      '/source <source>',
      '/help',
    ]);
  });
});
