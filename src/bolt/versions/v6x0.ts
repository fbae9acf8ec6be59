import { extendVersion } from './descriptor.js';
import { boltV5x8 } from './v5x8.js';

/** Bolt 6.0: Vector and UnsupportedType structs; otherwise Bolt 5.8 (FAILURE `message` declared unstable). */
export const boltV6x0 = extendVersion(boltV5x8, { major: 6, minor: 0 }, { hydration: { vectors: true } });
