/** Full-text search on the real facts: what a user types, and which facts must come first. */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Fact, FactBase } from '../../src/domain/types.ts';
import { buildKnowledgeIndex } from '../../src/search/index.ts';
import type { KnowledgeIndex } from '../../src/search/types.ts';
import { normaliseTerms } from '../../src/text/normalise.ts';
import { realBase } from '../fixtures/real.ts';
import { fact, syntheticBase, tinyBase } from './fixtures.ts';

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

/** Whether the fact says it in its own words (statement or quote). */
const says = (f: Fact, pattern: RegExp) => pattern.test(`${f.statement} ${f.quote}`);
const hitsFor = (query: string, limit = 20) => index.searchFacts(query, { limit }).map((hit) => hit.fact);

describe('realistic queries on the real fact base', () => {
  it('human shields: the Russian Defence Ministry’s claim, nothing about Spring Shield or humanitarian missions', () => {
    const { hits, leftOut } = index.searchFactsWithCount('human shields', { limit: 20 });
    expect(hits[0]?.fact.claimant).toBe('russian-defence-ministry');
    for (const hit of hits) expect(says(hit.fact, /human shields/i), hit.fact.id).toBe(true);
    const humanitarian = base.facts.filter((f) => says(f, /humanitarian/i) && !says(f, /human shields/i));
    expect(humanitarian.length).toBeGreaterThan(0);
    // Matched only by completing "human": left out, and counted.
    expect(leftOut).toBeGreaterThanOrEqual(humanitarian.length);
    expect(hitsFor('human shields').some((f) => says(f, /spring shield|humanitarian/i))).toBe(false);
  });

  it('casualties: every fact that says the word, is of that kind or is tagged so, however far its score is below the best', () => {
    const casualties = base.facts.filter((f) => says(f, /\bcasualties\b/i) || f.kind === 'casualties' || f.tags.includes('casualties'));
    // One says the word; the wounded and the killed are of that kind or tag only, and score far below it.
    expect(casualties.filter((f) => says(f, /\bcasualties\b/i)).length).toBeLessThan(casualties.length);
    const { hits, leftOut } = index.searchFactsWithCount('casualties', { limit: 25 });
    expect(new Set(hits.map((h) => h.fact.id))).toEqual(new Set(casualties.map((f) => f.id)));
    expect(says(hits[0]!.fact, /\bcasualties\b/i)).toBe(true);
    expect(leftOut).toBe(0);
  });

  it('ain hour and Ternaba: the facts at that place or saying its name, the one that spells it so first', () => {
    for (const f of hitsFor('ain hour')) expect(f.places.includes('ain-hawr') || says(f, /Ain Hour/), f.id).toBe(true);
    const ternaba = hitsFor('Ternaba');
    expect(ternaba.length).toBeGreaterThan(1);
    for (const f of ternaba) expect(f.places, f.id).toContain('tronba');
    expect(says(ternaba[0]!, /Ternaba/)).toBe(true);
  });

  it('suicide bombing, IED and observation posts: facts that say so (or are tagged so), those that say it in full first', () => {
    expect(says(hitsFor('suicide bombing')[0]!, /suicide bombing/i)).toBe(true);
    const ied = hitsFor('IED');
    expect(ied.length).toBeGreaterThanOrEqual(5);
    for (const f of ied) expect(says(f, /\bIED\b/) || f.tags.includes('ied'), f.id).toBe(true);
    const posts = hitsFor('observation posts');
    expect(posts.length).toBeGreaterThanOrEqual(2);
    for (const f of posts) expect(says(f, /observation posts/i), f.id).toBe(true);
  });

  it('Polyakov: exactly the facts that name him or that he claims', () => {
    const his = base.facts.filter((f) => says(f, /Polyakov/) || f.claimant === 'yevgeny-polyakov').map((f) => f.id);
    expect(his.length).toBeGreaterThan(2);
    expect(new Set(hitsFor('Polyakov').map((f) => f.id))).toEqual(new Set(his));
  });

  it('26th patrol: the facts about that patrol, none about the 25th', () => {
    const facts = hitsFor('26th patrol');
    expect(facts.length).toBeGreaterThanOrEqual(3);
    for (const f of facts) expect(f.patrols, f.id).toContain(26);
    expect(facts.some((f) => says(f, /25th/))).toBe(false);
  });

  it('forgives misspellings, and says the match was not as typed', () => {
    expect(hitsFor('humna shields')[0]?.id).toBe(hitsFor('human shields')[0]?.id);
    expect(hitsFor('obsevation posts')[0]?.id).toBe(hitsFor('observation posts')[0]?.id);
    const poliakov = index.searchFacts('Poliakov', { limit: 20 });
    expect(new Set(poliakov.map((h) => h.fact.id))).toEqual(new Set(hitsFor('Polyakov').map((f) => f.id)));
    for (const hit of poliakov) expect(hit.exact).toBe(false);
    for (const hit of index.searchFacts('Polyakov')) expect(hit.exact).toBe(true);
  });

  it('searchFacts gives the hits of searchFactsWithCount', () => {
    for (const query of ['human shields', 'IED', 'patrol', 'Poliakov']) {
      expect(index.searchFacts(query, { limit: 7 })).toEqual(index.searchFactsWithCount(query, { limit: 7 }).hits);
    }
  });
});

