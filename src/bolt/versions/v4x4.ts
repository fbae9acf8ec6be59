import { decodeRoute } from '../messages/route.js';
import { REQUEST_TAG } from '../messages/tags.js';
import { extendVersion } from './descriptor.js';
import { boltV4x3 } from './v4x3.js';

/** Bolt 4.4: `imp_user`, ROUTE's third field becomes `extra{db, imp_user}`, `rt.db` in ROUTE's SUCCESS. */
export const boltV4x4 = extendVersion(
  boltV4x3,
  { major: 4, minor: 4 },
  {
    requests: { [REQUEST_TAG.ROUTE]: { kind: 'ROUTE', decode: decodeRoute } },
    features: { impersonation: true },
    dbInRoutingTable: true,
  },
);
