import { PackStreamError } from '../../errors/index.js';
import { Structure } from '../../packstream/index.js';
import { DateTime } from '../../values/index.js';
import { StructFields } from './fields.js';
import { DATE_TIME, DATE_TIME_ZONE_ID, LEGACY_DATE_TIME, LEGACY_DATE_TIME_ZONE_ID } from './struct-tags.js';

/**
 * DateTime in its four wire forms (bolt-spec-digest §5.2). The UTC forms `49`/`69` carry the instant's UTC
 * epoch seconds; the legacy forms `46`/`66` carry local wall-clock seconds (UTC seconds + offset), which
 * is ambiguous for zone ids during a DST fold. Which form is SENT depends on the connection; every form is
 * ACCEPTED on any version with temporal types, read according to its tag, because the tags are distinct.
 *
 *   `49` [utc_seconds, nanoseconds, tz_offset_seconds]    `69` [utc_seconds, nanoseconds, tz_id]
 *   `46` [local_seconds, nanoseconds, tz_offset_seconds]  `66` [local_seconds, nanoseconds, tz_id]
 */

export function dehydrateDateTime(dateTime: DateTime, sendsUtc: boolean): Structure {
  const { nanoseconds, zoneId } = dateTime;
  const seconds = sendsUtc ? dateTime.epochSeconds : dateTime.localEpochSeconds;
  const nanos = BigInt(nanoseconds);
  if (zoneId === null) {
    return new Structure(sendsUtc ? DATE_TIME : LEGACY_DATE_TIME, [
      seconds,
      nanos,
      BigInt(dateTime.offsetSeconds),
    ]);
  }
  return new Structure(sendsUtc ? DATE_TIME_ZONE_ID : LEGACY_DATE_TIME_ZONE_ID, [seconds, nanos, zoneId]);
}

/** Reads any of the four forms; `tag` must be one of them. */
export function hydrateDateTime(tag: number, fields: readonly unknown[]): DateTime {
  switch (tag) {
    case DATE_TIME: {
      const read = new StructFields('DateTime', fields, 3);
      return new DateTime(read.integer(0), read.integer(1), offsetField(read));
    }
    case DATE_TIME_ZONE_ID: {
      const read = new StructFields('DateTimeZoneId', fields, 3);
      return new DateTime(read.integer(0), read.integer(1), read.string(2));
    }
    case LEGACY_DATE_TIME: {
      const read = new StructFields('LegacyDateTime', fields, 3);
      return DateTime.fromLocal(read.integer(0), read.integer(1), offsetField(read));
    }
    case LEGACY_DATE_TIME_ZONE_ID: {
      const read = new StructFields('LegacyDateTimeZoneId', fields, 3);
      return DateTime.fromLocal(read.integer(0), read.integer(1), read.string(2));
    }
    default:
      throw new PackStreamError('INVALID_STRUCTURE', `0x${tag.toString(16)} is not a DateTime tag`);
  }
}

/**
 * The offset as a number. An offset beyond the safe-integer range is far outside ±18:00 anyway; clamping it
 * keeps the value class's range check (and its message) in charge.
 */
function offsetField(read: StructFields): number {
  const offset = read.integer(2);
  return Number(offset > 1n << 40n ? 1n << 40n : offset < -(1n << 40n) ? -(1n << 40n) : offset);
}
