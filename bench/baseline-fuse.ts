/**
 * The baseline: Fuse.js, the fuzzy-search library Discord bots most often reach for, set up the way
 * such a bot would be — one Fuse over the facts with the same fields and weights as our index (for
 * /search), one over place names and aliases (for /where autocomplete), and one over statements (for
 * /search autocomplete). Fuse scans every document per query, so on large bases only a sample of
 * queries is run, within a time budget.
 */
import Fuse from 'fuse.js';
import type { FactBase } from '../src/domain/types.ts';
import { TEXT_BOOST } from '../src/search/fact-text.ts';
import { NAME_BOOST } from '../src/search/names.ts';

interface FactDoc {
  readonly statement: string;
  readonly quote: string;
  readonly places: string[];
  readonly claimant: string;
  readonly source: string;
  readonly kind: string;
  readonly tags: string[];
}

export interface FuseBaseline {
  readonly facts: Fuse<FactDoc>;
  readonly places: Fuse<{ names: string[] }>;
  readonly statements: Fuse<string>;
  readonly buildMs: number;
}

export function buildFuseBaseline(base: FactBase): FuseBaseline {
  const started = performance.now();
  const docs: FactDoc[] = base.facts.map((fact) => {
    const source = base.sourceById.get(fact.source);
    return {
      statement: fact.statement,
      quote: fact.quote,
      places: fact.places.flatMap((id) => {
        const place = base.placeById.get(id);
        return place ? [place.name, ...place.aliases] : [];
      }),
      claimant: base.claimantById.get(fact.claimant)?.name ?? '',
      source: source ? `${source.title} ${source.publisher ?? ''}` : '',
      kind: fact.kind,
      tags: [...fact.tags],
    };
  });
  // Our indexes' boosts.
  const keys = [
    { name: 'statement', weight: TEXT_BOOST.statement },
    { name: 'quote', weight: TEXT_BOOST.quote },
    { name: 'places', weight: NAME_BOOST.place },
    { name: 'source', weight: NAME_BOOST.source },
    ...['claimant', 'kind', 'tags'].map((name) => ({ name, weight: NAME_BOOST.other })),
  ];
  // ignoreLocation: without it Fuse only looks near the start of each field, useless for statements.
  const options = { keys, ignoreLocation: true, threshold: 0.4, includeScore: true };
  const facts = new Fuse(docs, options, Fuse.createIndex(keys, docs));
  const places = new Fuse(
    base.places.map((place) => ({ names: [place.name, ...place.aliases] })),
    { keys: ['names'], ignoreLocation: true, threshold: 0.4 },
  );
  const statements = new Fuse(
    base.facts.map((fact) => fact.statement),
    { ignoreLocation: true, threshold: 0.4 },
  );
  return { facts, places, statements, buildMs: performance.now() - started };
}

/**
 * Run `run` on the items in order until `budgetMs` is spent (at least `minimum` items, at most all),
 * returning the timings and how many items were run.
 */
export function sampleWithin<T>(items: readonly T[], budgetMs: number, minimum: number, run: (item: T) => void): number[] {
  const timings: number[] = [];
  const started = performance.now();
  for (const item of items) {
    if (timings.length >= minimum && performance.now() - started > budgetMs) break;
    const t = performance.now();
    run(item);
    timings.push(performance.now() - t);
  }
  return timings;
}
