/**
 * A deliberately simple KnowledgeIndex over a FactBase, for tests that exercise the answers layer on
 * a small synthetic base without the search layer: linear scans, exact word matching.
 */
import type { Fact, FactBase } from '../../src/domain/types.ts';
import type { KnowledgeIndex, PlaceResolution } from '../../src/search/types.ts';
import { nameKey, normaliseTerms } from '../../src/text/normalise.ts';
import { datedInterval } from '../../src/answers/dates.ts';

function byDate(a: Fact, b: Fact): number {
  return datedInterval(a).start.getTime() - datedInterval(b).start.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

export function naiveIndex(base: FactBase): KnowledgeIndex {
  const timeline = [...base.facts].sort(byDate);
  return {
    base,
    searchFacts(query, options) {
      const terms = normaliseTerms(query);
      if (terms.length === 0) return [];
      const hits = timeline.flatMap((fact) => {
        const words = new Set(normaliseTerms(`${fact.statement} ${fact.quote}`));
        const matched = terms.filter((t) => words.has(t));
        return matched.length > 0 ? [{ fact, score: matched.length, terms: matched }] : [];
      });
      return hits.sort((a, b) => b.score - a.score).slice(0, options?.limit ?? 10);
    },
    resolvePlace(input): PlaceResolution {
      const key = nameKey(input);
      for (const place of base.places) {
        if (place.id === input.trim().toLowerCase()) return { kind: 'found', place, via: 'id', matched: place.id };
        if (nameKey(place.name) === key) return { kind: 'found', place, via: 'name', matched: place.name };
        const alias = place.aliases.find((a) => nameKey(a) === key);
        if (alias) return { kind: 'found', place, via: 'alias', matched: alias };
      }
      const candidates = base.places.filter((p) => key.length >= 3 && [p.name, ...p.aliases].some((n) => nameKey(n).startsWith(key.slice(0, 3))));
      return candidates.length > 0 ? { kind: 'suggestions', candidates } : { kind: 'none' };
    },
    factsAtPlace: (id) => timeline.filter((f) => f.places.includes(id)),
    factsForPatrol: (n) => timeline.filter((f) => f.patrols.includes(n)),
    knownPatrols: () => [...new Set(base.facts.flatMap((f) => f.patrols))].sort((a, b) => a - b),
    timeline: () => timeline,
    suggestPlaces: () => [],
    suggestSearch: () => [],
    suggestPatrols: () => [],
    suggestSources: (prefix, limit = 25) =>
      base.sources.filter((s) => s.id.startsWith(prefix.slice(0, 3).toLowerCase())).slice(0, limit).map((s) => ({ name: s.title.slice(0, 100), value: s.id })),
  };
}
