import type { BackendTransaction, NotificationFilter, QueryResult } from '../backend.js';

/**
 * An open query result: what PULL/DISCARD address. It remembers the transaction it belongs to, whether
 * Bolt must commit that transaction when the result is consumed (auto-commit), and the time spent
 * streaming (`t_last`).
 */
export class QueryStatement {
  readonly kind = 'query';
  /** Id inside an explicit transaction (4.0+ `qid`); auto-commit statements use 0. */
  readonly qid: number;
  readonly result: QueryResult;
  readonly transaction: BackendTransaction;
  /** Commit `transaction` once the result is consumed (auto-commit RUN). */
  readonly commitsOnEnd: boolean;
  readonly notifications: NotificationFilter;
  /** Milliseconds spent in `pull`/`discard` so far. */
  streamingMs = 0;

  constructor(
    qid: number,
    result: QueryResult,
    transaction: BackendTransaction,
    commitsOnEnd: boolean,
    notifications: NotificationFilter,
  ) {
    this.qid = qid;
    this.result = result;
    this.transaction = transaction;
    this.commitsOnEnd = commitsOnEnd;
    this.notifications = notifications;
  }
}

/**
 * The empty result of a Bolt 1/2 pseudo statement (`RUN "BEGIN"`, `"COMMIT"`, `"ROLLBACK"`): the PULL_ALL or
 * DISCARD_ALL that follows it answers `SUCCESS {}`, or `SUCCESS {bookmark}` after COMMIT.
 */
export class PseudoStatement {
  readonly kind = 'pseudo';
  readonly bookmark: string | null;

  constructor(bookmark: string | null) {
    this.bookmark = bookmark;
  }
}

/** What the STREAMING state streams. */
export type OpenResult = QueryStatement | PseudoStatement;
