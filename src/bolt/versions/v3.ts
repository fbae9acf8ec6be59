import { decodeBegin } from '../messages/begin.js';
import { decodeCommit } from '../messages/commit.js';
import { decodeGoodbye } from '../messages/goodbye.js';
import { decodeHello } from '../messages/hello.js';
import { decodeRollback } from '../messages/rollback.js';
import { decodeRun } from '../messages/run.js';
import { REQUEST_TAG } from '../messages/tags.js';
import { extendVersion } from './descriptor.js';
import { boltV2 } from './v2.js';

/**
 * Bolt 3 (Neo4j 3.5): INIT becomes HELLO (auth merged into its extra), ACK_FAILURE is gone (RESET),
 * GOODBYE, BEGIN/COMMIT/ROLLBACK with TX_READY/TX_STREAMING, RUN gains `extra`, `t_first`/`t_last`,
 * `connection_id` in HELLO's SUCCESS.
 */
export const boltV3 = extendVersion(
  boltV2,
  { major: 3, minor: 0 },
  {
    requests: {
      [REQUEST_TAG.HELLO]: { kind: 'HELLO', decode: decodeHello },
      [REQUEST_TAG.ACK_FAILURE]: null,
      [REQUEST_TAG.GOODBYE]: { kind: 'GOODBYE', decode: decodeGoodbye },
      [REQUEST_TAG.RUN]: { kind: 'RUN', decode: decodeRun },
      [REQUEST_TAG.BEGIN]: { kind: 'BEGIN', decode: decodeBegin },
      [REQUEST_TAG.COMMIT]: { kind: 'COMMIT', decode: decodeCommit },
      [REQUEST_TAG.ROLLBACK]: { kind: 'ROLLBACK', decode: decodeRollback },
    },
    features: { authInHello: true },
    authentication: 'HELLO',
    helloSuccess: { connectionId: true },
    timing: { first: 't_first', last: 't_last' },
    transactions: 'messages',
  },
);
