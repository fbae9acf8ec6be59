import type { Packer } from '../../packstream/index.js';
import type { Notification, QueryType, ResultSummary } from '../backend.js';
import { InternalError } from '../../errors/index.js';
import { writeBookmarkSuccess, writeSuccessHeader } from '../messages/success.js';
import { DB_KEY, encodedPart } from './encoded-parts.js';
import type { BoltVersionDescriptor } from '../versions/index.js';
import {
  encodedOutcomeStatus,
  filterNotifications,
  orderedStatuses,
  outcomeStatus,
  toLegacyNotification,
} from './notifications.js';
import { toPlanMetadata, toProfileMetadata, toStatsMetadata } from './plan-metadata.js';
import type { QueryStatement } from './statement.js';

/** Writes `SUCCESS {has_more: true}`: the stream stays open (4.0+). */
export function writeHasMoreSuccess(packer: Packer): void {
  writeSuccessHeader(packer, 1);
  packer.packString('has_more');
  packer.packBoolean(true);
}

/** Writes the SUCCESS of a Bolt 1/2 pseudo statement's PULL_ALL/DISCARD_ALL: `{}` or `{bookmark}`. */
export function writePseudoSuccess(packer: Packer, bookmark: string | null): void {
  writeBookmarkSuccess(packer, bookmark);
}

/** What the final SUCCESS of a consumed result reports. */
export interface SummarySuccess {
  readonly descriptor: BoltVersionDescriptor;
  readonly statement: QueryStatement;
  readonly summary: ResultSummary;
  /** The auto-commit transaction's bookmark, else `null`. */
  readonly bookmark: string | null;
}

/**
 * Writes the final SUCCESS of a consumed result (bolt-spec-digest §6.9): `bookmark` (auto-commit),
 * `type`, `t_last`/`result_consumed_after`, `db` (4.0+), `stats` (if anything changed), `plan`/`profile`,
 * and `notifications` (≤ 5.4, when there are any) or `statuses` (5.6+, always with the outcome status).
 * The common keys are written directly; the rare nested ones go through `packValue`.
 */
export function writeSummarySuccess(packer: Packer, success: SummarySuccess): void {
  const { descriptor, statement, summary, bookmark } = success;
  const stats = toStatsMetadata(summary.counters);
  const notifications = filterNotifications(summary.notifications ?? NONE, statement.notifications);
  const legacyNotifications = descriptor.notifications === 'notifications' && notifications.length > 0;
  const statuses = descriptor.notifications === 'statuses';
  const entries =
    2 +
    (bookmark === null ? 0 : 1) +
    (descriptor.dbInSummary ? 1 : 0) +
    (stats === undefined ? 0 : 1) +
    (summary.plan === undefined ? 0 : 1) +
    (summary.profile === undefined ? 0 : 1) +
    (legacyNotifications || statuses ? 1 : 0);
  // Headers and keys are copied as encoded runs (see encoded-parts.ts); only the values are packed.
  packer.writeRaw(headerOf(entries, bookmark !== null));
  if (bookmark !== null) packer.packString(bookmark);
  packer.writeRaw(typeAndTimingOf(summary.queryType, descriptor.timing.last));
  packer.packInteger(Math.round(statement.streamingMs));
  if (descriptor.dbInSummary) {
    packer.writeRaw(DB_KEY);
    packer.packString(statement.transaction.database);
  }
  if (stats !== undefined) {
    packer.packString('stats');
    packer.packValue(stats);
  }
  if (summary.plan !== undefined) {
    packer.packString('plan');
    packer.packValue(toPlanMetadata(summary.plan));
  }
  if (summary.profile !== undefined) {
    packer.packString('profile');
    packer.packValue(toProfileMetadata(summary.profile));
  }
  if (legacyNotifications) {
    packer.packString('notifications');
    packer.packValue(notifications.map(toLegacyNotification));
  } else if (statuses) {
    packer.packString('statuses');
    const fieldCount = statement.result.fields.length;
    if (notifications.length === 0) {
      // The common case: the outcome alone, whose bytes are a constant.
      packer.writeRaw(LIST_OF_ONE);
      packer.writeRaw(encodedOutcomeStatus(fieldCount, summary.recordCount));
    } else {
      const outcome = outcomeStatus(fieldCount, summary.recordCount);
      packer.packValue(orderedStatuses(outcome, notifications));
    }
  }
}

const NONE: readonly Notification[] = [];

const LIST_OF_ONE = encodedPart((packer) => {
  packer.writeListHeader(1);
});

/**
 * SUCCESS and map headers, then the `bookmark` key when there is one, by entry count (encoded on use; a
 * summary has at most 8 entries). Filled with `undefined` up front: a sparse array is read the slow way.
 */
const HEADERS: (Uint8Array | undefined)[] = new Array<Uint8Array | undefined>(32).fill(undefined);

function headerOf(entries: number, withBookmark: boolean): Uint8Array {
  const index = entries * 2 + (withBookmark ? 1 : 0);
  return (HEADERS[index] ??= encodedPart((packer) => {
    writeSuccessHeader(packer, entries);
    if (withBookmark) packer.packString('bookmark');
  }));
}

/** `type`, a query type and the timing key, for each query type (in {@link typeIndex} order). */
function typeAndTimingParts(timingKey: string): readonly Uint8Array[] {
  return (['r', 'w', 'rw', 's'] as const).map((type) =>
    encodedPart((packer) => {
      packer.packString('type');
      packer.packString(type);
      packer.packString(timingKey);
    }),
  );
}

const TYPE_AND_T_LAST = typeAndTimingParts('t_last');
const TYPE_AND_CONSUMED_AFTER = typeAndTimingParts('result_consumed_after');

function typeIndex(queryType: QueryType): number {
  switch (queryType) {
    case 'r':
      return 0;
    case 'w':
      return 1;
    case 'rw':
      return 2;
    case 's':
      return 3;
  }
}

function typeAndTimingOf(queryType: QueryType, timingKey: 'result_consumed_after' | 't_last'): Uint8Array {
  const parts = timingKey === 't_last' ? TYPE_AND_T_LAST : TYPE_AND_CONSUMED_AFTER;
  const part = parts[typeIndex(queryType)];
  if (part === undefined) throw new InternalError(`No encoded query type ${queryType}`);
  return part;
}
