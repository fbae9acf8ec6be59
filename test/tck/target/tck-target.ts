import type { ProcedureDefinition } from '../../../src/execution/index.js';
import type { CypherMap } from '../../../src/values/index.js';
import type { ActualResult } from '../result-table.js';

/**
 * The database a TCK scenario runs against. The runner knows only this interface, so the same scenarios can
 * run in-process (`embedded-target.ts`) or, later, over Bolt (`QUIVER_TCK_TARGET=bolt://…`, issue #6).
 */
export interface TckDatabase {
  /** Adds a procedure for `And there exists a procedure …`. */
  registerProcedure(procedure: ProcedureDefinition): void;
  /**
   * Runs one query in its own auto-commit transaction and collects every record.
   * Rejects with the database's error (for the embedded target a `DatabaseError`).
   */
  run(query: string, parameters: CypherMap): Promise<ActualResult>;
  close(): Promise<void>;
}

/** Where scenarios run: opens one fresh, empty database per scenario. */
export interface TckTarget {
  /** For the summary line and skip reasons, e.g. `embedded`. */
  readonly description: string;
  open(): Promise<TckDatabase>;
}
