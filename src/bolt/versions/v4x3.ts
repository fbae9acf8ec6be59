import { decodeRouteV43 } from '../messages/route.js';
import { REQUEST_TAG } from '../messages/tags.js';
import { extendVersion } from './descriptor.js';
import { boltV4x2 } from './v4x2.js';

/**
 * Bolt 4.3: ROUTE (third field `db`), `hints` in HELLO's SUCCESS, the `patch_bolt: ["utc"]` patch that
 * switches DateTime to the UTC structs when the server echoes it.
 */
export const boltV4x3 = extendVersion(
  boltV4x2,
  { major: 4, minor: 3 },
  {
    requests: { [REQUEST_TAG.ROUTE]: { kind: 'ROUTE', decode: decodeRouteV43 } },
    features: { patchBolt: true },
    helloSuccess: { hints: true, patchBolt: true },
    hydration: { dateTime: 'legacy-or-utc-patch' },
  },
);
