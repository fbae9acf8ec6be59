/**
 * Adding a duration to an instant, in java.time's order (which Neo4j follows): months first, clamping the
 * day to the end of a shorter month (2001-01-31 + P1M = 2001-02-28), then days, then the time part. A
 * DATE takes only whole days of the time part (truncated toward zero), times of day wrap around midnight,
 * and a zoned DATETIME adds months and days to its wall clock (re-resolving the offset in its zone) but
 * seconds to its instant.
 */
import {
  civilFromEpochDay,
  CypherDate,
  DateTime,
  Duration,
  epochDayFromCivil,
  LocalDateTime,
  LocalTime,
  NANOS_PER_DAY,
  Time,
} from '../../../values/index.js';
import { lengthOfMonth, MAX_YEAR, MIN_YEAR } from './calendar-fields.js';
import { invalidTemporalArgument } from './errors.js';
import { joinLocal, makeDateTime, partsOf, splitLocal, type TemporalInstant } from './parts.js';

const NANOS_PER_DAY_BIG = BigInt(NANOS_PER_DAY);
const NANOS_PER_SECOND_BIG = 1_000_000_000n;

/** An epoch day moved by whole months, the day clamped to the length of the target month. */
export function plusMonths(epochDay: number, months: bigint): number {
  if (months === 0n) return epochDay;
  const { year, month, day } = civilFromEpochDay(epochDay);
  const monthIndex = BigInt(year) * 12n + BigInt(month - 1) + months;
  const newYear = Number(monthIndex / 12n - (monthIndex % 12n < 0n ? 1n : 0n));
  const newMonth = Number(((monthIndex % 12n) + 12n) % 12n) + 1;
  if (newYear < MIN_YEAR || newYear > MAX_YEAR) {
    throw invalidTemporalArgument(
      `Invalid value for Year (valid values ${MIN_YEAR} - ${MAX_YEAR}): ${newYear}`,
    );
  }
  return epochDayFromCivil(newYear, newMonth, Math.min(day, lengthOfMonth(newYear, newMonth)));
}

function plusDays(epochDay: number, days: bigint): number {
  return Number(BigInt(epochDay) + days);
}

/** The time part of a duration as one signed nanosecond count. */
function durationTimeNanos(duration: Duration): bigint {
  return duration.seconds * NANOS_PER_SECOND_BIG + BigInt(duration.nanoseconds);
}

function floorModDay(nanos: bigint): number {
  return Number(((nanos % NANOS_PER_DAY_BIG) + NANOS_PER_DAY_BIG) % NANOS_PER_DAY_BIG);
}

/** Local nanoseconds since the epoch, moved by a nanosecond count, back as date and time of day. */
function plusNanosLocal(
  epochDay: number,
  nanoOfDay: number,
  nanos: bigint,
): { epochDay: number; nanoOfDay: number } {
  const total = BigInt(epochDay) * NANOS_PER_DAY_BIG + BigInt(nanoOfDay) + nanos;
  const seconds = total / NANOS_PER_SECOND_BIG - (total % NANOS_PER_SECOND_BIG < 0n ? 1n : 0n);
  return splitLocal(seconds, Number(total - seconds * NANOS_PER_SECOND_BIG));
}

/**
 * `instant + duration`.
 * @throws CypherArgumentError when the result leaves the supported range.
 */
export function plusDuration(instant: TemporalInstant, duration: Duration): TemporalInstant {
  const timeNanos = durationTimeNanos(duration);
  if (instant instanceof LocalTime)
    return new LocalTime(floorModDay(BigInt(instant.nanosecondOfDay) + timeNanos));
  if (instant instanceof Time) {
    return new Time(floorModDay(BigInt(instant.nanosecondOfDay) + timeNanos), instant.offsetSeconds);
  }
  const parts = partsOf(instant);
  const epochDay = plusDays(plusMonths(parts.epochDay ?? 0, duration.months), duration.days);
  if (instant instanceof CypherDate) return new CypherDate(plusDays(epochDay, timeNanos / NANOS_PER_DAY_BIG));
  const nanoOfDay = parts.nanoOfDay ?? 0;
  if (instant instanceof LocalDateTime) {
    const moved = plusNanosLocal(epochDay, nanoOfDay, timeNanos);
    const { seconds, nanosecond } = joinLocal(moved.epochDay, moved.nanoOfDay);
    return new LocalDateTime(seconds, nanosecond);
  }
  const zone = instant.zoneId ?? instant.offsetSeconds;
  const shifted = makeDateTime(epochDay, nanoOfDay, zone);
  const instantNanos = shifted.epochSeconds * NANOS_PER_SECOND_BIG + BigInt(shifted.nanoseconds) + timeNanos;
  const seconds = instantNanos / NANOS_PER_SECOND_BIG - (instantNanos % NANOS_PER_SECOND_BIG < 0n ? 1n : 0n);
  return new DateTime(seconds, Number(instantNanos - seconds * NANOS_PER_SECOND_BIG), zone);
}

/** The duration with every component negated. */
export function negateDuration(duration: Duration): Duration {
  return new Duration(-duration.months, -duration.days, -duration.seconds, -BigInt(duration.nanoseconds));
}
