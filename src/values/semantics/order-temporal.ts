/**
 * Total orders within each temporal type, as Neo4j sorts them. Each order ties exactly when the two values
 * are equal, so these serve `=` and equivalence as well as `<` and ORDER BY.
 */
import type { CypherDate } from '../temporal/date.js';
import type { DateTime } from '../temporal/date-time.js';
import type { Duration } from '../temporal/duration.js';
import type { LocalDateTime } from '../temporal/local-date-time.js';
import type { LocalTime } from '../temporal/local-time.js';
import type { Time } from '../temporal/time.js';
import { canonicalZoneId } from '../temporal/time-zones.js';
import { compareBigInts } from './compare-numbers.js';
import { compareStrings } from './compare-strings.js';

function compareSafe(a: number, b: number): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function orderDates(a: CypherDate, b: CypherDate): number {
  return compareSafe(a.epochDay, b.epochDay);
}

export function orderLocalTimes(a: LocalTime, b: LocalTime): number {
  return compareSafe(a.nanosecondOfDay, b.nanosecondOfDay);
}

/**
 * Zoned times: by the instant on the UTC clock, then by offset, so `10:00+01:00` and `09:00Z` are ordered
 * (west before east) but not equal, as in Neo4j.
 */
export function orderTimes(a: Time, b: Time): number {
  return (
    compareSafe(a.utcNanosecondOfDay, b.utcNanosecondOfDay) || compareSafe(a.offsetSeconds, b.offsetSeconds)
  );
}

export function orderLocalDateTimes(a: LocalDateTime, b: LocalDateTime): number {
  return compareBigInts(a.epochSeconds, b.epochSeconds) || compareSafe(a.nanoseconds, b.nanoseconds);
}

/**
 * Zoned date-times, as Neo4j's `DateTimeValue` orders them: by instant, then offset (west to east), then
 * fixed offsets before named zones, then zone name (after mapping aliases to one canonical id). So the same
 * instant in two zones is ordered but not equal. Unlike Neo4j's `equals`, equality also requires the same
 * instant, which matters only for the repeated hour of a DST overlap.
 */
export function orderDateTimes(a: DateTime, b: DateTime): number {
  const byInstant =
    compareBigInts(a.epochSeconds, b.epochSeconds) || compareSafe(a.nanoseconds, b.nanoseconds);
  if (byInstant !== 0) return byInstant;
  const byOffset = compareSafe(a.offsetSeconds, b.offsetSeconds);
  if (byOffset !== 0) return byOffset;
  if (a.zoneId === null || b.zoneId === null) {
    return a.zoneId === b.zoneId ? 0 : a.zoneId === null ? -1 : 1;
  }
  return compareStrings(canonicalZoneId(a.zoneId), canonicalZoneId(b.zoneId));
}

/**
 * Durations for ORDER BY only (`<` on durations is null): by average length (a month is 2,629,746 s, a day
 * 86,400 s), then nanoseconds, then months, days and seconds, as Neo4j does. Bigints cannot overflow, so
 * unlike Neo4j no duration needs rejecting.
 */
export function orderDurations(a: Duration, b: Duration): number {
  return (
    compareBigInts(a.averageLengthInSeconds, b.averageLengthInSeconds) ||
    compareSafe(a.nanoseconds, b.nanoseconds) ||
    compareBigInts(a.months, b.months) ||
    compareBigInts(a.days, b.days) ||
    compareBigInts(a.seconds, b.seconds)
  );
}
