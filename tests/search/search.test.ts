/** Full-text search on the real facts: what a user types, and which facts must come first. */
import { beforeAll, describe, expect, it } from 'vitest';
import type { FactBase } from '../../src/domain/types.ts';
import { buildKnowledgeIndex } from '../../src/search/index.ts';
import type { KnowledgeIndex } from '../../src/search/types.ts';
import { normaliseTerms } from '../../src/text/normalise.ts';
import { realBase } from '../fixtures/real.ts';
import { fact, tinyBase } from './fixtures.ts';

let base: FactBase;
let index: KnowledgeIndex;
beforeAll(async () => {
  base = await realBase();
  index = buildKnowledgeIndex(base);
});

const ids = (query: string, limit?: number) => index.searchFacts(query, limit === undefined ? undefined : { limit }).map((hit) => hit.fact.id);

describe('searchFacts on the real fact base', () => {
  it('finds the RIA claim about human shields first', () => {
    const ria = base.facts.find((f) => f.reported_via.includes('ria') && /human shields/i.test(f.statement));
    expect(ria, 'the fact base holds the RIA human-shields claim').toBeDefined();
    expect(ids('human shields')[0]).toBe(ria!.id);
  });

  it('forgives a typo', () => {
    expect(ids('humna shields')[0]).toBe(ids('human shields')[0]);
    expect(ids('sucide bombing')[0]).toBe(ids('suicide bombing')[0]);
  });

  it('finds the Ain Hawr facts for "Ain Hour" (an alias), ahead of others', () => {
    const atAinHawr = base.facts.filter((f) => f.places.includes('ain-hawr')).map((f) => f.id);
    expect(atAinHawr.length).toBeGreaterThan(0);
    const top = ids('Ain Hour', atAinHawr.length);
    expect(new Set(top)).toEqual(new Set(atAinHawr));
    expect(ids('ain al-hawr', atAinHawr.length)).toEqual(expect.arrayContaining(atAinHawr));
  });

  it('finds a patrol by its number', () => {
    const about22 = new Set(base.facts.filter((f) => f.patrols.includes(22)).map((f) => f.id));
    expect(about22.size).toBeGreaterThan(0);
    expect(about22.has(ids('patrol 22')[0]!)).toBe(true);
    expect(about22.has(ids('22nd patrol')[0]!)).toBe(true);
  });

  it('returns nothing for empty or meaningless queries', () => {
    for (const query of ['', '   ', '?!', 'the', 'of the and', '—']) expect(ids(query), JSON.stringify(query)).toEqual([]);
  });

  it('returns the best first, at most `limit`, each fact once', () => {
    const hits = index.searchFacts('joint patrol', { limit: 5 });
    expect(hits.length).toBe(5);
    expect(new Set(hits.map((h) => h.fact.id)).size).toBe(5);
    for (let i = 1; i < hits.length; i++) expect(hits[i - 1]!.score).toBeGreaterThanOrEqual(hits[i]!.score);
    expect(index.searchFacts('joint patrol', { limit: 0 })).toEqual([]);
  });

  it('says which words matched, as they are written in the fact', () => {
    for (const hit of index.searchFacts('explosion damaged vehicle', { limit: 5 })) {
      expect(hit.terms.length).toBeGreaterThan(0);
      const words = new Set(normaliseTerms(`${hit.fact.statement} ${hit.fact.quote}`));
      const elsewhere = hit.terms.filter((term) => !words.has(term));
      // A term not in the statement or quote matched a place, the claimant, the source or a tag.
      for (const term of elsewhere) {
        const meta = normaliseTerms(
          [
            ...hit.fact.places.flatMap((id) => {
              const p = base.placeById.get(id)!;
              return [p.name, ...p.aliases];
            }),
            base.claimantById.get(hit.fact.claimant)!.name,
            ...hit.fact.reported_via.map((id) => base.claimantById.get(id)!.name),
            base.sourceById.get(hit.fact.source)!.title,
            base.sourceById.get(hit.fact.source)!.publisher ?? '',
            hit.fact.kind,
            ...hit.fact.tags,
            ...hit.fact.patrols.map(String),
          ].join(' '),
        );
        expect(meta, term).toContain(term);
      }
    }
  });
});

describe('searchFacts ranking', () => {
  const small = buildKnowledgeIndex(
    tinyBase([
      fact('mentions', { statement: 'Troops passed several villages on the way to Latakia.', quote: 'passed Ain Hour on the way' }),
      fact('about', { statement: 'The patrol ended at the village.', places: ['ain-hawr'] }),
      fact('unrelated', { statement: 'A convoy was attacked on the highway.' }),
    ]),
  );

  it('ranks a fact about a place above one whose quote mentions it', () => {
    expect(small.searchFacts('Ain Hour').map((h) => h.fact.id)).toEqual(['about', 'mentions']);
  });

  it('ranks facts matching every word above facts matching one', () => {
    const ranked = small.searchFacts('convoy attacked highway patrol').map((h) => h.fact.id);
    expect(ranked[0]).toBe('unrelated');
  });
});
