/**
 * Proleptic Gregorian calendar arithmetic on epoch days (days since 1970-01-01), the ISO-8601 calendar that
 * java.time, Neo4j and Bolt use. Every result stays far below 2^53, so plain numbers are exact.
 */

export const SECONDS_PER_DAY = 86_400;
export const NANOS_PER_SECOND = 1_000_000_000;
export const NANOS_PER_DAY = 86_400_000_000_000;

/** Epoch day of -999999999-01-01, java.time's `LocalDate.MIN` and so the smallest date Neo4j accepts. */
export const MIN_EPOCH_DAY = -365_243_219_162;
/** Epoch day of +999999999-12-31, java.time's `LocalDate.MAX`. */
export const MAX_EPOCH_DAY = 365_241_780_471;

/** Offsets are limited to ±18:00, as java.time's `ZoneOffset` (and so Neo4j) requires. */
export const MAX_OFFSET_SECONDS = 18 * 3600;

/** A calendar date split into its fields; `month` is 1..12 and `day` 1..31. */
export interface CivilDate {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

/** 400 Gregorian years: the calendar (and the weekday cycle) repeats exactly after this many days. */
const DAYS_PER_ERA = 146_097;
/** Days from 0000-03-01 to 1970-01-01; the algorithm counts years from March so leap days come last. */
const DAYS_TO_EPOCH_FROM_MARCH_ZERO = 719_468;

/** Converts an epoch day to year, month and day (H. Hinnant's `civil_from_days`, on the proleptic calendar). */
export function civilFromEpochDay(epochDay: number): CivilDate {
  const shifted = epochDay + DAYS_TO_EPOCH_FROM_MARCH_ZERO;
  const era = Math.floor(shifted / DAYS_PER_ERA);
  const dayOfEra = shifted - era * DAYS_PER_ERA;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36524) - Math.floor(dayOfEra / 146096)) /
      365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const monthFromMarch = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * monthFromMarch + 2) / 5) + 1;
  const month = monthFromMarch < 10 ? monthFromMarch + 3 : monthFromMarch - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  return { year, month, day };
}

/** Converts year, month (1..12) and day to an epoch day (H. Hinnant's `days_from_civil`). */
export function epochDayFromCivil(year: number, month: number, day: number): number {
  const marchYear = month <= 2 ? year - 1 : year;
  const era = Math.floor(marchYear / 400);
  const yearOfEra = marchYear - era * 400;
  const dayOfYear = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * DAYS_PER_ERA + dayOfEra - DAYS_TO_EPOCH_FROM_MARCH_ZERO;
}

/** Floor division for bigints (BigInt `/` truncates toward zero). */
export function floorDivBig(dividend: bigint, divisor: bigint): bigint {
  const quotient = dividend / divisor;
  return dividend % divisor !== 0n && dividend < 0n !== divisor < 0n ? quotient - 1n : quotient;
}

/** Splits epoch seconds into an epoch day and a second of that day (0..86399). */
export function splitEpochSeconds(epochSeconds: bigint): { epochDay: number; secondOfDay: number } {
  const epochDay = floorDivBig(epochSeconds, BigInt(SECONDS_PER_DAY));
  return {
    epochDay: Number(epochDay),
    secondOfDay: Number(epochSeconds - epochDay * BigInt(SECONDS_PER_DAY)),
  };
}

/** The smallest local epoch second java.time's `LocalDateTime` can hold (-999999999-01-01T00:00:00). */
export const MIN_LOCAL_EPOCH_SECONDS = BigInt(MIN_EPOCH_DAY) * BigInt(SECONDS_PER_DAY);
/** The largest local epoch second java.time's `LocalDateTime` can hold (+999999999-12-31T23:59:59). */
export const MAX_LOCAL_EPOCH_SECONDS =
  BigInt(MAX_EPOCH_DAY) * BigInt(SECONDS_PER_DAY) + BigInt(SECONDS_PER_DAY - 1);
