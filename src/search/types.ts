/**
 * The contract between the search layer and the answers built on it. The answers layer codes
 * against these types only, so the index behind them can change (see bench/) without touching it.
 */
import type { Fact, FactBase, Place } from '../domain/types.ts';

export interface FactHit {
  readonly fact: Fact;
  /** Relevance, higher is better; only comparable within one result list. */
  readonly score: number;
  /** The normalised query terms that matched, for highlighting a snippet. */
  readonly terms: readonly string[];
}

/** How a place name typed by a user resolved. */
export type PlaceResolution =
  | { readonly kind: 'found'; readonly place: Place; readonly via: 'id' | 'name' | 'alias'; readonly matched: string }
  | { readonly kind: 'suggestions'; readonly candidates: readonly Place[] }
  | { readonly kind: 'none' };

/** One autocomplete choice: `name` is shown (1–100 chars), `value` is sent back (≤ 100 chars). */
export interface Suggestion {
  readonly name: string;
  readonly value: string;
}

export interface KnowledgeIndex {
  readonly base: FactBase;
  /** Free-text search over facts, best first; [] for an empty or meaningless query. */
  searchFacts(query: string, options?: { limit?: number }): FactHit[];
  /** Resolve a slug, display name or any alias (any case, diacritics, hyphens, "al-"); fuzzy otherwise. */
  resolvePlace(input: string): PlaceResolution;
  /** Facts that concern the place, in date order. */
  factsAtPlace(placeId: string): readonly Fact[];
  /** Facts that concern the Nth patrol, in date order. */
  factsForPatrol(ordinal: number): readonly Fact[];
  /** Patrol ordinals the fact base knows, ascending. */
  knownPatrols(): readonly number[];
  /** All facts in date order (by earliest possible day, then id). */
  timeline(): readonly Fact[];
  /** Autocomplete for /where: tiered exact → alias → prefix → fuzzy, at most `limit` (≤ 25). */
  suggestPlaces(prefix: string, limit?: number): Suggestion[];
  /** Autocomplete for /search: completions of the last word and matching fact statements (≤ 25). */
  suggestSearch(prefix: string, limit?: number): Suggestion[];
  /** Autocomplete for /patrol: known patrols with their dates (≤ 25). */
  suggestPatrols(prefix: string, limit?: number): Suggestion[];
  /** Autocomplete for /source: source ids with titles (≤ 25). */
  suggestSources(prefix: string, limit?: number): Suggestion[];
}
