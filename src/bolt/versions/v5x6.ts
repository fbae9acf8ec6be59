import { extendVersion } from './descriptor.js';
import { boltV5x4 } from './v5x4.js';

/**
 * Bolt 5.6 (5.5 is skipped: no server negotiates it): GQL status objects (`statuses`) replace
 * `notifications`; `notifications_disabled_classifications` replaces `…_categories` (both are accepted).
 */
export const boltV5x6 = extendVersion(boltV5x4, { major: 5, minor: 6 }, { notifications: 'statuses' });
