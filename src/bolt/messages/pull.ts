import type { PullMessage } from './request.js';
import { decodeStreamExtra } from './stream-extra.js';

/**
 * PULL `0x3F` (Bolt 4.0+): `extra::Map{n, qid}`.
 * @throws ProtocolError (Request.Invalid) for an invalid `n` or `qid`
 */
export function decodePull(fields: readonly unknown[]): PullMessage {
  const { n, qid } = decodeStreamExtra('PULL', fields);
  return { kind: 'PULL', n, qid };
}
