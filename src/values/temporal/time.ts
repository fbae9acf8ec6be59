import { requireIntegerInRange } from '../int64.js';
import { MAX_OFFSET_SECONDS, NANOS_PER_DAY, NANOS_PER_SECOND } from './calendar.js';
import { nanosecondOfDayFromFields } from './local-time.js';
import { formatNanosecondOfDay, formatOffset, type TemporalStyle } from './temporal-format.js';

/**
 * Cypher ZONED TIME: a local time of day with a fixed UTC offset (Bolt `Time`: nanoseconds since local
 * midnight and offset seconds). Both fields have domains that fit numbers exactly.
 */
export class Time {
  /** Makes the class nominal, so a look-alike (e.g. a `Time` where a `LocalTime` is expected) fails to type-check. */
  declare private readonly brand: 'Time';
  /** Local nanoseconds since midnight, 0 ≤ value < 86,400,000,000,000. */
  readonly nanosecondOfDay: number;
  /** Offset from UTC in seconds, within ±18:00 (java.time's `ZoneOffset` range). */
  readonly offsetSeconds: number;

  /** @throws CypherArgumentError when a field is out of range. */
  constructor(nanosecondOfDay: number | bigint, offsetSeconds: number | bigint) {
    this.nanosecondOfDay = requireIntegerInRange(nanosecondOfDay, 0, NANOS_PER_DAY - 1, 'nanosecond of day');
    this.offsetSeconds = requireIntegerInRange(
      offsetSeconds,
      -MAX_OFFSET_SECONDS,
      MAX_OFFSET_SECONDS,
      'offset',
    );
  }

  /** @throws CypherArgumentError when a field is out of range. */
  static fromFields(
    hour: number,
    minute: number,
    second: number,
    nanosecond: number,
    offsetSeconds: number,
  ): Time {
    return new Time(nanosecondOfDayFromFields(hour, minute, second, nanosecond), offsetSeconds);
  }

  /**
   * The same instant of the day on the UTC clock in nanoseconds, not wrapped to one day (it may be negative
   * or exceed a day); this is what orders zoned times.
   */
  get utcNanosecondOfDay(): number {
    return this.nanosecondOfDay - this.offsetSeconds * NANOS_PER_SECOND;
  }

  /** ISO-8601 as Neo4j's `toString()` prints it: `12:00:00.000000001Z`, `21:40:32.142+01:00`. */
  toString(): string {
    return this.format('iso');
  }

  /** The compact java.time form used by the openCypher TCK: `21:40-01:30`. */
  toCompactString(): string {
    return this.format('compact');
  }

  private format(style: TemporalStyle): string {
    return formatNanosecondOfDay(this.nanosecondOfDay, style) + formatOffset(this.offsetSeconds);
  }
}
