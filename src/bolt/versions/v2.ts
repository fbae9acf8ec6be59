import { extendVersion } from './descriptor.js';
import { boltV1 } from './v1.js';

/** Bolt 2 (Neo4j 3.4): no message changes; temporal and spatial structs, DateTime in the legacy form. */
export const boltV2 = extendVersion(
  boltV1,
  { major: 2, minor: 0 },
  { hydration: { temporalSpatial: true, dateTime: 'legacy' } },
);
