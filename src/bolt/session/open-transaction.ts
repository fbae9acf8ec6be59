import type { BackendTransaction, NotificationFilter, QueryResult } from '../backend.js';
import { QueryStatement } from './statement.js';

/**
 * An explicit transaction (BEGIN, or `RUN "BEGIN"` in Bolt 1/2) and its open results by `qid`. Ids count
 * from 0 per transaction; `qid = -1` means the statement of the most recent RUN (bolt-spec-digest §9.3),
 * which is what makes pipelined RUN + PULL work before the client has seen the id.
 */
export class OpenTransaction {
  readonly backend: BackendTransaction;
  /** The notification filter of BEGIN, applied to every result of the transaction. */
  readonly notifications: NotificationFilter;
  private readonly statements = new Map<number, QueryStatement>();
  private nextQid = 0;
  private latestQid = -1;

  constructor(backend: BackendTransaction, notifications: NotificationFilter) {
    this.backend = backend;
    this.notifications = notifications;
  }

  /** Registers the result of a RUN and gives it the next id. */
  open(result: QueryResult): QueryStatement {
    const statement = new QueryStatement(this.nextQid++, result, this.backend, false, this.notifications);
    this.statements.set(statement.qid, statement);
    this.latestQid = statement.qid;
    return statement;
  }

  /** The open statement `qid` addresses (-1: the latest), or `undefined` if it is unknown or closed. */
  find(qid: number): QueryStatement | undefined {
    return this.statements.get(qid === -1 ? this.latestQid : qid);
  }

  /** Forgets a consumed statement. */
  close(statement: QueryStatement): void {
    this.statements.delete(statement.qid);
  }

  /** Whether any result is still open (TX_STREAMING rather than TX_READY). */
  get hasOpenResults(): boolean {
    return this.statements.size > 0;
  }

  /** The open statements in qid order, removing them. */
  takeOpenStatements(): QueryStatement[] {
    const open = [...this.statements.values()].sort((a, b) => a.qid - b.qid);
    this.statements.clear();
    return open;
  }
}
