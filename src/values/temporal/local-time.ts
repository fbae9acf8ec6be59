import { requireIntegerInRange } from '../int64.js';
import { NANOS_PER_DAY, NANOS_PER_SECOND } from './calendar.js';
import { formatNanosecondOfDay } from './temporal-format.js';

/**
 * Composes a nanosecond of the day from clock fields.
 * @throws CypherArgumentError when a field is out of range.
 */
export function nanosecondOfDayFromFields(
  hour: number,
  minute: number,
  second: number,
  nanosecond: number,
): number {
  requireIntegerInRange(hour, 0, 23, 'hour');
  requireIntegerInRange(minute, 0, 59, 'minute');
  requireIntegerInRange(second, 0, 59, 'second');
  requireIntegerInRange(nanosecond, 0, NANOS_PER_SECOND - 1, 'nanosecond');
  return ((hour * 60 + minute) * 60 + second) * NANOS_PER_SECOND + nanosecond;
}

/**
 * Cypher LOCAL TIME: a time of day without zone, stored as the nanosecond of the day (Bolt `LocalTime`).
 * The domain 0..86,399,999,999,999 fits a number exactly.
 */
export class LocalTime {
  /** Makes the class nominal, so a look-alike (e.g. a `Time` where a `LocalTime` is expected) fails to type-check. */
  declare private readonly brand: 'LocalTime';
  /** Nanoseconds since midnight, 0 ≤ value < 86,400,000,000,000. */
  readonly nanosecondOfDay: number;

  /** @throws CypherArgumentError when the value is not a nanosecond within one day. */
  constructor(nanosecondOfDay: number | bigint) {
    this.nanosecondOfDay = requireIntegerInRange(nanosecondOfDay, 0, NANOS_PER_DAY - 1, 'nanosecond of day');
  }

  /** @throws CypherArgumentError when a field is out of range. */
  static fromFields(hour: number, minute: number, second = 0, nanosecond = 0): LocalTime {
    return new LocalTime(nanosecondOfDayFromFields(hour, minute, second, nanosecond));
  }

  /** ISO-8601 as Neo4j's `toString()` prints it: `21:40:00`, `21:40:32.142`, `12:00:00.000000001`. */
  toString(): string {
    return formatNanosecondOfDay(this.nanosecondOfDay, 'iso');
  }

  /** The compact java.time form used by the openCypher TCK: `21:40`, `21:40:32.142`. */
  toCompactString(): string {
    return formatNanosecondOfDay(this.nanosecondOfDay, 'compact');
  }
}
