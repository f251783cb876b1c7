import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type { FactBase } from '../../src/domain/types.ts';
import { buildKnowledgeIndex, buildKnowledgeIndexAsync } from '../../src/search/index.ts';
import type { KnowledgeIndex, PlaceResolution } from '../../src/search/types.ts';
import { nameKey, normaliseTerms } from '../../src/text/normalise.ts';
import { realBase } from '../fixtures/real.ts';

let base: FactBase;
let index: KnowledgeIndex;

beforeAll(async () => {
  base = await realBase();
  index = buildKnowledgeIndex(base);
});

const placeOf = (r: PlaceResolution) => (r.kind === 'found' ? r.place.id : r.kind === 'suggestions' ? r.candidates.map((c) => c.id) : null);

describe('the normaliser', () => {
  it('folds case, diacritics, punctuation, hyphens and the Arabic article', () => {
    expect(nameKey('Ain al-Hawr')).toBe('ain hawr');
    expect(nameKey('AIN-HAWR')).toBe('ain hawr');
    expect(nameKey('ain al hawr')).toBe('ain hawr');
    expect(nameKey('Erdoğan')).toBe('erdogan');
    expect(nameKey('Deir ez-Zor')).toBe('deir zor');
    expect(nameKey('M-4')).toBe(nameKey('M4'));
    expect(normaliseTerms('Hay’at Tahrir al-Sham')).toEqual(['hayat', 'tahrir', 'sham']);
    expect(normaliseTerms('al')).toEqual(['al']);
  });
});

describe('place resolution', () => {
  it('resolves every spelling of Ain Hawr and Tronba to one place', () => {
    for (const typed of ['Ain Hour', 'ain-hawr', 'Ain al-Hawr', 'AIN HAWR', 'ain hawr']) expect(placeOf(index.resolvePlace(typed))).toBe('ain-hawr');
    for (const typed of ['Taranba', 'Ternaba', 'tronba', 'TRONBA']) expect(placeOf(index.resolvePlace(typed))).toBe('tronba');
    expect(placeOf(index.resolvePlace('Lattakia'))).toBe('latakia-province');
  });

  it('resolves every alias in the gazetteer to its own place', () => {
    for (const place of base.places) for (const alias of [place.id, place.name, ...place.aliases]) expect(placeOf(index.resolvePlace(alias))).toBe(place.id);
  });

  it('suggests the place for a misspelling, and says none for nonsense', () => {
    expect(placeOf(index.resolvePlace('ain hwar'))).toContain('ain-hawr');
    expect(index.resolvePlace('zzzzqqqq').kind).toBe('none');
    expect(index.resolvePlace('').kind).toBe('none');
  });
});

describe('fact search', () => {
  it('finds the human-shields claim', () => {
    const hits = index.searchFacts('human shields');
    expect(hits[0]?.fact.quote).toMatch(/human shields/);
  });

  it('finds facts by a place alias the fact itself never spells that way', () => {
    const hits = index.searchFacts('Ain Hour');
    expect(hits.some((h) => h.fact.places.includes('ain-hawr'))).toBe(true);
  });

  it('gives nothing for empty or meaningless queries', () => {
    expect(index.searchFacts('')).toEqual([]);
    expect(index.searchFacts('   ')).toEqual([]);
    expect(index.searchFacts('the of and')).toEqual([]);
  });
});

describe('ordering', () => {
  it('lists a patrol’s facts, and the timeline, in date order', () => {
    expect(index.knownPatrols()).toEqual([...index.knownPatrols()].sort((a, b) => a - b));
    expect(index.knownPatrols()).toEqual(expect.arrayContaining([1, 21, 22, 25, 26]));
    const timeline = index.timeline();
    expect(timeline).toHaveLength(base.facts.length);
    const firstDay = (f: (typeof timeline)[number]) => (f.date_earliest ?? f.date).padEnd(10, '-01');
    for (let i = 1; i < timeline.length; i++) expect(firstDay(timeline[i - 1]!) <= firstDay(timeline[i]!)).toBe(true);
    expect(index.factsForPatrol(22).every((f) => f.patrols.includes(22))).toBe(true);
  });
});

describe('autocomplete', () => {
  it('offers Ain Hawr for its spellings and ranks the exact match first', () => {
    expect(index.suggestPlaces('ain h').map((s) => s.value)).toContain('ain-hawr');
    expect(index.suggestPlaces('Taranba')[0]?.value).toBe('tronba');
    expect(index.suggestPatrols('2').map((s) => s.value)).toEqual(expect.arrayContaining(['21', '22', '25', '26']));
    expect(index.suggestSources('sof')[0]?.value).toBe('sofrep-26th-patrol-attacked');
  });

  it('never returns more than 25 choices, or a name outside 1–100 characters, for any input', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (typed) => {
        for (const list of [index.suggestPlaces(typed, 25), index.suggestSearch(typed, 25), index.suggestPatrols(typed, 25), index.suggestSources(typed, 25)]) {
          expect(list.length).toBeLessThanOrEqual(25);
          for (const s of list) {
            expect(s.name.length).toBeGreaterThanOrEqual(1);
            expect(s.name.length).toBeLessThanOrEqual(100);
            expect(s.value.length).toBeLessThanOrEqual(100);
          }
          expect(new Set(list.map((s) => s.value)).size).toBe(list.length);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('building', () => {
  it('the async build answers exactly like the sync build', async () => {
    const built = await buildKnowledgeIndexAsync(base);
    for (const q of ['human shields', 'IED', 'Ain Hour', 'observation posts']) {
      expect(built.searchFacts(q).map((h) => h.fact.id)).toEqual(index.searchFacts(q).map((h) => h.fact.id));
    }
    expect(built.suggestPlaces('a').map((s) => s.value)).toEqual(index.suggestPlaces('a').map((s) => s.value));
  });

  it('reuses a cached index for the same version and rebuilds for another', async () => {
    const cacheDir = await mkdtemp(join(tmpdir(), 'm4-search-cache-'));
    try {
      const first = await buildKnowledgeIndexAsync(base, { cacheDir });
      const second = await buildKnowledgeIndexAsync(base, { cacheDir });
      expect(second.searchFacts('human shields').map((h) => h.fact.id)).toEqual(first.searchFacts('human shields').map((h) => h.fact.id));
      expect(first.buildInfo?.from).toBe('built');
      expect(second.buildInfo?.from).toBe('cache');
      const other = { ...base, version: `${base.version}-changed` } as FactBase;
      expect((await buildKnowledgeIndexAsync(other, { cacheDir })).buildInfo?.from).toBe('built');
    } finally {
      await rm(cacheDir, { recursive: true, force: true });
    }
  });
});
