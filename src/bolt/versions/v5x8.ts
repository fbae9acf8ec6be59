import { extendVersion } from './descriptor.js';
import { boltV5x7 } from './v5x7.js';

/** Bolt 5.8: home-database resolution (`db` in BEGIN/RUN SUCCESS) and the `ssr.enabled` hint. */
export const boltV5x8 = extendVersion(
  boltV5x7,
  { major: 5, minor: 8 },
  { dbInBeginAndRun: true, helloSuccess: { ssrHint: true } },
);
