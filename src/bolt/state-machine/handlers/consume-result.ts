import { invariant, ProtocolError } from '../../../errors/index.js';
import {
  writeHasMoreSuccess,
  writePseudoSuccess,
  writeSummarySuccess,
} from '../../session/summary-success.js';
import type { QueryStatement } from '../../session/statement.js';
import type { HandlerContext } from '../context.js';
import type { BoltState } from '../states.js';
import { streamRecords } from './stream-records.js';

/** PULL streams records; DISCARD executes the query without sending them (bolt-spec-digest §9.4). */
export type ConsumeMode = 'pull' | 'discard';

function noSuchStatement(qid: number): ProtocolError {
  return new ProtocolError(`There is no open result with qid ${qid}`);
}

async function advance(
  context: HandlerContext,
  statement: QueryStatement,
  n: number,
  mode: ConsumeMode,
): Promise<boolean> {
  const started = context.now();
  try {
    if (mode === 'pull') return await streamRecords(context, statement.result, n);
    return await statement.result.discard(n < 0 ? Infinity : n);
  } finally {
    statement.streamingMs += context.now() - started;
  }
}

/**
 * The work of PULL, PULL_ALL, DISCARD and DISCARD_ALL. In STREAMING the auto-commit result (or a Bolt 1/2
 * pseudo statement) is consumed: with records left → `SUCCESS {has_more}` and STREAMING; exhausted → the
 * transaction is committed and the final SUCCESS carries its `bookmark` → READY. In TX_STREAMING the result
 * `qid` names (-1: the latest) is consumed: exhausted → final SUCCESS without bookmark → TX_READY, or
 * TX_STREAMING while other results are open.
 * @throws ProtocolError for a `qid` that names no open result
 */
export async function consumeResult(
  context: HandlerContext,
  qid: number,
  n: number,
  mode: ConsumeMode,
): Promise<BoltState> {
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
    if (await advance(context, streaming, n, mode)) {
      context.respond(writeHasMoreSuccess);
      return 'STREAMING';
    }
    const summary = streaming.result.summary();
    const bookmark = streaming.commitsOnEnd ? await streaming.transaction.commit() : null;
    session.streaming = null;
    context.respond((packer) => {
      writeSummarySuccess(packer, descriptor, streaming, summary, bookmark);
    });
    return 'READY';
  }
  const transaction = session.transaction;
  invariant(transaction !== null, 'PULL/DISCARD with neither a result nor a transaction');
  const statement = transaction.find(qid);
  if (statement === undefined) throw noSuchStatement(qid);
  if (await advance(context, statement, n, mode)) {
    context.respond(writeHasMoreSuccess);
    return 'TX_STREAMING';
  }
  const summary = statement.result.summary();
  transaction.close(statement);
  context.respond((packer) => {
    writeSummarySuccess(packer, descriptor, statement, summary, null);
  });
  return transaction.hasOpenResults ? 'TX_STREAMING' : 'TX_READY';
}
