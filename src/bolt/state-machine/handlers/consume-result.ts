import { invariant, ProtocolError } from '../../../errors/index.js';
import {
  writeHasMoreSuccess,
  writePseudoSuccess,
  writeSummarySuccess,
} from '../../session/summary-success.js';
import type { QueryStatement } from '../../session/statement.js';
import type { MaybePromise } from '../../backend.js';
import type { HandlerContext } from '../context.js';
import { andThen, isPromise } from '../maybe-promise.js';
import type { BoltState } from '../states.js';
import { streamRecords } from './stream-records.js';

/** PULL streams records; DISCARD executes the query without sending them (bolt-spec-digest §9.4). */
export type ConsumeMode = 'pull' | 'discard';

function noSuchStatement(qid: number): ProtocolError {
  return new ProtocolError(`There is no open result with qid ${qid}`);
}

/** Pulls or discards up to `n` records, adding the time it takes to the statement's `t_last`. */
function advance(
  context: HandlerContext,
  statement: QueryStatement,
  n: number,
  mode: ConsumeMode,
): MaybePromise<boolean> {
  const started = context.now();
  const stop = (): void => {
    statement.streamingMs += context.now() - started;
  };
  let advanced: MaybePromise<boolean>;
  try {
    // Records read ahead (auto-commit only) come first; an error met while reading ahead is thrown here.
    const taken = context.session.readAhead?.take(
      statement,
      n,
      mode === 'pull' ? context.appendFramed : null,
    );
    if (taken?.kind === 'answered') {
      stop();
      return taken.hasMore;
    }
    const remaining = taken?.remaining ?? n;
    advanced =
      mode === 'pull'
        ? streamRecords(context, statement.result, remaining)
        : statement.result.discard(remaining < 0 ? Infinity : remaining);
  } catch (error) {
    stop();
    throw error;
  }
  if (isPromise(advanced)) return advanced.finally(stop);
  stop();
  return advanced;
}

/**
 * The work of PULL, PULL_ALL, DISCARD and DISCARD_ALL. In STREAMING the auto-commit result (or a Bolt 1/2
 * pseudo statement) is consumed: with records left → `SUCCESS {has_more}` and STREAMING; exhausted → the
 * transaction is committed and the final SUCCESS carries its `bookmark` → READY. In TX_STREAMING the result
 * `qid` names (-1: the latest) is consumed: exhausted → final SUCCESS without bookmark → TX_READY, or
 * TX_STREAMING while other results are open.
 * @throws ProtocolError for a `qid` that names no open result
 */
export function consumeResult(
  context: HandlerContext,
  qid: number,
  n: number,
  mode: ConsumeMode,
): MaybePromise<BoltState> {
  const { session, descriptor } = context;
  const streaming = session.streaming;
  if (streaming !== null) {
    // Auto-commit results are not numbered on the wire; 0 is accepted for clients that count from it.
    if (qid !== -1 && qid !== 0) throw noSuchStatement(qid);
    if (streaming.kind === 'pseudo') {
      session.streaming = null;
      context.respond((packer) => {
        writePseudoSuccess(packer, streaming.bookmark);
      });
      return 'READY';
    }
    return andThen(advance(context, streaming, n, mode), (hasMore) => {
      if (hasMore) {
        context.respond(writeHasMoreSuccess);
        // The client will likely ask for as many again: the machine encodes them while it reads these.
        if (mode === 'pull') session.readAhead?.expect(streaming, n);
        return 'STREAMING';
      }
      session.readAhead?.clear();
      const summary = streaming.result.summary();
      const committed = streaming.commitsOnEnd ? streaming.transaction.commit() : null;
      return andThen(committed, (bookmark) => {
        session.streaming = null;
        context.respond((packer) => {
          writeSummarySuccess(packer, descriptor, streaming, summary, bookmark);
        });
        return 'READY';
      });
    });
  }
  const transaction = session.transaction;
  invariant(transaction !== null, 'PULL/DISCARD with neither a result nor a transaction');
  const statement = transaction.find(qid);
  if (statement === undefined) throw noSuchStatement(qid);
  return andThen(advance(context, statement, n, mode), (hasMore) => {
    if (hasMore) {
      context.respond(writeHasMoreSuccess);
      return 'TX_STREAMING';
    }
    const summary = statement.result.summary();
    transaction.close(statement);
    context.respond((packer) => {
      writeSummarySuccess(packer, descriptor, statement, summary, null);
    });
    return transaction.hasOpenResults ? 'TX_STREAMING' : 'TX_READY';
  });
}
