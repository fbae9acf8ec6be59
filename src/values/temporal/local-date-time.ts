import { CypherArgumentError } from '../../errors/index.js';
import { requireInt64, requireIntegerInRange } from '../int64.js';
import {
  MAX_LOCAL_EPOCH_SECONDS,
  MIN_LOCAL_EPOCH_SECONDS,
  NANOS_PER_SECOND,
  SECONDS_PER_DAY,
  splitEpochSeconds,
} from './calendar.js';
import { CypherDate } from './date.js';
import { nanosecondOfDayFromFields } from './local-time.js';
import { formatEpochDay, formatNanosecondOfDay, type TemporalStyle } from './temporal-format.js';

/**
 * Checks local epoch seconds against java.time's `LocalDateTime` range.
 * @throws CypherArgumentError when out of range.
 */
export function requireLocalEpochSeconds(value: bigint | number, what: string): bigint {
  const seconds = requireInt64(value, what);
  if (seconds < MIN_LOCAL_EPOCH_SECONDS || seconds > MAX_LOCAL_EPOCH_SECONDS) {
    throw new CypherArgumentError(`Invalid ${what} ${seconds}: the date-time is outside years ±999999999`);
  }
  return seconds;
}

/** Renders local epoch seconds and nanoseconds as `YYYY-MM-DDTHH:MM:SS[.f]` in the given style. */
export function formatLocalDateTime(
  localEpochSeconds: bigint,
  nanosecond: number,
  style: TemporalStyle,
): string {
  const { epochDay, secondOfDay } = splitEpochSeconds(localEpochSeconds);
  return `${formatEpochDay(epochDay)}T${formatNanosecondOfDay(secondOfDay * NANOS_PER_SECOND + nanosecond, style)}`;
}

/**
 * Cypher LOCAL DATETIME: a wall-clock date and time without zone (Bolt `LocalDateTime`: seconds since the
 * epoch as if the wall clock were UTC, plus nanoseconds). The seconds are a bigint because java.time's range
 * (years ±999,999,999, which Neo4j enforces) exceeds 2^53 seconds.
 */
export class LocalDateTime {
  /** Makes the class nominal, so a look-alike (e.g. a `Time` where a `LocalTime` is expected) fails to type-check. */
  declare private readonly brand: 'LocalDateTime';
  /** Wall-clock seconds since 1970-01-01T00:00 (as if UTC). */
  readonly epochSeconds: bigint;
  /** Nanoseconds within the second, 0..999,999,999. */
  readonly nanoseconds: number;

  /** @throws CypherArgumentError when a field is out of range. */
  constructor(epochSeconds: bigint | number, nanoseconds: number | bigint = 0) {
    this.epochSeconds = requireLocalEpochSeconds(epochSeconds, 'local epoch seconds');
    this.nanoseconds = requireIntegerInRange(nanoseconds, 0, NANOS_PER_SECOND - 1, 'nanoseconds');
  }

  /** @throws CypherArgumentError when a field is out of range. */
  static fromFields(
    year: number,
    month: number,
    day: number,
    hour: number,
    minute: number,
    second = 0,
    nanosecond = 0,
  ): LocalDateTime {
    const epochDay = CypherDate.fromFields(year, month, day).epochDay;
    const secondOfDay = nanosecondOfDayFromFields(hour, minute, second, 0) / NANOS_PER_SECOND;
    return new LocalDateTime(BigInt(epochDay) * BigInt(SECONDS_PER_DAY) + BigInt(secondOfDay), nanosecond);
  }

  /** ISO-8601 as Neo4j's `toString()` prints it: `2015-07-21T21:40:32.142`, `2015-07-21T21:40:00`. */
  toString(): string {
    return formatLocalDateTime(this.epochSeconds, this.nanoseconds, 'iso');
  }

  /** The compact java.time form used by the openCypher TCK: `2015-07-20T21:40`. */
  toCompactString(): string {
    return formatLocalDateTime(this.epochSeconds, this.nanoseconds, 'compact');
  }
}
