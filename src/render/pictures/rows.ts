/** The timeline picture's rows: which kinds of event each holds, and what it is called. */
import type { AttackTarget, EventKind } from '../../domain/types.ts';
import type { ROW_INK } from './style.ts';

export type RowKey = keyof typeof ROW_INK;

export interface Row {
  readonly key: RowKey;
  readonly name: string;
  /** Drawn even when empty: an empty row of attacks says "none in this range" at a glance. */
  readonly always: boolean;
}

/**
 * The story first (patrols, then what hit them), the setting after. Military action, aid missions
 * and suspensions of the patrols are neither patrols nor attacks nor accords; they get a fifth row
 * of their own, drawn only when the range has any, rather than being left out: a reader counting
 * marks against the card's list then finds every event, and the row's name says what it holds.
 */
export const ROWS: readonly Row[] = [
  { key: 'patrols', name: 'Joint patrols', always: true },
  { key: 'attacks', name: 'Attacks on patrols', always: true },
  { key: 'related', name: 'Related attacks', always: true },
  { key: 'accords', name: 'Agreements & training', always: true },
  { key: 'other', name: 'Military action, aid & suspensions', always: false },
];

export function rowOf(kind: EventKind, target: AttackTarget | undefined): RowKey {
  switch (kind) {
    case 'patrol':
      return 'patrols';
    case 'attack':
      // Every attack has a target (the checker requires it; events.ts defaults one made from facts).
      return target === 'related-forces' ? 'related' : 'attacks';
    case 'agreement':
    case 'training':
      return 'accords';
    case 'suspension':
    case 'humanitarian':
    case 'military-action':
      return 'other';
  }
}
