import { extendVersion } from './descriptor.js';
import { boltV5x1 } from './v5x1.js';

/** Bolt 5.2: notification filters in HELLO, BEGIN and RUN. */
export const boltV5x2 = extendVersion(
  boltV5x1,
  { major: 5, minor: 2 },
  { features: { notificationConfig: true } },
);
