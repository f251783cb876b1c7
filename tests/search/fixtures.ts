/** Fact bases for the search tests: the real one (tests/fixtures/real.ts), a seeded synthetic one, and a tiny hand-made one. */
import { factBaseFrom } from '../../bench/fact-base.ts';
import { generateKnowledge } from '../../bench/synthetic.ts';
import type { Fact, FactBase, Place } from '../../src/domain/types.ts';
import { realBase } from '../fixtures/real.ts';
import { makeBase, makeFact, makeSource } from '../fixtures/records.ts';

/** A synthetic base of `facts` facts around the real gazetteer (same seed, same base). */
export async function syntheticBase(facts: number, seed = 7): Promise<FactBase> {
  const base = await realBase();
  return factBaseFrom(generateKnowledge({ facts, seed, basePlaces: base.places, baseClaimants: base.claimants }));
}

export function place(id: string, name: string, aliases: string[] = []): Place {
  return { id, name, kind: 'village', region: 'somewhere, Syria', aliases };
}

export function fact(id: string, fields: Partial<Fact> = {}): Fact {
  return makeFact({ id, quote: `Quote of ${id}`, claimant: 'claimant-a', ...fields });
}

/** A small base with the date precisions and places the ordering and lookup tests need. */
export function tinyBase(facts: Fact[], places: Place[] = [place('ain-hawr', 'Ain Hawr', ['Ain Hour', 'Ain al-Hawr'])]): FactBase {
  const source = { date: '2020-09-01' };
  return makeBase({
    facts,
    places,
    sources: [
      makeSource({ id: 'src-a', title: 'Joint patrol reaches Latakia', publisher: 'SouthFront', ...source }),
      makeSource({ id: 'src-b', title: 'Patrol attacked on the highway', publisher: null, ...source }),
    ],
    claimants: [{ id: 'claimant-a', name: 'RIA Novosti', short_name: 'RIA', kind: 'media' }],
  });
}
