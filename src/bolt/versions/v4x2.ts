import { extendVersion } from './descriptor.js';
import { boltV4x1 } from './v4x1.js';

/** Bolt 4.2: no protocol changes ("4.1 and 4.2 are equivalent"). */
export const boltV4x2 = extendVersion(boltV4x1, { major: 4, minor: 2 }, {});
