/**
 * The baseline: Fuse.js, the fuzzy-search library Discord bots most often reach for, set up the way
 * such a bot would be — one Fuse over the facts with the same fields and weights as our index (for
 * /search), one over place names and aliases (for /where autocomplete), and one over statements (for
 * /search autocomplete). Fuse scans every document per query, so on large bases only a sample of
 * queries is run, within a time budget.
 */
import Fuse from 'fuse.js';
import type { FactBase } from '../src/domain/types.ts';
import type { KnowledgeIndex } from '../src/search/index.ts';
import { TEXT_BOOST } from '../src/search/fact-text.ts';
import { NAME_BOOST } from '../src/search/names.ts';
import { forceGc } from './gc.ts';
import { timeOurSearch } from './measure-commands.ts';
import { keystrokes } from './queries.ts';
import { latency, median, round, timed, type Latency } from './stats.ts';

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

export interface BaselineResult {
  readonly name: 'fuse.js';
  readonly buildMs: number;
  readonly answer: Latency;
  /** Our search on exactly the queries the baseline ran. */
  readonly ours: Latency;
  readonly ratio: number;
  readonly sampled: number;
  readonly of: number;
  readonly autocomplete: Latency;
  readonly oursAutocomplete: Latency;
  readonly autocompleteRatio: number;
}

/** Fuse.js and ours on the same search queries and keystrokes, Fuse.js sampled within a time budget. */
export function measureBaseline(
  budgetMs: number,
  base: FactBase,
  index: KnowledgeIndex,
  queries: readonly string[],
  targets: { where: string[]; search: string[] },
): BaselineResult {
  forceGc();
  const fuse = buildFuseBaseline(base);
  const fuseSearch = sampleWithin(queries, budgetMs, 5, (query) => fuse.facts.search(query, { limit: 10 }));
  const ours = timeOurSearch(index, queries.slice(0, fuseSearch.length));

  // Autocomplete: the same keystrokes as ours, interleaved /where and /search, sampled within budget.
  type Keystroke = { readonly kind: 'where' | 'search'; readonly prefix: string };
  const prefixes = interleave<Keystroke>(
    [...keystrokes(targets.where).values()].flat().map((prefix) => ({ kind: 'where', prefix })),
    [...keystrokes(targets.search).values()].flat().map((prefix) => ({ kind: 'search', prefix })),
  );
  const fuseAutocomplete = sampleWithin(prefixes, budgetMs, 10, ({ kind, prefix }) =>
    kind === 'where' ? fuse.places.search(prefix, { limit: 25 }) : fuse.statements.search(prefix, { limit: 25 }),
  );
  const oursAutocomplete = prefixes
    .slice(0, fuseAutocomplete.length)
    .map(({ kind, prefix }) => timed(() => (kind === 'where' ? index.suggestPlaces(prefix) : index.suggestSearch(prefix)))[1]);
  return {
    name: 'fuse.js',
    buildMs: round(fuse.buildMs),
    answer: latency(fuseSearch),
    ours: latency(ours),
    ratio: round(median(fuseSearch) / median(ours)),
    sampled: fuseSearch.length,
    of: queries.length,
    autocomplete: latency(fuseAutocomplete),
    oursAutocomplete: latency(oursAutocomplete),
    autocompleteRatio: round(median(fuseAutocomplete) / median(oursAutocomplete)),
  };
}

function interleave<T>(a: readonly T[], b: readonly T[]): T[] {
  const out: T[] = [];
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    if (i < a.length) out.push(a[i]!);
    if (i < b.length) out.push(b[i]!);
  }
  return out;
}
