/** Place aliases (collisions, shapes), places within places, the attack_target rule and dispute claims. */
import { describe, expect, it } from 'vitest';
import type { Place } from '../../src/domain/types.ts';
import { aliasShapeProblem } from '../../src/knowledge/aliases.ts';
import { buildFactBase } from '../../src/knowledge/load.ts';
import { descendantsOf } from '../../src/knowledge/place-tree.ts';
import { issuesOf, itReportsEach, mutate, validFiles } from './helpers.ts';

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
      to: '  region: Idlib province, Syria\n  aliases: [Ain-HOUR]',
      line: 18,
      field: 'places[2].aliases[0]',
      message:
        '"Ain-HOUR" collides with "Ain Hour" of place ain-hawr (knowledge/places.yaml:12): ' +
        'both read as "ain hour", so a user typing it could mean either',
    },
    {
      rule: "an alias folds to another place's name, diacritics and the article dropped",
      file: P,
      from: 'aliases: [Ain Hour, Ain al-Hawr]',
      to: 'aliases: [Ain Hour, Ain al-Hawr, al-Arīha]',
      line: 12,
      field: 'places[1].aliases[2]',
      message:
        '"al-Arīha" collides with "Ariha" of place ariha (knowledge/places.yaml:15): ' +
        'both read as "ariha", so a user typing it could mean either',
    },
    {
      rule: 'two places have names that fold alike (once per place)',
      file: P,
      from: '  name: Ariha',
      to: '  name: Ain-Hawr',
      line: 15,
      field: 'places[2].name',
      message:
        '"Ain-Hawr" collides with "Ain Hawr" of place ain-hawr (knowledge/places.yaml:9): ' +
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

describe('alias shapes', () => {
  const place = (name: string): Place => ({ id: 'x', name, kind: 'region', region: 'Syria', aliases: [] });

  it('accepts other names, a lowercase Arabic article, and a region named with a direction', () => {
    expect(aliasShapeProblem('Ain al-Hawr', place('Ain Hawr'))).toBeUndefined();
    expect(aliasShapeProblem('al-Bara', place('Barah'))).toBeUndefined();
    expect(aliasShapeProblem('Greater Idleb', place('Greater Idlib'))).toBeUndefined();
    expect(aliasShapeProblem('Northwestern Syria', place('Northwestern Syria region'))).toBeUndefined();
  });

  it('refuses descriptions of a part of a place or an area around it', () => {
    for (const alias of ['northern Lattakia', 'Northwest Syria', 'north-western Syria', 'Greater Idlib', 'Southern Idlib']) {
      expect(aliasShapeProblem(alias, place('Idlib province')), alias).toMatch(/describes a part of a place/);
    }
  });

  itReportsEach([
    {
      rule: 'an alias names a part of the place',
      file: P,
      from: 'aliases: [Ain Hour, Ain al-Hawr]',
      to: 'aliases: [Ain Hour, Ain al-Hawr, northern Ain Hawr]',
      line: 12,
      field: 'places[1].aliases[2]',
      message:
        '"northern Ain Hawr" describes a part of a place or an area around it ("northern"), it does not name Ain Hawr: ' +
        'make it a place of its own (kind region, with within), or file what happened there under the place it names',
    },
    {
      rule: 'an alias is a lowercase description',
      file: P,
      from: 'aliases: [M4, M-4]',
      to: 'aliases: [M4, M-4, the road to Latakia]',
      line: 6,
      field: 'places[0].aliases[2]',
      message: '"the road to Latakia" starts in lowercase, as a description does, not a name: list names only (a region gets a place of its own)',
    },
  ]);
});

describe('places within places', () => {
  const ARIHA_WITHIN = '  region: Idlib province, Syria\n  within: syria';
  const ariha = (within: string) => `  region: Idlib province, Syria\n  within: ${within}`;

  itReportsEach([
    {
      rule: 'a place is within an unknown place',
      file: P,
      from: ARIHA_WITHIN,
      to: ariha('idlib'),
      line: 18,
      field: 'places[2].within',
      message: 'unknown place "idlib": no such id in knowledge/places.yaml',
    },
    {
      rule: 'a place is within itself',
      file: P,
      from: ARIHA_WITHIN,
      to: ariha('ariha'),
      line: 18,
      field: 'places[2].within',
      message: 'a place is not within itself: name the larger place it lies in',
    },
    {
      rule: 'a town is within a village',
      file: P,
      from: ARIHA_WITHIN,
      to: ariha('ain-hawr'),
      line: 18,
      field: 'places[2].within',
      message: 'a town does not lie within a village (ain-hawr): within names a larger area (village, town or city → province → region → country)',
    },
    {
      rule: 'a place is within a highway',
      file: P,
      from: ARIHA_WITHIN,
      to: ariha('m4-highway'),
      line: 18,
      field: 'places[2].within',
      message: 'a town does not lie within a highway (m4-highway): within names a larger area (village, town or city → province → region → country)',
    },
    {
      rule: 'a place other than a country lies within none (reported at its entry)',
      file: P,
      from: ARIHA_WITHIN,
      to: '  region: Idlib province, Syria',
      line: 14,
      field: 'places[2].within',
      message: 'is required for a town: the id of the place it lies in, so /where on that place finds it',
    },
  ]);

  it('reports a circle once, at its first place, besides the kinds out of order', () => {
    let files = mutate(validFiles(), P, '  aliases: [Ain Hour, Ain al-Hawr]\n  within: syria', '  aliases: [Ain Hour, Ain al-Hawr]\n  within: ariha');
    files = mutate(files, P, ARIHA_WITHIN, ariha('ain-hawr'));
    const circles = issuesOf(files).filter((issue) => issue.message.includes('circle'));
    expect(circles).toEqual([
      {
        path: 'knowledge/places.yaml',
        line: 13,
        field: 'places[1].within',
        message: 'within runs in a circle: ain-hawr → ariha → ain-hawr; via ariha (knowledge/places.yaml:18)',
      },
    ]);
  });

  it('lists the places within a place, nearest first', () => {
    const at = (id: string, kind: Place['kind'], within?: string): Place => ({ id, name: id, kind, region: 'r', aliases: [], ...(within ? { within } : {}) });
    const places = [
      at('syria', 'country'),
      at('ain-hawr', 'village', 'latakia-province'),
      at('latakia-province', 'province', 'syria'),
      at('latakia-city', 'city', 'latakia-province'),
      at('idlib-province', 'province', 'syria'),
    ];
    expect(descendantsOf(places, 'latakia-province').map((p) => p.id)).toEqual(['ain-hawr', 'latakia-city']);
    expect(descendantsOf(places, 'syria').map((p) => p.id)).toEqual(['latakia-province', 'idlib-province', 'ain-hawr', 'latakia-city']);
    expect(descendantsOf(places, 'ain-hawr')).toEqual([]);
  });
});
