import { ProtocolError } from '../../errors/index.js';
import type { CypherMap } from '../../values/index.js';
import { readString, readStringList } from './fields.js';
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
  const severity = readString(map, 'notifications_minimum_severity', where);
  if (severity !== null && !SEVERITIES.includes(severity)) {
    throw new ProtocolError(
      `Expected "notifications_minimum_severity" in ${where} to be one of OFF, WARNING, INFORMATION, got "${severity}"`,
    );
  }
  const classifications = readStringList(map, 'notifications_disabled_classifications', where);
  const categories = readStringList(map, 'notifications_disabled_categories', where);
  const disabled = classifications ?? categories;
  if (severity === null && disabled === null) return INHERITED_NOTIFICATIONS;
  return { minimumSeverity: severity as MinimumSeverity | null, disabledClassifications: disabled };
}