describe('only real matches', () => {
  const small = buildKnowledgeIndex(
    tinyBase([
      fact('shields', { statement: 'Militants used civilians as human shields near the road.' }),
      fact('humanitarian', { statement: 'A humanitarian convoy reached the town.' }),
      fact('both', { statement: 'The convoy was attacked on the highway near the town.', quote: 'attacked on the highway' }),
      fact('one', { statement: 'Troops patrolled a long stretch of road with many villages, checkpoints and bridges.', quote: 'the town' }),
    ]),
  );
  const search = (query: string) => {
    const { hits, leftOut } = small.searchFactsWithCount(query);
    return { ids: hits.map((h) => h.fact.id), leftOut };
  };

  it('leaves out a fact that matched only a completion of a word others matched as typed, and counts it', () => {
    expect(search('human shields')).toEqual({ ids: ['shields'], leftOut: 1 });
  });

  it('keeps completions and misspellings when nothing matched as typed', () => {
    expect(search('humanit').ids).toEqual(['humanitarian']);
    expect(search('humanitarain convoi').ids).toContain('humanitarian');
    expect(small.searchFacts('humanit')[0]?.exact).toBe(false);
  });

  it('leaves out facts scoring far below the best', () => {
    const { ids, leftOut } = search('convoy attacked highway town');
    expect(ids[0]).toBe('both');
    expect(ids).not.toContain('one');
    expect(leftOut).toBeGreaterThan(0);
  });
});

describe('searchFacts on a large base', () => {
  let large: KnowledgeIndex;
  beforeAll(async () => {
    large = buildKnowledgeIndex(await syntheticBase(3000));
  });

  it('leaves common words out of a query with a rarer one: they change nothing it finds', () => {
    const counts = new Map<string, number>();
    for (const f of large.base.facts) for (const id of f.places) counts.set(id, (counts.get(id) ?? 0) + 1);
    const [rare] = large.base.places.filter((p) => (counts.get(p.id) ?? 0) >= 2).sort((a, b) => counts.get(a.id)! - counts.get(b.id)!);
    if (!rare) throw new Error('the synthetic base has places with facts');
    const alone = large.searchFacts(rare.name, { limit: 20 }).map((h) => h.fact.id);
    expect(alone.length).toBeGreaterThan(0);
    expect(large.searchFacts(`joint patrol ${rare.name}`, { limit: 20 }).map((h) => h.fact.id)).toEqual(alone);
  });

  it('still answers a query of common words only, with facts that say them', () => {
    const hits = large.searchFacts('joint patrol highway', { limit: 10 });
    expect(hits.length).toBe(10);
    for (const hit of hits) expect(says(hit.fact, /joint|patrol|highway/i), hit.fact.id).toBe(true);
  });
});
