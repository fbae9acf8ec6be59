import { ProtocolError } from '../../errors/index.js';
import type { CypherMap } from '../../values/index.js';
import { asString, asStringList } from './fields.js';
import type { MinimumSeverity, NotificationConfig } from './request.js';

/** No notification settings: everything inherits. */
export const INHERITED_NOTIFICATIONS: NotificationConfig = Object.freeze({
  minimumSeverity: null,
  disabledClassifications: null,
});

const SEVERITIES: readonly string[] = ['OFF', 'WARNING', 'INFORMATION'];

/**
 * Reads the notification filter keys of HELLO, BEGIN or RUN (Bolt 5.2+). Drivers renamed
 * `notifications_disabled_categories` to `notifications_disabled_classifications` at 5.5/5.6
 * (bolt-spec-digest §6.2); both are accepted, the newer one winning when both are present.
 * @throws ProtocolError (Request.Invalid) for a wrong type or an unknown severity
 */
export function decodeNotificationConfig(map: CypherMap, where: string): NotificationConfig {
  return notificationConfig(map[SEVERITY_KEY], map[CLASSIFICATIONS_KEY], map[CATEGORIES_KEY], where, (key) =>
    Object.hasOwn(map, key),
  );
}

const everyKey = (): boolean => true;

export const SEVERITY_KEY = 'notifications_minimum_severity';
export const CLASSIFICATIONS_KEY = 'notifications_disabled_classifications';
export const CATEGORIES_KEY = 'notifications_disabled_categories';

/**
 * The notification filter from the values of its three keys (`undefined` when absent). `isOwn` tells
 * whether a key is the map's own (inherited names such as `constructor` are not keys); a caller that
 * walked the map's own keys passes nothing.
 */
export function notificationConfig(
  severityValue: unknown,
  classificationsValue: unknown,
  categoriesValue: unknown,
  where: string,
  isOwn: (key: string) => boolean = everyKey,
): NotificationConfig {
  const severity = isOwn(SEVERITY_KEY) ? asString(severityValue, SEVERITY_KEY, where) : null;
  if (severity !== null && !SEVERITIES.includes(severity)) {
    throw new ProtocolError(
      `Expected "notifications_minimum_severity" in ${where} to be one of OFF, WARNING, INFORMATION, got "${severity}"`,
    );
  }
  const classifications = isOwn(CLASSIFICATIONS_KEY)
    ? asStringList(classificationsValue, CLASSIFICATIONS_KEY, where)
    : null;
  const categories = isOwn(CATEGORIES_KEY) ? asStringList(categoriesValue, CATEGORIES_KEY, where) : null;
  const disabled = classifications ?? categories;
  if (severity === null && disabled === null) return INHERITED_NOTIFICATIONS;
  return { minimumSeverity: severity as MinimumSeverity | null, disabledClassifications: disabled };
}
