import type { CypherMap, CypherValue } from '../values/index.js';
import type { QueryStatistics } from '../execution/index.js';
import type { PlanDescription } from '../planner/index.js';
import type { QueryNotification } from './notifications/index.js';

/** A value or a promise of it: the in-memory engine answers synchronously and pays no promise. */
export type MaybePromise<T> = T | Promise<T>;

/** Receives one record, values in `fields` order (already materialized: safe to keep). */
export type RecordSink = (values: readonly CypherValue[]) => void;

/** Neo4j's summary `type`: read, write, read-write, schema. */
export type QueryType = 'r' | 'w' | 'rw' | 's';

/** What a finished statement reports. */
export interface StatementSummary {
  readonly text: string;
  readonly parameters: CypherMap;
  readonly queryType: QueryType;
  readonly statistics: QueryStatistics;
  /** EXPLAIN and PROFILE: the plan (PROFILE: with rows, dbHits and time per operator). */
  readonly plan: PlanDescription | undefined;
  readonly profile: PlanDescription | undefined;
  readonly database: string;
  /** Records produced (streamed or discarded). */
  readonly records: number;
  /** Milliseconds from the start of the statement to its first record being available. */
  readonly resultAvailableAfter: number;
  /** Milliseconds from the first record being available to the end of the result. */
  readonly resultConsumedAfter: number;
  /**
   * Warnings and information about the statement (unknown labels, cartesian products …), EXPLAIN
   * included; absent or empty when there are none.
   */
  readonly notifications?: readonly QueryNotification[];
}

/**
 * One running statement, lazily produced: the core result the embedded API and the Bolt backend both
 * wrap. `pull` produces at most `n` records into `sink` and returns whether more may remain; `discard`
 * runs the statement on without handing records out (writes still happen); `summary` is valid once either
 * returned `false`. A failure leaves the result finished with the error rethrown.
 */
export interface StatementResult {
  readonly fields: readonly string[];
  pull(n: number, sink: RecordSink): MaybePromise<boolean>;
  discard(n: number): MaybePromise<boolean>;
  summary(): StatementSummary;
  /** Stops early, releasing the cursor (no summary counters beyond what ran). Idempotent. */
  close(): void;
  readonly done: boolean;
}

/** Pulls every row of `result` (an inner query of a command: SHOW's rows, CREATE INDEX's options). */
export async function drainResult(result: StatementResult): Promise<CypherValue[][]> {
  const rows: CypherValue[][] = [];
  const sink = (values: readonly CypherValue[]): void => {
    rows.push([...values]);
  };
  while (await result.pull(1000, sink)) {
    // Keep pulling: each call hands over up to 1000 rows.
  }
  return rows;
}
