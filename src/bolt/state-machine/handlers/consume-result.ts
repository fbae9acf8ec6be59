import { invariant, ProtocolError } from '../../../errors/index.js';
import {
  writeHasMoreSuccess,
  writePseudoSuccess,
  writeSummarySuccess,
} from '../../session/summary-success.js';
import type { QueryStatement } from '../../session/statement.js';
import type { MaybePromise, ResultSummary } from '../../backend.js';
import type { OpenTransaction } from '../../session/open-transaction.js';
import type { HandlerContext } from '../context.js';
import { isPromise } from '../maybe-promise.js';
import type { BoltState } from '../states.js';
import { streamRecords } from './stream-records.js';

/** PULL streams records; DISCARD executes the query without sending them (bolt-spec-digest §9.4). */
export type ConsumeMode = 'pull' | 'discard';

function noSuchStatement(qid: number): ProtocolError {
  return new ProtocolError(`There is no open result with qid ${qid}`);
}

/**
 * Pulls or discards up to `n` records, adding the time it takes to the statement's `t_last`. Returns
 * whether records remain: at once while the backend answers at once, else as a promise.
 */
function advance(
  context: HandlerContext,
  statement: QueryStatement,
  n: number,
  mode: ConsumeMode,
): MaybePromise<boolean> {
  const started = context.now();
  let advanced: MaybePromise<boolean>;
  try {
    // Records read ahead (auto-commit only) come first; an error met while reading ahead is thrown here.
    const taken = context.session.readAhead?.take(
      statement,
      n,
      mode === 'pull' ? context.appendFramed : null,
    );
    if (taken?.kind === 'answered') {
      statement.streamingMs += context.now() - started;
      return taken.hasMore;
    }
    const remaining = taken?.remaining ?? n;
    advanced =
      mode === 'pull'
        ? streamRecords(context, statement.result, remaining)
        : statement.result.discard(remaining < 0 ? Infinity : remaining);
  } catch (error) {
    statement.streamingMs += context.now() - started;
    throw error;
  }
  if (isPromise(advanced)) {
    return advanced.finally(() => {
      statement.streamingMs += context.now() - started;
    });
  }
  statement.streamingMs += context.now() - started;
  return advanced;
}

/**
 * The work of PULL, PULL_ALL, DISCARD and DISCARD_ALL. In STREAMING the auto-commit result (or a Bolt 1/2
 * pseudo statement) is consumed: with records left → `SUCCESS {has_more}` and STREAMING; exhausted → the
 * transaction is committed and the final SUCCESS carries its `bookmark` → READY. In TX_STREAMING the result
 * `qid` names (-1: the latest) is consumed: exhausted → final SUCCESS without bookmark → TX_READY, or
 * TX_STREAMING while other results are open. Each step is a plain function, called at once while the
 * backend answers at once (no closure per request), or once its promise settles.
 * @throws ProtocolError for a `qid` that names no open result
 */
export function consumeResult(
  context: HandlerContext,
  qid: number,
  n: number,
  mode: ConsumeMode,
): MaybePromise<BoltState> {
  const session = context.session;
  const streaming = session.streaming;
  if (streaming !== null) {
    // Auto-commit results are not numbered on the wire; 0 is accepted for clients that count from it.
    if (qid !== -1 && qid !== 0) throw noSuchStatement(qid);
    if (streaming.kind === 'pseudo') {
      session.streaming = null;
      context.respond(writePseudoSuccess, streaming.bookmark);
      return 'READY';
    }
    const advanced = advance(context, streaming, n, mode);
    if (isPromise(advanced)) {
      return advanced.then((hasMore) => streamingAdvanced(context, streaming, n, mode, hasMore));
    }
    return streamingAdvanced(context, streaming, n, mode, advanced);
  }
  const transaction = session.transaction;
  invariant(transaction !== null, 'PULL/DISCARD with neither a result nor a transaction');
  const statement = transaction.find(qid);
  if (statement === undefined) throw noSuchStatement(qid);
  const advanced = advance(context, statement, n, mode);
  if (isPromise(advanced)) {
    return advanced.then((hasMore) => statementAdvanced(context, transaction, statement, hasMore));
  }
  return statementAdvanced(context, transaction, statement, advanced);
}

/** The STREAMING result moved on: more to come, or the end (the auto-commit transaction commits). */
function streamingAdvanced(
  context: HandlerContext,
  streaming: QueryStatement,
  n: number,
  mode: ConsumeMode,
  hasMore: boolean,
): MaybePromise<BoltState> {
  const session = context.session;
  if (hasMore) {
    context.respond(writeHasMoreSuccess);
    // The client will likely ask for as many again: the machine encodes them while it reads these.
    if (mode === 'pull') session.readAhead?.expect(streaming, n);
    return 'STREAMING';
  }
  session.readAhead?.clear();
  const summary = streaming.result.summary();
  if (!streaming.commitsOnEnd) return streamingEnded(context, streaming, summary, null);
  const committed = streaming.transaction.commit();
  if (isPromise(committed)) {
    return committed.then((bookmark) => streamingEnded(context, streaming, summary, bookmark));
  }
  return streamingEnded(context, streaming, summary, committed);
}

function streamingEnded(
  context: HandlerContext,
  statement: QueryStatement,
  summary: ResultSummary,
  bookmark: string | null,
): BoltState {
  context.session.streaming = null;
  context.respond(writeSummarySuccess, { descriptor: context.descriptor, statement, summary, bookmark });
  return 'READY';
}

/** A result of the explicit transaction moved on: more to come, or its end (the transaction stays). */
function statementAdvanced(
  context: HandlerContext,
  transaction: OpenTransaction,
  statement: QueryStatement,
  hasMore: boolean,
): BoltState {
  if (hasMore) {
    context.respond(writeHasMoreSuccess);
    return 'TX_STREAMING';
  }
  const summary = statement.result.summary();
  transaction.close(statement);
  context.respond(writeSummarySuccess, {
    descriptor: context.descriptor,
    statement,
    summary,
    bookmark: null,
  });
  return transaction.hasOpenResults ? 'TX_STREAMING' : 'TX_READY';
}
