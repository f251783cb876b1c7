/** Alias collisions between places, the attack_target rule and dispute claims. */
import { describe, expect, it } from 'vitest';
import { buildFactBase } from '../../src/knowledge/load.ts';
import { itReportsEach, validFiles } from './helpers.ts';

const P = 'places.yaml';

describe('place aliases', () => {
  it("accepts a place's own spellings folding together (M4 / M-4, Ain Hawr / Ain al-Hawr)", () => {
    expect(buildFactBase({ root: 'knowledge', files: validFiles() }).ok).toBe(true);
  });

  itReportsEach([
    {
      rule: 'an alias is one another place already uses, hyphen and case folded',
      file: P,
      from: '  region: Idlib province, Syria',
      to: '  region: Idlib province, Syria\n  aliases: [ain-HOUR]',
      line: 16,
      field: 'places[2].aliases[0]',
      message:
        '"ain-HOUR" collides with "Ain Hour" of place ain-hawr (knowledge/places.yaml:11): ' +
        'both read as "ain hour", so a user typing it could mean either',
    },
    {
      rule: "an alias folds to another place's name, diacritics and the article dropped",
      file: P,
      from: 'aliases: [Ain Hour, Ain al-Hawr]',
      to: 'aliases: [Ain Hour, Ain al-Hawr, al-Arīha]',
      line: 11,
      field: 'places[1].aliases[2]',
      message:
        '"al-Arīha" collides with "Ariha" of place ariha (knowledge/places.yaml:13): ' +
        'both read as "ariha", so a user typing it could mean either',
    },
    {
      rule: 'two places have names that fold alike (once per place)',
      file: P,
      from: '  name: Ariha',
      to: '  name: Ain-Hawr',
      line: 13,
      field: 'places[2].name',
      message:
        '"Ain-Hawr" collides with "Ain Hawr" of place ain-hawr (knowledge/places.yaml:8): ' +
        'both read as "ain hawr", so a user typing it could mean either',
    },
    {
      rule: 'an alias has nothing to match',
      file: P,
      from: 'aliases: [M4, M-4]',
      to: 'aliases: [M4, M-4, "–"]',
      line: 6,
      field: 'places[0].aliases[2]',
      message: '"–" has no letters or digits to match a name by',
    },
  ]);
});

describe('attack_target', () => {
  itReportsEach([
    {
      rule: 'an attack has none (reported at its kind)',
      file: 'facts/beta-report.yaml',
      from: '  attack_target: joint-patrol\n',
      to: '',
      line: 7,
      field: 'facts[0].attack_target',
      message: 'is required for kind attack: joint-patrol (the patrol itself was hit) or related-forces',
    },
    {
      rule: 'a fact that is not an attack has one',
      file: 'facts/alpha-news-patrol.yaml',
      from: '  kind: context',
      to: '  kind: context\n  attack_target: related-forces',
      line: 37,
      field: 'facts[2].attack_target',
      message: "only attacks have an attack_target, and this fact's kind is context: remove it or make the kind attack",
    },
  ]);
});

describe('dispute claims', () => {
  const claims = 'claims: [fifth-patrol-reached-ain-hawr, fifth-patrol-bombed-near-ariha]';

  itReportsEach([
    {
      rule: 'a dispute does not link two different facts',
      file: 'disputes.yaml',
      from: claims,
      to: 'claims: [fifth-patrol-reached-ain-hawr, fifth-patrol-reached-ain-hawr]',
      line: 6,
      field: 'disputes[0].claims',
      message: 'a dispute links at least two different facts; this one only has fifth-patrol-reached-ain-hawr',
    },
    {
      rule: 'a dispute lists a fact twice',
      file: 'disputes.yaml',
      from: claims,
      to: 'claims: [fifth-patrol-reached-ain-hawr, fifth-patrol-bombed-near-ariha, fifth-patrol-reached-ain-hawr]',
      line: 6,
      field: 'disputes[0].claims[2]',
      message: 'fact fifth-patrol-reached-ain-hawr is listed twice',
    },
  ]);
});
