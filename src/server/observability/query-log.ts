import type { ServerLogger } from '../logging.js';
import { toLogValue } from './log-value.js';
import type { QueryEvent, ServerObserver } from './server-observer.js';

/**
 * What the query log writes (Neo4j `db.logs.query.enabled`): `off`; `info`, one line per finished query
 * without its parameters; `verbose`, with them.
 */
export type QueryLogMode = 'off' | 'info' | 'verbose';

/** Settings of the query log. */
export interface QueryLogOptions {
  readonly mode: QueryLogMode;
  /**
   * Only successful queries that took at least this long (ms) are logged (Neo4j `db.logs.query.threshold`);
   * default 0, every query. Failed queries are always logged: an error is worth seeing however fast it was.
   */
  readonly slowQueryMs?: number;
}

/** The structured fields of one query log line (the message is `query` or `query failed`). */
export interface QueryLogRecord {
  readonly log: 'query';
  readonly durationMs: number;
  readonly database: string;
  readonly user: string;
  readonly query: string;
  readonly parameters?: unknown;
  readonly type?: string;
  readonly rows?: number;
  readonly outcome: QueryEvent['outcome'];
  readonly errorCode?: string;
}

const QUERY_LOG_MESSAGES = {
  success: 'query',
  failure: 'query failed',
  interrupted: 'query interrupted',
} as const satisfies Record<QueryEvent['outcome'], string>;

/**
 * An observer writing one structured line per finished query to `logger.record` (or, for loggers without
 * structured records, a text line to `logger.info`). `undefined` when the log is off.
 */
export function createQueryLog(options: QueryLogOptions, logger: ServerLogger): ServerObserver | undefined {
  if (options.mode === 'off') return undefined;
  const verbose = options.mode === 'verbose';
  const threshold = options.slowQueryMs ?? 0;
  return {
    queryFinished: (event) => {
      if (event.outcome === 'success' && event.durationMs < threshold) return;
      const record = toQueryLogRecord(event, verbose);
      const message = QUERY_LOG_MESSAGES[event.outcome];
      if (logger.record === undefined) logger.info(`${message} ${JSON.stringify(record)}`);
      else logger.record({ ...record }, message);
    },
    transactionBegun: () => undefined,
    transactionEnded: () => undefined,
  };
}

/** The log line's fields: absent facts are left out rather than written as null. */
export function toQueryLogRecord(event: QueryEvent, verbose: boolean): QueryLogRecord {
  return {
    log: 'query',
    // Microsecond precision is plenty and keeps the lines short.
    durationMs: Math.round(event.durationMs * 1000) / 1000,
    database: event.database,
    user: event.user,
    query: event.query,
    ...(verbose ? { parameters: toLogValue(event.parameters) } : {}),
    ...(event.type === undefined ? {} : { type: event.type }),
    ...(event.rows === undefined ? {} : { rows: event.rows }),
    outcome: event.outcome,
    ...(event.errorCode === undefined ? {} : { errorCode: event.errorCode }),
  };
}
