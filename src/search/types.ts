/**
 * The contract between the search layer and the answers built on it. The answers layer codes
 * against these types only, so the engine behind them (MiniSearch, see src/search/) can change
 * without touching it.
 */
import type { Fact, FactBase, FactKind, Place } from '../domain/types.ts';

export interface FactHit {
  readonly fact: Fact;
  /** Relevance, higher is better; only comparable within one result list. */
  readonly score: number;
  /** The fact's normalised terms that matched (the words, or what they completed to), for highlighting a snippet. */
  readonly terms: readonly string[];
  /**
   * Whether some query word matched as typed (in the fact's words or in a name it points to); false
   * when the fact matched only through a completion or a misspelling of the query's words.
   */
  readonly exact: boolean;
}

/** A search's real matches, and how many weaker ones it left out. */
export interface FactSearchResult {
  /** Best first, at most the limit asked for. */
  readonly hits: FactHit[];
  /**
   * Matches not shown because they are not real ones (beyond those past the limit): facts that
   * matched only a completion or a misspelling of the query words while others matched the words
   * themselves, and facts scoring far below the best that did not match every query word as typed.
   */
  readonly leftOut: number;
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

/** How an index came to be, for logs and the benchmark. */
export interface IndexBuildInfo {
  /** `built`: indexed from the facts; `cache`: the facts' index was read from a cache file. */
  readonly from: 'built' | 'cache';
  /** Wall time from the fact base to a ready index, in ms. */
  readonly ms: number;
  readonly facts: number;
  /** Distinct terms in the facts' index. */
  readonly terms: number;
}

export interface KnowledgeIndex {
  readonly base: FactBase;
  /** How this index was built (optional so that hand-made test doubles need not say). */
  readonly buildInfo?: IndexBuildInfo;
  /**
   * Free-text search over facts: the real matches, best first (see FactSearchResult for what is left
   * out); [] for an empty or meaningless query. Default limit 10.
   */
  searchFacts(query: string, options?: { limit?: number }): FactHit[];
  /** The same search, with how many weaker matches it left out. */
  searchFactsWithCount(query: string, options?: { limit?: number }): FactSearchResult;
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
  /**
   * Facts whose possible days overlap the range, in date order, optionally of one kind — without
   * scanning the whole timeline. A fact's possible days run from `date_earliest` (or the first day of
   * its date's period) to `date_latest` (or the last day of that period). `from`/`to` are inclusive
   * and may be YYYY, YYYY-MM or YYYY-MM-DD (a month as `from` means its first day, as `to` its last);
   * either may be left out for an open range.
   */
  factsBetween(range: { readonly from?: string; readonly to?: string; readonly kind?: FactKind }): readonly Fact[];
  /** Facts taken from the source, in date order. */
  factsFromSource(sourceId: string): readonly Fact[];
  /** Autocomplete for /where: an exact name or alias, then names and aliases starting with the input, then other matches (a later word, a misspelling); at most `limit` (≤ 25). */
  suggestPlaces(prefix: string, limit?: number): Suggestion[];
  /** Autocomplete for /search: the input with its last words completed (into a name or a word), then the statements the first would find (≤ 25). */
  suggestSearch(prefix: string, limit?: number): Suggestion[];
  /** Autocomplete for /patrol: known patrols with their dates (≤ 25). */
  suggestPatrols(prefix: string, limit?: number): Suggestion[];
  /** Autocomplete for /source: source ids with titles (≤ 25). */
  suggestSources(prefix: string, limit?: number): Suggestion[];
}
