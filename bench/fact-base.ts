/**
 * Assemble an in-memory FactBase from records, the way the loader would after validation: lookup
 * maps, disputes per fact, and a content hash as the version (so that a changed fact is a new
 * version, which is what invalidates a cached index).
 */
import { createHash } from 'node:crypto';
import type { Claimant, Dispute, Fact, FactBase, Place, Source } from '../src/domain/types.ts';

export interface FactBaseParts {
  readonly facts: readonly Fact[];
  readonly sources: readonly Source[];
  readonly places: readonly Place[];
  readonly claimants: readonly Claimant[];
  readonly disputes?: readonly Dispute[];
  readonly articles?: ReadonlyMap<string, string>;
}

export function assembleFactBase(parts: FactBaseParts): FactBase {
  const disputes = parts.disputes ?? [];
  const hash = createHash('sha256');
  for (const list of [parts.facts, parts.sources, parts.places, parts.claimants, disputes]) {
    for (const record of list) hash.update(JSON.stringify(record)).update('\n');
  }
  const disputesByFact = new Map<string, string[]>();
  for (const dispute of disputes) {
    for (const factId of dispute.claims) {
      const list = disputesByFact.get(factId) ?? [];
      list.push(dispute.id);
      disputesByFact.set(factId, list);
    }
  }
  return {
    version: hash.digest('hex').slice(0, 16),
    facts: parts.facts,
    sources: parts.sources,
    places: parts.places,
    claimants: parts.claimants,
    disputes,
    factById: new Map(parts.facts.map((f) => [f.id, f])),
    sourceById: new Map(parts.sources.map((s) => [s.id, s])),
    placeById: new Map(parts.places.map((p) => [p.id, p])),
    claimantById: new Map(parts.claimants.map((c) => [c.id, c])),
    disputeById: new Map(disputes.map((d) => [d.id, d])),
    disputesByFact,
    articleText: parts.articles ?? new Map(),
  };
}
