/** Alias collisions between places, the attack_target rule and dispute claims. */
import { describe, expect, it } from 'vitest';
import { buildFactBase } from '../../src/knowledge/load.ts';
import { issuesOf, mutate, validFiles } from './helpers.ts';

const P = 'places.yaml';

describe('place aliases', () => {
  it("accepts a place's own spellings folding together (M4 / M-4, Ain Hawr / Ain al-Hawr)", () => {
    expect(buildFactBase({ root: 'knowledge', files: validFiles() }).ok).toBe(true);
  });

  it('rejects an alias that another place already uses, hyphen and case folded', () => {
    const files = mutate(validFiles(), P, '  region: Idlib province, Syria', '  region: Idlib province, Syria\n  aliases: [ain-HOUR]');
    expect(issuesOf(files)).toEqual([
      {
        path: 'knowledge/places.yaml',
        line: 16,
        field: 'places[2].aliases[0]',
        message:
          '"ain-HOUR" collides with "Ain Hour" of place ain-hawr (knowledge/places.yaml:11): ' +
          'both read as "ain hour", so a user typing it could mean either',
      },
    ]);
  });

  it("rejects an alias that folds to another place's name, diacritics and the article dropped", () => {
    const files = mutate(validFiles(), P, 'aliases: [Ain Hour, Ain al-Hawr]', 'aliases: [Ain Hour, Ain al-Hawr, al-Arīha]');
    expect(issuesOf(files)).toEqual([
      {
        path: 'knowledge/places.yaml',
        line: 11,
        field: 'places[1].aliases[2]',
        message:
          '"al-Arīha" collides with "Ariha" of place ariha (knowledge/places.yaml:13): ' +
          'both read as "ariha", so a user typing it could mean either',
      },
    ]);
  });

  it("rejects two places whose names fold alike, once per place", () => {
    const files = mutate(validFiles(), P, '  name: Ariha', '  name: Ain-Hawr');
    expect(issuesOf(files)).toEqual([
      {
        path: 'knowledge/places.yaml',
        line: 13,
        field: 'places[2].name',
        message:
          '"Ain-Hawr" collides with "Ain Hawr" of place ain-hawr (knowledge/places.yaml:8): ' +
          'both read as "ain hawr", so a user typing it could mean either',
      },
    ]);
  });

  it('rejects an alias with nothing to match', () => {
    const files = mutate(validFiles(), P, 'aliases: [M4, M-4]', 'aliases: [M4, M-4, "–"]');
    expect(issuesOf(files)).toEqual([
      { path: 'knowledge/places.yaml', line: 6, field: 'places[0].aliases[2]', message: '"–" has no letters or digits to match a name by' },
    ]);
  });
});

describe('attack_target', () => {
  it('is required for an attack (reported at its kind)', () => {
    const files = mutate(validFiles(), 'facts/beta-report.yaml', '  attack_target: joint-patrol\n', '');
    expect(issuesOf(files)).toEqual([
      {
        path: 'knowledge/facts/beta-report.yaml',
        line: 7,
        field: 'facts[0].attack_target',
        message: 'is required for kind attack: joint-patrol (the patrol itself was hit) or related-forces',
      },
    ]);
  });

  it('is only for attacks', () => {
    const files = mutate(validFiles(), 'facts/alpha-news-patrol.yaml', '  kind: context', '  kind: context\n  attack_target: related-forces');
    expect(issuesOf(files)).toEqual([
      {
        path: 'knowledge/facts/alpha-news-patrol.yaml',
        line: 37,
        field: 'facts[2].attack_target',
        message: "only attacks have an attack_target, and this fact's kind is context: remove it or make the kind attack",
      },
    ]);
  });
});

describe('dispute claims', () => {
  const claims = 'claims: [fifth-patrol-reached-ain-hawr, fifth-patrol-bombed-near-ariha]';

  it('need two different facts', () => {
    const files = mutate(validFiles(), 'disputes.yaml', claims, 'claims: [fifth-patrol-reached-ain-hawr, fifth-patrol-reached-ain-hawr]');
    expect(issuesOf(files)).toEqual([
      {
        path: 'knowledge/disputes.yaml',
        line: 6,
        field: 'disputes[0].claims',
        message: 'a dispute links at least two different facts; this one only has fifth-patrol-reached-ain-hawr',
      },
    ]);
  });

  it('list each fact once', () => {
    const files = mutate(
      validFiles(),
      'disputes.yaml',
      claims,
      'claims: [fifth-patrol-reached-ain-hawr, fifth-patrol-bombed-near-ariha, fifth-patrol-reached-ain-hawr]',
    );
    expect(issuesOf(files)).toEqual([
      { path: 'knowledge/disputes.yaml', line: 6, field: 'disputes[0].claims[2]', message: 'fact fifth-patrol-reached-ain-hawr is listed twice' },
    ]);
  });
});
