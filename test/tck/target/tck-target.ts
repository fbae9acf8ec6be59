import type { ProcedureDefinition } from '../../../src/execution/index.js';
import type { CypherMap } from '../../../src/values/index.js';
import type { ActualResult } from '../result-table.js';

/**
 * The database a TCK scenario runs against. The runner knows only this interface, so the same scenarios can
 * run in-process (`embedded-target.ts`) or over Bolt (`bolt-target.ts`, `QUIVER_TCK_TARGET=bolt`).
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
  /** The denylist file under test/tck (`denylist.txt` when absent): a target may fail other scenarios. */
  readonly denylist?: string;
  open(): Promise<TckDatabase>;
  /** Releases what the target holds across scenarios (a server, a driver), after the last one. */
  close?(): Promise<void>;
}
