import type { QueryType } from '../../bolt/index.js';
import type { CypherMap } from '../../values/index.js';

/** One finished query, as the query log and the metrics see it. */
export interface QueryEvent {
  readonly database: string;
  readonly user: string;
  readonly query: string;
  readonly parameters: CypherMap;
  /** From RUN to the end of the result (the last PULL or DISCARD), client think time between PULLs included. */
  readonly durationMs: number;
  /**
   * `interrupted`: the transaction ended before the result did (RESET, a rollback or a disconnect with the
   * result still open); with the Terminated code when a RESET or a kill ended it.
   */
  readonly outcome: 'success' | 'failure' | 'interrupted';
  /** The summary's query type; unknown for a query that failed before it had one. */
  readonly type: QueryType | undefined;
  /** Records produced (streamed or discarded); unknown for a failed query. */
  readonly rows: number | undefined;
  /** The Neo4j status code of a failure (`Neo.ClientError.Statement.SyntaxError`). */
  readonly errorCode: string | undefined;
}

/** How a transaction ended: committed, or rolled back (explicitly, by a failed commit or a closed connection). */
export type TransactionOutcome = 'committed' | 'rolled_back';

/**
 * What the server reports about its work, for the query log and the metrics: the one hook between the
 * Bolt backend and observability, so neither Bolt nor the engine knows about logs or metrics. Calls are
 * synchronous and must not throw.
 */
export interface ServerObserver {
  queryFinished(event: QueryEvent): void;
  transactionBegun(database: string): void;
  transactionEnded(database: string, outcome: TransactionOutcome): void;
}

/** One observer that forwards every event to each of `observers` (none: `undefined`, so callers skip the hook). */
export function combineObservers(observers: readonly ServerObserver[]): ServerObserver | undefined {
  if (observers.length <= 1) return observers[0];
  return {
    queryFinished: (event) => {
      for (const observer of observers) observer.queryFinished(event);
    },
    transactionBegun: (database) => {
      for (const observer of observers) observer.transactionBegun(database);
    },
    transactionEnded: (database, outcome) => {
      for (const observer of observers) observer.transactionEnded(database, outcome);
    },
  };
}
