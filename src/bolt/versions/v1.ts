import { decodeAckFailure } from '../messages/ack-failure.js';
import { decodeDiscardAll } from '../messages/discard-all.js';
import { decodeInit } from '../messages/init.js';
import { decodePullAll } from '../messages/pull-all.js';
import { decodeReset } from '../messages/reset.js';
import { decodeRunV1 } from '../messages/run.js';
import { REQUEST_TAG } from '../messages/tags.js';
import { extendVersion, type BoltVersionDescriptor } from './descriptor.js';

const spelledOut: BoltVersionDescriptor = {
  version: { major: 1, minor: 0 },
  requests: {
    [REQUEST_TAG.INIT]: { kind: 'INIT', decode: decodeInit },
    [REQUEST_TAG.ACK_FAILURE]: { kind: 'ACK_FAILURE', decode: decodeAckFailure },
    [REQUEST_TAG.RESET]: { kind: 'RESET', decode: decodeReset },
    [REQUEST_TAG.RUN]: { kind: 'RUN', decode: decodeRunV1 },
    [REQUEST_TAG.DISCARD_ALL]: { kind: 'DISCARD_ALL', decode: decodeDiscardAll },
    [REQUEST_TAG.PULL_ALL]: { kind: 'PULL_ALL', decode: decodePullAll },
  },
  features: {
    authInHello: false,
    helloRouting: false,
    patchBolt: false,
    database: false,
    impersonation: false,
    notificationConfig: false,
    boltAgent: false,
  },
  initialState: 'CONNECTED',
  authentication: 'INIT',
  helloSuccess: {
    connectionId: false,
    hints: false,
    patchBolt: false,
    telemetryHint: false,
    ssrHint: false,
    protocolVersion: false,
  },
  timing: { first: 'result_available_after', last: 'result_consumed_after' },
  transactions: 'pseudo-statements',
  streaming: 'all',
  multipleResults: false,
  dbInSummary: false,
  dbInBeginAndRun: false,
  dbInRoutingTable: false,
  notifications: 'notifications',
  failure: 'legacy',
  hydration: { temporalSpatial: false, elementIds: false, dateTime: 'none', vectors: false, uuids: false },
};

/**
 * Bolt 1 (Neo4j 3.0–3.3), the base every later version diffs against: INIT, RUN (2 fields), PULL_ALL,
 * DISCARD_ALL, ACK_FAILURE, RESET; explicit transactions as `RUN "BEGIN"`/`"COMMIT"`/`"ROLLBACK"`;
 * `result_available_after`/`result_consumed_after`; no temporal or spatial structs.
 * Spelled out in full, then frozen like every other descriptor (`extendVersion` with an empty diff).
 */
export const boltV1 = extendVersion(spelledOut, spelledOut.version, {});
