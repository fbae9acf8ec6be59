import { Structure } from '../../packstream/index.js';
import { CypherDate, Duration, LocalDateTime, LocalTime, Time } from '../../values/index.js';
import { StructFields } from './fields.js';
import { DATE, DURATION, LOCAL_DATE_TIME, LOCAL_TIME, TIME } from './struct-tags.js';

/**
 * The temporal structures other than DateTime (bolt-spec-digest §5.2), Bolt 2+, both directions. Every
 * field is an INTEGER on the wire. Values out of a type's range are refused by the value classes with
 * `CypherArgumentError` (the message framing is intact, so this is a request error, not a broken stream).
 */

/** Date `44` = `[days]`: days since 1970-01-01. */
export function dehydrateDate(date: CypherDate): Structure {
  return new Structure(DATE, [BigInt(date.epochDay)]);
}

export function hydrateDate(fields: readonly unknown[]): CypherDate {
  return new CypherDate(new StructFields('Date', fields, 1).integer(0));
}

/** Time `54` = `[nanoseconds, tz_offset_seconds]`: local nanoseconds since midnight and the UTC offset. */
export function dehydrateTime(time: Time): Structure {
  return new Structure(TIME, [BigInt(time.nanosecondOfDay), BigInt(time.offsetSeconds)]);
}

export function hydrateTime(fields: readonly unknown[]): Time {
  const read = new StructFields('Time', fields, 2);
  return new Time(read.integer(0), read.integer(1));
}

/** LocalTime `74` = `[nanoseconds]` since midnight. */
export function dehydrateLocalTime(time: LocalTime): Structure {
  return new Structure(LOCAL_TIME, [BigInt(time.nanosecondOfDay)]);
}

export function hydrateLocalTime(fields: readonly unknown[]): LocalTime {
  return new LocalTime(new StructFields('LocalTime', fields, 1).integer(0));
}

/** LocalDateTime `64` = `[seconds, nanoseconds]`: wall-clock seconds since the epoch as if it were UTC. */
export function dehydrateLocalDateTime(dateTime: LocalDateTime): Structure {
  return new Structure(LOCAL_DATE_TIME, [dateTime.epochSeconds, BigInt(dateTime.nanoseconds)]);
}

export function hydrateLocalDateTime(fields: readonly unknown[]): LocalDateTime {
  const read = new StructFields('LocalDateTime', fields, 2);
  return new LocalDateTime(read.integer(0), read.integer(1));
}

/** Duration `45` = `[months, days, seconds, nanoseconds]`, each independent. */
export function dehydrateDuration(duration: Duration): Structure {
  const { months, days, seconds, nanoseconds } = duration;
  return new Structure(DURATION, [months, days, seconds, BigInt(nanoseconds)]);
}

export function hydrateDuration(fields: readonly unknown[]): Duration {
  const read = new StructFields('Duration', fields, 4);
  return new Duration(read.integer(0), read.integer(1), read.integer(2), read.integer(3));
}
