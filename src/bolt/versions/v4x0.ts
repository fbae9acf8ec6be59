import { decodeDiscard } from '../messages/discard.js';
import { decodePull } from '../messages/pull.js';
import { REQUEST_TAG } from '../messages/tags.js';
import { extendVersion } from './descriptor.js';
import { boltV3 } from './v3.js';

/**
 * Bolt 4.0 (Neo4j 4.0): PULL/DISCARD `{n, qid}` replace PULL_ALL/DISCARD_ALL, `has_more`, several open
 * results per transaction (`qid`), `db` in RUN/BEGIN and in the final SUCCESS.
 */
export const boltV4x0 = extendVersion(
  boltV3,
  { major: 4, minor: 0 },
  {
    requests: {
      [REQUEST_TAG.PULL]: { kind: 'PULL', decode: decodePull },
      [REQUEST_TAG.DISCARD]: { kind: 'DISCARD', decode: decodeDiscard },
    },
    features: { database: true },
    streaming: 'batches',
    multipleResults: true,
    dbInSummary: true,
  },
);
