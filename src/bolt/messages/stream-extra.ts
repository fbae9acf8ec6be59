import { ProtocolError } from '../../errors/index.js';
import { expectFieldCount, expectMapField, readInteger, toSafeNumber } from './fields.js';

/** The `{n, qid}` extra of PULL and DISCARD. */
export interface StreamExtra {
  readonly n: number;
  readonly qid: number;
}

/**
 * Reads the single `extra::Map{n, qid}` field of PULL/DISCARD (4.0+, bolt-spec-digest §6.9): `n` is
 * required, -1 (everything) or at least 1 (Neo4j rejects 0 and other negatives); `qid` defaults to -1,
 * the latest statement.
 * @throws ProtocolError (Request.Invalid) for a missing or out-of-range `n` or a `qid` below -1
 */
export function decodeStreamExtra(message: 'PULL' | 'DISCARD', fields: readonly unknown[]): StreamExtra {
  expectFieldCount(message, fields, 1);
  const where = message === 'PULL' ? 'PULL extra' : 'DISCARD extra';
  const extra = expectMapField(message, 'extra', fields[0]);
  const n = readInteger(extra, 'n', where);
  if (n === null) throw new ProtocolError(`Expected "n" in ${where}: it is required`);
  // Compared as numbers: clamping beyond 2^53 keeps every comparison here as it is, and a BigInt literal
  // such as `-1n` costs an operation each time it is evaluated.
  const count = toSafeNumber(n);
  if (count !== -1 && count < 1) {
    throw new ProtocolError(`Expected "n" in ${where} to be -1 or at least 1, got ${n}`);
  }
  const qidValue = readInteger(extra, 'qid', where);
  const qid = qidValue === null ? -1 : toSafeNumber(qidValue);
  if (qid < -1) {
    throw new ProtocolError(`Expected "qid" in ${where} to be -1 or at least 0, got ${String(qidValue)}`);
  }
  return { n: count, qid };
}
