/**
 * A uniform view of the five instant types as optional local parts: a date (epoch day), a time of day
 * (nanosecond of the day) and a zone, so constructors, truncation and `duration.between` can mix them.
 * Also the inverse: building each type back from parts.
 */
import {
  CypherDate,
  DateTime,
  LocalDateTime,
  LocalTime,
  NANOS_PER_SECOND,
  SECONDS_PER_DAY,
  Time,
  type ZoneSpec,
} from '../../../values/index.js';
import { offsetAt } from './zone.js';

/** Any temporal instant type (every temporal value but DURATION). */
export type TemporalInstant = CypherDate | LocalTime | Time | LocalDateTime | DateTime;

export interface TemporalParts {
  /** Local date, absent for LocalTime and Time. */
  readonly epochDay: number | undefined;
  /** Local time of day in nanoseconds, absent for Date. */
  readonly nanoOfDay: number | undefined;
  /** The zone: an IANA id (DateTime with a zone id) or a fixed offset; absent for local types. */
  readonly zone: ZoneSpec | undefined;
}

const SECONDS_PER_DAY_BIG = BigInt(SECONDS_PER_DAY);

/** Splits local epoch seconds + nanoseconds into an epoch day and a nanosecond of the day. */
export function splitLocal(
  localEpochSeconds: bigint,
  nanosecond: number,
): { epochDay: number; nanoOfDay: number } {
  let day = localEpochSeconds / SECONDS_PER_DAY_BIG;
  let secondOfDay = localEpochSeconds - day * SECONDS_PER_DAY_BIG;
  if (secondOfDay < 0n) {
    day -= 1n;
    secondOfDay += SECONDS_PER_DAY_BIG;
  }
  return { epochDay: Number(day), nanoOfDay: Number(secondOfDay) * NANOS_PER_SECOND + nanosecond };
}

/** Local epoch seconds of a date and time of day (the nanosecond within the second is returned apart). */
export function joinLocal(epochDay: number, nanoOfDay: number): { seconds: bigint; nanosecond: number } {
  const secondOfDay = Math.floor(nanoOfDay / NANOS_PER_SECOND);
  return {
    seconds: BigInt(epochDay) * SECONDS_PER_DAY_BIG + BigInt(secondOfDay),
    nanosecond: nanoOfDay - secondOfDay * NANOS_PER_SECOND,
  };
}

/** The parts of an instant value. */
export function partsOf(value: TemporalInstant): TemporalParts {
  if (value instanceof CypherDate) return { epochDay: value.epochDay, nanoOfDay: undefined, zone: undefined };
  if (value instanceof LocalTime)
    return { epochDay: undefined, nanoOfDay: value.nanosecondOfDay, zone: undefined };
  if (value instanceof Time) {
    return { epochDay: undefined, nanoOfDay: value.nanosecondOfDay, zone: value.offsetSeconds };
  }
  if (value instanceof LocalDateTime) {
    return { ...splitLocal(value.epochSeconds, value.nanoseconds), zone: undefined };
  }
  return {
    ...splitLocal(value.localEpochSeconds, value.nanoseconds),
    zone: value.zoneId ?? value.offsetSeconds,
  };
}

/** The offset a DateTime or Time has, or undefined for other values. */
export function offsetOf(value: TemporalInstant): number | undefined {
  return value instanceof DateTime || value instanceof Time ? value.offsetSeconds : undefined;
}

export function makeLocalDateTime(epochDay: number, nanoOfDay: number): LocalDateTime {
  const { seconds, nanosecond } = joinLocal(epochDay, nanoOfDay);
  return new LocalDateTime(seconds, nanosecond);
}

/** The date-time whose wall clock in `zone` shows this date and time (java.time's `ofLocal` rules). */
export function makeDateTime(epochDay: number, nanoOfDay: number, zone: ZoneSpec): DateTime {
  const { seconds, nanosecond } = joinLocal(epochDay, nanoOfDay);
  return DateTime.fromLocal(seconds, nanosecond, zone);
}

/**
 * A zoned time; a zone id is reduced to its offset at `referenceEpochSeconds` (a time of day alone cannot
 * say which rule of the zone applies).
 */
export function makeTime(nanoOfDay: number, zone: ZoneSpec, referenceEpochSeconds: bigint): Time {
  return new Time(nanoOfDay, offsetAt(zone, referenceEpochSeconds));
}

/** The same instant seen in another zone. */
export function withZoneSameInstant(value: DateTime, zone: ZoneSpec): DateTime {
  return new DateTime(value.epochSeconds, value.nanoseconds, zone);
}
