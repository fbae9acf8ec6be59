import { extendVersion } from './descriptor.js';
import { boltV5x2 } from './v5x2.js';

/** Bolt 5.3: `bolt_agent` in HELLO. */
export const boltV5x3 = extendVersion(boltV5x2, { major: 5, minor: 3 }, { features: { boltAgent: true } });
