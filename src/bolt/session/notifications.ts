import { GqlStatus, renderGqlDescription } from '../../errors/index.js';
import type { Notification, NotificationFilter } from '../backend.js';
import { INHERITED_NOTIFICATIONS } from '../messages/notification-config.js';
import type { NotificationConfig } from '../messages/request.js';
import { encode } from '../../packstream/index.js';

/**
 * Notification filtering (Bolt 5.2+, bolt-spec-digest §6.15, §9.13) and the two wire shapes: legacy
 * `notifications` maps (≤ 5.4) and GQL status objects (5.6+), which always start with the outcome status.
 */

/** No filter: what a request gets when neither it nor HELLO set one (the usual case, shared). */
const NO_FILTER: NotificationFilter = Object.freeze({
  minimumSeverity: null,
  disabledClassifications: Object.freeze([]),
});

/** RUN/BEGIN settings override HELLO's; `null` inherits. */
export function effectiveNotificationFilter(
  connection: NotificationConfig,
  request: NotificationConfig,
): NotificationFilter {
  if (request === INHERITED_NOTIFICATIONS && connection === INHERITED_NOTIFICATIONS) return NO_FILTER;
  return {
    minimumSeverity: request.minimumSeverity ?? connection.minimumSeverity,
    disabledClassifications: request.disabledClassifications ?? connection.disabledClassifications ?? [],
  };
}

/** The notifications the filter lets through. */
export function filterNotifications(
  notifications: readonly Notification[],
  filter: NotificationFilter,
): readonly Notification[] {
  if (filter.minimumSeverity === 'OFF') return [];
  const dropInformation = filter.minimumSeverity === 'WARNING';
  const disabled = filter.disabledClassifications;
  if (!dropInformation && disabled.length === 0) return notifications;
  return notifications.filter(
    (notification) =>
      !(dropInformation && notification.definition.severity === 'INFORMATION') &&
      !disabled.includes(notification.definition.category),
  );
}

function positionMetadata(notification: Notification): Record<string, unknown> {
  const position = notification.position;
  if (position === undefined) return {};
  return {
    position: {
      offset: BigInt(position.offset),
      line: BigInt(position.line),
      column: BigInt(position.column),
    },
  };
}

/** A notification as a legacy `notifications` entry (Bolt 3 … 5.4). */
export function toLegacyNotification(notification: Notification): Record<string, unknown> {
  const definition = notification.definition;
  return {
    code: definition.code,
    title: definition.title,
    description: notification.description,
    severity: definition.severity,
    category: definition.category,
    ...positionMetadata(notification),
  };
}

const DIAGNOSTIC_DEFAULTS = { OPERATION: '', OPERATION_CODE: '0', CURRENT_SCHEMA: '/' } as const;

/** A notification as a GQL status object (Bolt 5.6+), its description rendered from the parameters. */
export function toStatusObject(notification: Notification): Record<string, unknown> {
  const definition = notification.definition;
  const position = notification.position;
  const parameters = notification.parameters;
  return {
    gql_status: definition.gql.code,
    status_description: renderGqlDescription(definition.gql, parameters),
    neo4j_code: definition.code,
    title: definition.title,
    description: notification.description,
    diagnostic_record: {
      ...DIAGNOSTIC_DEFAULTS,
      _severity: definition.severity,
      _classification: definition.category,
      ...(position === undefined
        ? {}
        : {
            _position: {
              offset: BigInt(position.offset),
              line: BigInt(position.line),
              column: BigInt(position.column),
            },
          }),
      ...(parameters === undefined ? {} : { _status_parameters: parameters }),
    },
  };
}

/**
 * The outcome status that opens `statuses`: `00001` when the query has no result columns, `00000` when it
 * produced records, `02000` ("no data") otherwise.
 */
export function outcomeStatus(fieldCount: number, recordCount: number): Record<string, unknown> {
  const gql =
    fieldCount === 0 ? GqlStatus['00001'] : recordCount > 0 ? GqlStatus['00000'] : GqlStatus['02000'];
  return {
    gql_status: gql.code,
    status_description: gql.description,
    diagnostic_record: { ...DIAGNOSTIC_DEFAULTS },
  };
}

/** The three outcome statuses (no fields, records, no records), PackStream-encoded on first use. */
const ENCODED_OUTCOMES: (Uint8Array | undefined)[] = [undefined, undefined, undefined];

/**
 * {@link outcomeStatus} as PackStream bytes (a map), encoded on first use: the same bytes `packValue` writes
 * for it, without building and packing the nested maps for every query.
 */
export function encodedOutcomeStatus(fieldCount: number, recordCount: number): Uint8Array {
  const index = fieldCount === 0 ? 0 : recordCount > 0 ? 1 : 2;
  return (ENCODED_OUTCOMES[index] ??= encode(outcomeStatus(fieldCount, recordCount)));
}

/** Presentation rank of a GQLSTATUS class: no data, then warnings, then success, then information. */
const CLASS_RANK: Readonly<Record<string, number>> = { '02': 0, '01': 1, '00': 2, '03': 3 };

/**
 * The `statuses` list of a summary (5.6+): the outcome and every notification, in the order the drivers
 * document for `gqlStatusObjects` (02 no data, 01 warnings, 00 success, 03 information; stable within a
 * class). Drivers present the list as sent, so the server orders it.
 */
export function orderedStatuses(
  outcome: Record<string, unknown>,
  notifications: readonly Notification[],
): Record<string, unknown>[] {
  const rank = (status: Record<string, unknown>): number =>
    CLASS_RANK[String(status['gql_status']).slice(0, 2)] ?? 4;
  return [outcome, ...notifications.map(toStatusObject)]
    .map((status, index) => ({ status, index }))
    .sort((a, b) => rank(a.status) - rank(b.status) || a.index - b.index)
    .map(({ status }) => status);
}
