/**
 * Autocomplete for /where, /search, /patrol and /source: Discord's rules hold for any input (at most
 * 25 choices and at most `limit`, names 1–100 characters, values at most 100, nothing twice), and the
 * choices are the useful ones — on the real base and on a synthetic base large enough that every
 * 1-character prefix has far more candidates than fit.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildKnowledgeIndex } from '../../src/search/index.ts';
import type { KnowledgeIndex, Suggestion } from '../../src/search/types.ts';
import { realBase } from '../fixtures/real.ts';
import { syntheticBase } from './fixtures.ts';

let real: KnowledgeIndex;
let large: KnowledgeIndex;
beforeAll(async () => {
  real = buildKnowledgeIndex(await realBase());
  large = buildKnowledgeIndex(await syntheticBase(3000));
});

type Suggest = (index: KnowledgeIndex, input: string, limit?: number) => Suggestion[];
const SUGGESTERS: Record<string, Suggest> = {
  places: (index, input, limit) => index.suggestPlaces(input, limit),
  search: (index, input, limit) => index.suggestSearch(input, limit),
  patrols: (index, input, limit) => index.suggestPatrols(input, limit),
  sources: (index, input, limit) => index.suggestSources(input, limit),
};

function expectValidChoices(list: readonly Suggestion[], limit = 25): void {
  expect(list.length).toBeLessThanOrEqual(Math.min(25, Math.max(0, limit)));
  for (const choice of list) {
    expect(choice.name.length).toBeGreaterThanOrEqual(1);
    expect(choice.name.length).toBeLessThanOrEqual(100);
    expect(choice.name.trim()).toBe(choice.name);
    expect(choice.value.length).toBeGreaterThanOrEqual(1);
    expect(choice.value.length).toBeLessThanOrEqual(100);
    // No lone surrogate left by a cut.
    expect(() => encodeURIComponent(choice.name)).not.toThrow();
  }
  expect(new Set(list.map((c) => c.value)).size).toBe(list.length);
  expect(new Set(list.map((c) => c.name)).size).toBe(list.length);
}

describe.each(Object.entries(SUGGESTERS))('suggest %s', (_name, suggest) => {
  it('keeps to Discord’s rules for any input and any limit', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 120 }), fc.option(fc.integer({ min: -5, max: 40 }), { nil: undefined }), (input, limit) => {
        for (const index of [real, large]) expectValidChoices(suggest(index, input, limit), limit);
      }),
      { numRuns: 200 },
    );
  });

  it('fills 25 choices from every single character when there are enough candidates', () => {
    for (const c of 'abcdefghijklmnopqrstuvwxyz') {
      const list = suggest(large, c);
      expectValidChoices(list);
    }
  });
});

describe('suggestPlaces', () => {
  it('offers the place for each of its spellings, typed in part', () => {
    for (const typed of ['Ain H', 'ain-ha', 'Ain al-Ha', 'AIN HAW', 'Taran', 'ternab', 'tronb']) {
      const values = real.suggestPlaces(typed).map((s) => s.value);
      expect(values, typed).toContain(typed.toLowerCase().startsWith('t') ? 'tronba' : 'ain-hawr');
    }
  });

  it('puts an exact name or alias first, and says which alias matched', () => {
    expect(real.suggestPlaces('Ain Hour')[0]).toMatchObject({ value: 'ain-hawr' });
    expect(real.suggestPlaces('Ain Hour')[0]!.name).toContain('Ain Hour');
    expect(real.suggestPlaces('Latakia')[0]?.value).toBe('latakia-province');
  });

  it('puts a name that starts with what was typed before other matches, and finds later words of a name', () => {
    expect(real.suggestPlaces('ain h')[0]).toMatchObject({ value: 'ain-hawr', name: expect.stringMatching(/^Ain Hawr — /) });
    expect(real.suggestPlaces('hawr').map((s) => s.value)).toContain('ain-hawr');
  });

  it('still offers a place for a typo', () => {
    expect(real.suggestPlaces('ain hwar').map((s) => s.value)).toContain('ain-hawr');
    expect(real.suggestPlaces('Saraqeeb').map((s) => s.value)).toContain('saraqib');
  });

  it('offers the most cited places when nothing is typed', () => {
    const cited = new Map<string, number>();
    for (const f of large.base.facts) for (const p of f.places) cited.set(p, (cited.get(p) ?? 0) + 1);
    const top = [...cited].sort((a, b) => b[1] - a[1])[0]![0];
    expect(large.suggestPlaces('')[0]?.value).toBe(top);
  });

  it('sends the place id, which resolves exactly', () => {
    for (const choice of large.suggestPlaces('ka')) expect(large.resolvePlace(choice.value)).toMatchObject({ kind: 'found', via: 'id' });
  });
});

describe('suggestSearch', () => {
  it('completes the word being typed with words of the index, most used first', () => {
    const list = real.suggestSearch('pat');
    expect(list[0]?.value).toBe('patrol');
    expect(real.suggestSearch('human sh').map((s) => s.value)).toContain('human shields');
  });

  it('ranks a completion that goes with the words already typed first', () => {
    expect(real.suggestSearch('human sh')[0]?.value).toMatch(/^human shield/);
    expect(real.suggestSearch('suicide b')[0]?.value).toBe('suicide bombing');
  });

  it('completes the last words into a place name, keeping the words before as typed', () => {
    const values = real.suggestSearch('attacks near ain h').map((s) => s.value);
    expect(values[0]).toBe('attacks near Ain Hawr');
    expect(values).toEqual(expect.arrayContaining(['attacks near Ain Hour', 'attacks near Ain Hur']));
  });

  it('offers fact statements for a query typed out', () => {
    const list = real.suggestSearch('human shields ');
    const best = real.searchFacts('human shields')[0]!.fact.statement;
    expect(list[0]?.name.slice(0, 60)).toBe(best.slice(0, 60));
    // The value is sent back as the query: it finds that fact first.
    expect(real.searchFacts(list[0]!.value)[0]?.fact.statement).toBe(best);
  });
});

describe('suggestPatrols', () => {
  it('shows each known patrol with its date, filtered by the typed number', () => {
    const all = real.suggestPatrols('');
    expect(all.map((s) => s.value)).toEqual(real.knownPatrols().slice(0, 25).map(String));
    expect(real.suggestPatrols('22')).toEqual([{ name: 'Patrol 22 — 22 July 2020', value: '22' }]);
    expect(real.suggestPatrols('2').map((s) => s.value)).toEqual(real.knownPatrols().map(String).filter((n) => n.startsWith('2')));
  });

  it('finds patrols by month', () => {
    const july = real.suggestPatrols('july');
    expect(july.map((s) => s.value)).toContain('22');
    for (const choice of july) expect(choice.name).toMatch(/July/);
  });
});

describe('suggestSources', () => {
  it('leads each choice with the outlet and its date, so that a long title loses its end, not them', () => {
    const choices = real.suggestSources('', 25);
    expect(choices).toHaveLength(real.base.sources.length);
    for (const choice of choices) {
      const source = real.base.sourceById.get(choice.value)!;
      expect(choice.name.startsWith(`${source.short_name}, `), choice.name).toBe(true);
      expect(choice.name).toMatch(/, [^—]*20\d\d — /);
      expect([...choice.name].length).toBeLessThanOrEqual(100);
    }
  });

  it('finds a source by slug, title word or publisher', () => {
    expect(real.suggestSources('sofrep')[0]?.value).toBe('sofrep-26th-patrol-attacked');
    expect(real.suggestSources('SouthFront').map((s) => s.value)).toEqual(
      expect.arrayContaining(real.base.sources.filter((s) => s.publisher === 'SouthFront').map((s) => s.id)),
    );
    expect(real.suggestSources('training').map((s) => s.value)).toContain('southfront-second-joint-training');
  });
});
