import { extendVersion } from './descriptor.js';
import { boltV6x0 } from './v6x0.js';

/**
 * Bolt 6.1: PackStream v2, whose one new value is UUID (marker `E0` and its 16 bytes, not a structure);
 * messages and their fields as in 6.0. Confirmed from the drivers that speak it (JS 6.2+, Java 6.2+, Go,
 * Python, .NET): each differs from its 6.0 protocol only in the packer and unpacker allowing the UUID.
 */
export const boltV6x1 = extendVersion(boltV6x0, { major: 6, minor: 1 }, { hydration: { uuids: true } });
