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
  if (n !== -1n && n < 1n)
    throw new ProtocolError(`Expected "n" in ${where} to be -1 or at least 1, got ${n}`);
  const qid = readInteger(extra, 'qid', where) ?? -1n;
  if (qid < -1n) throw new ProtocolError(`Expected "qid" in ${where} to be -1 or at least 0, got ${qid}`);
  return { n: toSafeNumber(n), qid: toSafeNumber(qid) };
}
