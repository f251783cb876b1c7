/**
 * Small synthetic fact bases for tests that need facts the real knowledge/ does not have (huge
 * quotes, hundreds of facts, hostile text). Defaults fill in whatever a test does not care about.
 */
import type { Claimant, Dispute, Fact, FactBase, Place, Source } from '../../src/domain/types.ts';

export function makeSource(partial: Partial<Source> & Pick<Source, 'id'>): Source {
  return {
    title: `Title of ${partial.id}`,
    publisher: 'Example Outlet',
    language: 'en',
    kind: 'news-article',
    archive: `archive/${partial.id}.txt`,
    non_article: [],
    date: '2020-08-25',
    date_precision: 'day',
    date_basis: 'stated',
    ...partial,
  };
}

export function makeFact(partial: Partial<Fact> & Pick<Fact, 'id'>): Fact {
  return {
    statement: `Statement of ${partial.id}.`,
    quote: `Quote of ${partial.id}.`,
    source: 'src-a',
    claimant: 'outlet',
    reported_via: [],
    kind: 'context',
    patrols: [],
    places: [],
    tags: [],
    date: '2020-07-22',
    date_precision: 'day',
    date_basis: 'stated',
    ...partial,
  };
}

export interface BaseParts {
  readonly facts: readonly Fact[];
  readonly sources?: readonly Source[];
  readonly places?: readonly Place[];
  readonly claimants?: readonly Claimant[];
  readonly disputes?: readonly Dispute[];
}

export function makeBase(parts: BaseParts): FactBase {
  const sources = parts.sources ?? [makeSource({ id: 'src-a' })];
  const places = parts.places ?? [
    { id: 'ain-hawr', name: 'Ain Hawr', kind: 'village', region: 'Latakia province, Syria', aliases: ['Ain Hour', 'Ain al-Hawr'] },
  ];
  const claimants = parts.claimants ?? [{ id: 'outlet', name: 'Example Outlet', kind: 'media' }];
  const disputes = parts.disputes ?? [];
  const disputesByFact = new Map<string, string[]>();
  for (const d of disputes) for (const f of d.claims) disputesByFact.set(f, [...(disputesByFact.get(f) ?? []), d.id]);
  return {
    version: 'test',
    facts: parts.facts,
    sources,
    places,
    claimants,
    disputes,
    factById: new Map(parts.facts.map((f) => [f.id, f])),
    sourceById: new Map(sources.map((s) => [s.id, s])),
    placeById: new Map(places.map((p) => [p.id, p])),
    claimantById: new Map(claimants.map((c) => [c.id, c])),
    disputeById: new Map(disputes.map((d) => [d.id, d])),
    disputesByFact,
    articleText: new Map(),
  };
}
