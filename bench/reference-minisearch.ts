/**
 * A second reference (`npm run bench -- --minisearch`): MiniSearch itself, configured as well as it
 * can be for this data — the same normaliser and stop words, four fields with the same boosts, prefix
 * and fuzzy search bounded as in our index. It is why the full-text index is our own: this is what
 * MiniSearch costs on the same facts and queries.
 */
import MiniSearch from 'minisearch';
import type { Fact, FactBase } from '../src/domain/types.ts';
import { FIELD_BOOST } from '../src/search/fact-fields.ts';
import { searchTerms } from '../src/search/terms.ts';
import { sampleWithin } from './baseline-fuse.ts';
import { forceGc } from './gc.ts';
import { latency, megabytes, round, type Latency } from './stats.ts';

export interface MiniSearchReference {
  readonly buildMs: number;
  readonly heapMb: number;
  readonly search: Latency;
  readonly sampled: number;
}

type Doc = { readonly i: number; readonly fact: Fact };

export function measureMiniSearch(base: FactBase, queries: readonly string[], budgetMs: number): MiniSearchReference {
  const text = (fact: Fact, field: string): string => {
    switch (field) {
      case 'statement':
        return fact.statement;
      case 'quote':
        return fact.quote;
      case 'places':
        return fact.places.flatMap((id) => {
          const place = base.placeById.get(id);
          return place ? [place.name, ...place.aliases] : [];
        }).join(' ');
      default: {
        const source = base.sourceById.get(fact.source);
        return [base.claimantById.get(fact.claimant)?.name ?? '', source?.title ?? '', source?.publisher ?? '', fact.kind, ...fact.tags, ...fact.patrols.map(String)].join(' ');
      }
    }
  };
  const options = {
    idField: 'i',
    fields: ['statement', 'quote', 'places', 'meta'],
    extractField: (doc: Doc, field: string) => (field === 'i' ? doc.i : text(doc.fact, field)),
    // The one normaliser, with stop words dropped and ordinals doubled, exactly as our index does.
    tokenize: (input: string) => searchTerms(input),
    processTerm: (term: string) => term,
    searchOptions: {
      boost: { ...FIELD_BOOST },
      prefix: (term: string) => term.length >= 3,
      fuzzy: (term: string) => (term.length >= 4 ? 0.2 : false),
      maxFuzzy: 2,
    },
  };
  forceGc();
  const heapBefore = process.memoryUsage().heapUsed;
  const started = performance.now();
  const index = new MiniSearch<Doc>(options);
  index.addAll(base.facts.map((fact, i) => ({ i, fact })));
  const buildMs = performance.now() - started;
  forceGc();
  const heapMb = megabytes(process.memoryUsage().heapUsed - heapBefore);
  const timings = sampleWithin(queries, budgetMs, 5, (query) => index.search(query).slice(0, 10));
  return { buildMs: round(buildMs), heapMb, search: latency(timings), sampled: timings.length };
}
