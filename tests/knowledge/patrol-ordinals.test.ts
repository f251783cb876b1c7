/** A fact filed under patrol N has N as an ordinal in its quote, not only as a count of patrols. */
import { describe, expect, it } from 'vitest';
import { countNotOrdinal } from '../../src/knowledge/patrol-ordinals.ts';
import { itReportsEach } from './helpers.ts';

describe('ordinals, not counts', () => {
  it('finds a number given only as a count of patrols, in digits or in words', () => {
    expect(countNotOrdinal('have conducted 25 patrols on the M4 highway', 25)).toBe('25 patrols');
    expect(countNotOrdinal('twenty-five joint Russian-Turkish patrols', 25)).toBe('twenty-five joint Russian-Turkish patrols');
    expect(countNotOrdinal('four patrols had been carried out', 4)).toBe('four patrols');
  });

  it('leaves a number that the quote also gives as an ordinal, however it is spelt', () => {
    expect(countNotOrdinal('the 25th joint patrol, one of 25 patrols', 25)).toBeUndefined();
    expect(countNotOrdinal('A suicide bombing targeted the 21th patrol', 21)).toBeUndefined();
    expect(countNotOrdinal('the twenty-second patrol of 22 patrols', 22)).toBeUndefined();
    expect(countNotOrdinal('the first joint patrolling mission', 1)).toBeUndefined();
    expect(countNotOrdinal('Three Russian service members were injured in the attack.', 21)).toBeUndefined();
  });

  itReportsEach([
    {
      rule: 'a count of patrols is filed as the ordinal of one',
      file: 'facts/beta-report.yaml',
      from: '  kind: patrol\n',
      to: '  kind: patrol\n  patrols: [4]\n',
      line: 20,
      field: 'facts[1].patrols[0]',
      message:
        'the quote gives 4 only as a count ("four patrols"), not as the ordinal of a patrol: ' +
        'a count is not the patrol with that number; remove 4 from patrols',
    },
  ]);
});
