/**
 * An in-memory FactBase from records that never went through files (synthetic bases too large to
 * write as YAML, and test fixtures): the loader's own assembly, with a content hash as the version
 * (so that a changed fact is a new version, which is what invalidates a cached index).
 */
import { createHash } from 'node:crypto';
import type { Claimant, Dispute, EventRecord, Fact, FactBase, Place, Source } from '../src/domain/types.ts';
import { assembleFactBase } from '../src/knowledge/load.ts';

export interface FactBaseParts {
  readonly facts: readonly Fact[];
  readonly sources: readonly Source[];
  readonly places: readonly Place[];
  readonly claimants: readonly Claimant[];
  readonly disputes?: readonly Dispute[];
  readonly events?: readonly EventRecord[];
  /** Article text by source id. */
  readonly articles?: ReadonlyMap<string, string>;
}

export function factBaseFrom(parts: FactBaseParts): FactBase {
  const disputes = parts.disputes ?? [];
  const events = parts.events ?? [];
  const hash = createHash('sha256');
  for (const list of [parts.facts, parts.sources, parts.places, parts.claimants, disputes, events]) {
    for (const record of list) hash.update(JSON.stringify(record)).update('\n');
  }
  return assembleFactBase({
    version: hash.digest('hex').slice(0, 16),
    facts: parts.facts,
    sources: parts.sources,
    places: parts.places,
    claimants: parts.claimants,
    disputes,
    events,
    articleText: parts.articles ?? new Map(),
  });
}
