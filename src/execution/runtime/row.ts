import type { CypherValue } from '../../values/index.js';

/**
 * One row flowing between operators: a slot array. The planner gives every variable of a query a slot
 * number (`SlotMap`); an operator that binds a variable writes its slot, usually in a copy of its input row
 * (rows handed downstream are never mutated afterwards). Unbound slots hold `undefined` only before their
 * variable is bound; a bound-but-null variable holds `null`.
 */
export type Row = (CypherValue | undefined)[];

/** Pulls rows one at a time: `null` when exhausted. The contract of every operator's cursor. */
export interface RowCursor {
  next(): Row | null;
  /** Releases resources early (a LIMIT that is satisfied, a consumer that stops). Idempotent. */
  close(): void;
}
