/** Resolving what users type for /where, on the real gazetteer and on made-up places. */
import { beforeAll, describe, expect, it } from 'vitest';
import type { FactBase } from '../../src/domain/types.ts';
import { buildKnowledgeIndex } from '../../src/search/index.ts';
import type { KnowledgeIndex } from '../../src/search/types.ts';
import { foldText } from '../../src/text/normalise.ts';
import { realBase } from '../fixtures/real.ts';
import { fact, place, tinyBase } from './fixtures.ts';

let base: FactBase;
let index: KnowledgeIndex;
beforeAll(async () => {
  base = await realBase();
  index = buildKnowledgeIndex(base);
});

function resolvedId(input: string): string | undefined {
  const result = index.resolvePlace(input);
  return result.kind === 'found' ? result.place.id : undefined;
}

describe('resolvePlace on the real places', () => {
  it.each(['Ain Hour', 'ain-hawr', 'Ain al-Hawr', 'AIN HAWR', 'ain hawr', 'Ayn al-Hawr', 'Ain Hur'])('%s is Ain Hawr', (input) => {
    expect(resolvedId(input)).toBe('ain-hawr');
  });

  it.each(['Taranba', 'Ternaba', 'tronba', 'TRONBA', 'Trunba'])('%s is Tronba', (input) => {
    expect(resolvedId(input)).toBe('tronba');
  });

  it('resolves every id, name and alias of every place to that place', () => {
    for (const p of base.places) {
      for (const spelling of [p.id, p.name, ...p.aliases]) expect(resolvedId(spelling), spelling).toBe(p.id);
    }
  });

  it('resolves a name or alias typed without its spaces ("AinHawr") to that place, and suggests it for a misspelling so typed', () => {
    const joined = (text: string) => foldText(text).replaceAll(' ', '');
    const multiWord = base.places.flatMap((p) => [p.name, ...p.aliases].filter((n) => foldText(n).includes(' ')).map((n) => [p, n] as const));
    expect(multiWord.length).toBeGreaterThan(0);
    for (const [p, name] of multiWord) {
      // Unless another place's spelling runs together the same.
      if (base.places.some((q) => q !== p && [q.id, q.name, ...q.aliases].some((n) => joined(n) === joined(name)))) continue;
      expect(resolvedId(name.replace(/[\s-]+/g, '')), name).toBe(p.id);
    }
    const ainHawr = base.placeById.get('ain-hawr')!;
    expect(resolvedId(ainHawr.name.replace(/\s+/g, ''))).toBe('ain-hawr');
    expect(resolvedId('AinalHawr')).toBe('ain-hawr');
    const typo = index.resolvePlace('AinHowr');
    expect(typo.kind).toBe('suggestions');
    if (typo.kind === 'suggestions') expect(typo.candidates[0]?.id).toBe('ain-hawr');
  });

  it('says how the input matched', () => {
    expect(index.resolvePlace('ain-hawr')).toMatchObject({ kind: 'found', via: 'id', matched: 'ain-hawr' });
    expect(index.resolvePlace('ain hawr')).toMatchObject({ kind: 'found', via: 'name', matched: 'Ain Hawr' });
    expect(index.resolvePlace('Ain Hour')).toMatchObject({ kind: 'found', via: 'alias', matched: 'Ain Hour' });
  });

  it('suggests Ain Hawr for a misspelling', () => {
    for (const input of ['ain hwar', 'Ain Hawar', 'ain haw']) {
      const result = index.resolvePlace(input);
      expect(result.kind, input).toBe('suggestions');
      if (result.kind === 'suggestions') expect(result.candidates[0]?.id, input).toBe('ain-hawr');
    }
  });

  it('suggests by a later word of a name', () => {
    const result = index.resolvePlace('hawr');
    expect(result.kind).toBe('suggestions');
    if (result.kind === 'suggestions') expect(result.candidates.map((c) => c.id)).toContain('ain-hawr');
  });

  it('finds nothing for nothing like a place', () => {
    expect(index.resolvePlace('qqqqqqq')).toEqual({ kind: 'none' });
    expect(index.resolvePlace('')).toEqual({ kind: 'none' });
    expect(index.resolvePlace('  -- ')).toEqual({ kind: 'none' });
  });
});

describe('resolvePlace on a made-up gazetteer', () => {
  const small = buildKnowledgeIndex(
    tinyBase(
      [fact('f1', { places: ['kafr-nabl'] })],
      [place('kafr-nabl', 'Kafr Nabl', ['Kafranbel', 'Kfar Nabl']), place('kafr-nubul', 'Kafr Nubul'), place('nabl', 'Nabl')],
    ),
  );

  it('prefers an exact name over a close one', () => {
    expect(small.resolvePlace('Nabl')).toMatchObject({ kind: 'found', place: { id: 'nabl' }, via: 'name' });
    expect(small.resolvePlace('nabl')).toMatchObject({ kind: 'found', place: { id: 'nabl' }, via: 'id' });
  });

  it('ranks the closest spelling first among candidates', () => {
    const result = small.resolvePlace('kafr nabel');
    expect(result.kind).toBe('suggestions');
    if (result.kind === 'suggestions') expect(result.candidates[0]?.id).toBe('kafr-nabl');
  });
});
