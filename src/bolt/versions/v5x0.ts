import { extendVersion } from './descriptor.js';
import { boltV4x4 } from './v4x4.js';

/** Bolt 5.0: element ids on graph structs, UTC DateTime always; `patch_bolt` is no longer used. */
export const boltV5x0 = extendVersion(
  boltV4x4,
  { major: 5, minor: 0 },
  {
    features: { patchBolt: false },
    helloSuccess: { patchBolt: false },
    hydration: { elementIds: true, dateTime: 'utc' },
  },
);
