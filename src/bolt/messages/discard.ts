import type { DiscardMessage } from './request.js';
import { decodeStreamExtra } from './stream-extra.js';

/**
 * DISCARD `0x2F` (Bolt 4.0+): `extra::Map{n, qid}`.
 * @throws ProtocolError (Request.Invalid) for an invalid `n` or `qid`
 */
export function decodeDiscard(fields: readonly unknown[]): DiscardMessage {
  const { n, qid } = decodeStreamExtra('DISCARD', fields);
  return { kind: 'DISCARD', n, qid };
}
