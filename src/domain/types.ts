/**
 * The domain types everything downstream of the loader works with.
 *
 * They are inferred from the zod schemas in src/knowledge/schema.ts so that what the files may say,
 * what the checker accepts and what the code receives can never drift apart.
 */
import type { z } from 'zod';
import type {
  AttackTarget as AttackTargetSchema,
  ClaimantSchema,
  DateBasis as DateBasisSchema,
  DatePrecision as DatePrecisionSchema,
  CardLineSchema,
  CitedTextSchema,
  DisputeSchema,
  EventKind as EventKindSchema,
  EventSchema,
  PatrolNumberSchema,
  FactKind as FactKindSchema,
  FactSchema,
  PlaceSchema,
  SourceSchema,
} from '../knowledge/schema.ts';

export type DatePrecision = z.infer<typeof DatePrecisionSchema>;
export type DateBasis = z.infer<typeof DateBasisSchema>;
export type FactKind = z.infer<typeof FactKindSchema>;
export type AttackTarget = z.infer<typeof AttackTargetSchema>;

export type Source = Readonly<z.infer<typeof SourceSchema>>;
export type Place = Readonly<z.infer<typeof PlaceSchema>>;
export type Claimant = Readonly<z.infer<typeof ClaimantSchema>>;
export type Fact = Readonly<z.infer<typeof FactSchema>>;
export type Dispute = Readonly<z.infer<typeof DisputeSchema>>;
export type EventKind = z.infer<typeof EventKindSchema>;
/** One thing that happened, with the facts that report it and the lines its card shows. */
export type EventRecord = Readonly<z.infer<typeof EventSchema>>;
export type PatrolNumber = Readonly<z.infer<typeof PatrolNumberSchema>>;
export type CitedText = Readonly<z.infer<typeof CitedTextSchema>>;
export type CardLine = Readonly<z.infer<typeof CardLineSchema>>;

/** The fields every dated record (fact or source publication) carries. */
export type Dated = Pick<Fact, 'date' | 'date_precision' | 'date_earliest' | 'date_latest' | 'date_basis' | 'date_reasoning'>;

/**
 * The loaded, validated and frozen knowledge. Everything downstream trusts it: every reference
 * resolves, every quote is in its source's article text, every date is consistent.
 */
export interface FactBase {
  /** A content hash of the knowledge files: changes whenever any of them does. */
  readonly version: string;
  readonly facts: readonly Fact[];
  readonly sources: readonly Source[];
  readonly places: readonly Place[];
  readonly claimants: readonly Claimant[];
  readonly disputes: readonly Dispute[];
  readonly events: readonly EventRecord[];
  readonly factById: ReadonlyMap<string, Fact>;
  readonly sourceById: ReadonlyMap<string, Source>;
  readonly placeById: ReadonlyMap<string, Place>;
  readonly claimantById: ReadonlyMap<string, Claimant>;
  readonly disputeById: ReadonlyMap<string, Dispute>;
  readonly eventById: ReadonlyMap<string, EventRecord>;
  /** Dispute ids each fact takes part in (derived from the dispute records). */
  readonly disputesByFact: ReadonlyMap<string, readonly string[]>;
  /** Event ids each fact reports (derived from the events' `reports`). */
  readonly eventsByFact: ReadonlyMap<string, readonly string[]>;
  /** Archived article text per source id, non-article parts removed (what quotes are checked against). */
  readonly articleText: ReadonlyMap<string, string>;
}

/** One problem found in the knowledge files, reported as `path:line: field: message`. */
export interface KnowledgeIssue {
  /** Path relative to the knowledge directory's parent, e.g. `knowledge/facts/sofrep.yaml`. */
  readonly path: string;
  readonly line: number;
  readonly field: string;
  readonly message: string;
}
