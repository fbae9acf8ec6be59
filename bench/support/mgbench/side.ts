/**
 * One engine under test, as the mgbench runner sees it: load a generated graph, execute a query of the set
 * with its parameters, consuming every record, and say how many records there were.
 */
import type { PokecData } from './pokec-data.js';
import type { MgbenchQuery, QueryParams } from './queries.js';

export interface BenchSide {
  /** Shown in tables, e.g. `kuzu 0.11.3`. */
  readonly name: string;
  /** Loads the graph (users, an index or primary key on `id`, FRIEND edges). */
  load(data: PokecData): Promise<void>;
  /** Runs `query` once in its own (auto-commit) transaction, consumes every record and returns their number. */
  execute(query: MgbenchQuery, params: QueryParams): Promise<number>;
  /** Runs `query` once and returns its records as plain values (for cross-checks, not timed). */
  rows(query: MgbenchQuery, params: QueryParams): Promise<unknown[][]>;
  close(): Promise<void>;
}
