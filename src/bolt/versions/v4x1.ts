import { extendVersion } from './descriptor.js';
import { boltV4x0 } from './v4x0.js';

/** Bolt 4.1: HELLO `routing` context. (NOOP chunks, also new in 4.1, belong to the transport.) */
export const boltV4x1 = extendVersion(boltV4x0, { major: 4, minor: 1 }, { features: { helloRouting: true } });
