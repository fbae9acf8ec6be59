import { ProtocolError } from '../../errors/index.js';
import type { CypherMap } from '../../values/index.js';
import { asInteger, asMap, asString, asStringList, toSafeNumber } from './fields.js';
import {
  CATEGORIES_KEY,
  CLASSIFICATIONS_KEY,
  INHERITED_NOTIFICATIONS,
  notificationConfig,
  SEVERITY_KEY,
} from './notification-config.js';
import type { RequestFeatures, TransactionExtra } from './request.js';

/** The options of a RUN without extra (Bolt 1/2) or with an empty one. */
const NO_BOOKMARKS: readonly string[] = Object.freeze([]);

export const DEFAULT_TRANSACTION_EXTRA: TransactionExtra = Object.freeze({
  bookmarks: NO_BOOKMARKS,
  txTimeout: null,
  txMetadata: null,
  mode: 'w',
  db: null,
  impUser: null,
  notifications: INHERITED_NOTIFICATIONS,
});

/**
 * Reads the transaction options of BEGIN's extra or RUN's extra (bolt-spec-digest §6.8): `bookmarks`,
 * `tx_timeout`, `tx_metadata`, `mode` (3+), `db` (4.0+), `imp_user` (4.4+), notification filters (5.2+).
 * Keys the version does not define and unknown keys (Java sends `tx_type`) are ignored. The map's own keys
 * are walked once (every auto-commit RUN comes through here), instead of probing for each key.
 * @throws ProtocolError (Request.Invalid) for wrong types, a negative timeout or a mode other than r/w
 */
export function decodeTransactionExtra(
  map: CypherMap,
  features: RequestFeatures,
  where: string,
): TransactionExtra {
  let bookmarks: readonly string[] | null = null;
  let timeout: bigint | null = null;
  let metadata: CypherMap | null = null;
  let mode: string | null = null;
  let db: string | null = null;
  let impUser: string | null = null;
  let notifications = false;
  let keys = 0;
  // Decoded maps are plain objects without inherited enumerable keys: `for…in` walks the own keys.
  for (const key in map) {
    keys++;
    const value = map[key];
    switch (key) {
      case 'bookmarks':
        bookmarks = asStringList(value, key, where);
        break;
      case 'tx_timeout':
        timeout = asInteger(value, key, where);
        break;
      case 'tx_metadata':
        metadata = asMap(value, key, where);
        break;
      case 'mode':
        mode = asString(value, key, where);
        break;
      case 'db':
        if (features.database) db = asString(value, key, where);
        break;
      case 'imp_user':
        if (features.impersonation) impUser = asString(value, key, where);
        break;
      case SEVERITY_KEY:
      case CLASSIFICATIONS_KEY:
      case CATEGORIES_KEY:
        notifications = features.notificationConfig;
    }
  }
  if (keys === 0) return DEFAULT_TRANSACTION_EXTRA;
  if (mode !== null && mode !== 'r' && mode !== 'w') {
    throw new ProtocolError(`Expected "mode" in ${where} to be "r" or "w", got "${mode}"`);
  }
  if (timeout !== null && timeout < 0n) {
    throw new ProtocolError(`Expected "tx_timeout" in ${where} to be at least 0, got ${timeout}`);
  }
  return {
    bookmarks: bookmarks ?? NO_BOOKMARKS,
    txTimeout: timeout === null ? null : toSafeNumber(timeout),
    txMetadata: metadata,
    mode: mode ?? 'w',
    db: db === '' ? null : db,
    impUser,
    notifications: notifications
      ? notificationConfig(map[SEVERITY_KEY], map[CLASSIFICATIONS_KEY], map[CATEGORIES_KEY], where)
      : INHERITED_NOTIFICATIONS,
  };
}
