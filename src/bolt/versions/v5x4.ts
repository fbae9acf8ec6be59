import { decodeTelemetry } from '../messages/telemetry.js';
import { REQUEST_TAG } from '../messages/tags.js';
import { extendVersion } from './descriptor.js';
import { boltV5x3 } from './v5x3.js';

/** Bolt 5.4: TELEMETRY and the `telemetry.enabled` hint. */
export const boltV5x4 = extendVersion(
  boltV5x3,
  { major: 5, minor: 4 },
  {
    requests: { [REQUEST_TAG.TELEMETRY]: { kind: 'TELEMETRY', decode: decodeTelemetry } },
    helloSuccess: { telemetryHint: true },
  },
);
