import { ProtocolError } from '../../errors/index.js';
import type { CypherMap } from '../../values/index.js';
import { readInteger, readMap, readString, readStringList, toSafeNumber } from './fields.js';
import { decodeNotificationConfig, INHERITED_NOTIFICATIONS } from './notification-config.js';
import type { RequestFeatures, TransactionExtra } from './request.js';

/** The options of a RUN without extra (Bolt 1/2) or with an empty one. */
export const DEFAULT_TRANSACTION_EXTRA: TransactionExtra = Object.freeze({
  bookmarks: Object.freeze([]),
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
 * Keys the version does not define and unknown keys (Java sends `tx_type`) are ignored.
 * @throws ProtocolError (Request.Invalid) for wrong types, a negative timeout or a mode other than r/w
 */
export function decodeTransactionExtra(
  map: CypherMap,
  features: RequestFeatures,
  where: string,
): TransactionExtra {
  if (Object.keys(map).length === 0) return DEFAULT_TRANSACTION_EXTRA;
  const mode = readString(map, 'mode', where) ?? 'w';
  if (mode !== 'r' && mode !== 'w') {
    throw new ProtocolError(`Expected "mode" in ${where} to be "r" or "w", got "${mode}"`);
  }
  const timeout = readInteger(map, 'tx_timeout', where);
  if (timeout !== null && timeout < 0n) {
    throw new ProtocolError(`Expected "tx_timeout" in ${where} to be at least 0, got ${timeout}`);
  }
  const db = features.database ? readString(map, 'db', where) : null;
  return {
    bookmarks: readStringList(map, 'bookmarks', where) ?? [],
    txTimeout: timeout === null ? null : toSafeNumber(timeout),
    txMetadata: readMap(map, 'tx_metadata', where),
    mode,
    db: db === '' ? null : db,
    impUser: features.impersonation ? readString(map, 'imp_user', where) : null,
    notifications: features.notificationConfig
      ? decodeNotificationConfig(map, where)
      : INHERITED_NOTIFICATIONS,
  };
}
