import { requireInt64, requireIntegerInRange } from '../int64.js';
import { MAX_OFFSET_SECONDS, NANOS_PER_SECOND } from './calendar.js';
import { formatLocalDateTime, requireLocalEpochSeconds } from './local-date-time.js';
import { formatOffset, type TemporalStyle } from './temporal-format.js';
import { zoneOffsetAt, zoneOffsetForLocal } from './time-zones.js';

/** A zone given either as a fixed offset in seconds or as an IANA zone id (`Europe/London`). */
export type ZoneSpec = number | string;

function requireOffset(offsetSeconds: number): number {
  return requireIntegerInRange(offsetSeconds, -MAX_OFFSET_SECONDS, MAX_OFFSET_SECONDS, 'offset');
}

/**
 * Cypher ZONED DATETIME: an instant (UTC epoch seconds + nanoseconds, as Bolt 5's `DateTime`/
 * `DateTimeZoneId` structs carry it) with EITHER a fixed offset OR an IANA zone id. For a zone id the offset
 * in force at that instant is resolved once, through Intl (see `time-zones.ts`), and kept in
 * `offsetSeconds`, so rendering and the legacy Bolt forms (local seconds) need no further look-ups.
 * Epoch seconds are a bigint: years ±999,999,999 (java.time's range, checked on the local date-time) exceed
 * 2^53 seconds.
 */
export class DateTime {
  /** Makes the class nominal, so a look-alike (e.g. a `Time` where a `LocalTime` is expected) fails to type-check. */
  declare private readonly brand: 'DateTime';
  /** Seconds since 1970-01-01T00:00:00Z of the instant. */
  readonly epochSeconds: bigint;
  /** Nanoseconds within the second, 0..999,999,999. */
  readonly nanoseconds: number;
  /** The UTC offset in force: the fixed offset, or the zone's offset at this instant. */
  readonly offsetSeconds: number;
  /** The IANA zone id as given, or `null` for a fixed-offset date-time. */
  readonly zoneId: string | null;

  /**
   * @param zone a fixed offset in seconds (±18:00) or an IANA zone id.
   * @throws CypherArgumentError when a field is out of range or the zone id is unknown.
   */
  constructor(epochSeconds: bigint | number, nanoseconds: number | bigint, zone: ZoneSpec) {
    const seconds = requireInt64(epochSeconds, 'epoch seconds');
    this.nanoseconds = requireIntegerInRange(nanoseconds, 0, NANOS_PER_SECOND - 1, 'nanoseconds');
    if (typeof zone === 'string') {
      this.offsetSeconds = zoneOffsetAt(zone, seconds);
      this.zoneId = zone;
    } else {
      this.offsetSeconds = requireOffset(zone);
      this.zoneId = null;
    }
    requireLocalEpochSeconds(seconds + BigInt(this.offsetSeconds), 'local epoch seconds');
    this.epochSeconds = seconds;
  }

  /**
   * The date-time whose wall clock in `zone` reads `localEpochSeconds` (seconds since the epoch as if the
   * wall clock were UTC), as legacy Bolt structs and Cypher constructors give it. For zone ids it follows
   * java.time's `ZonedDateTime.ofLocal`: the earlier offset in an overlap, and later by the gap's length in
   * a gap.
   * @throws CypherArgumentError when a field is out of range or the zone id is unknown.
   */
  static fromLocal(
    localEpochSeconds: bigint | number,
    nanoseconds: number | bigint,
    zone: ZoneSpec,
  ): DateTime {
    const local = requireLocalEpochSeconds(localEpochSeconds, 'local epoch seconds');
    const offset = typeof zone === 'string' ? zoneOffsetForLocal(zone, local) : requireOffset(zone);
    return new DateTime(local - BigInt(offset), nanoseconds, zone);
  }

  /** Wall-clock seconds since the epoch in this value's offset (the legacy Bolt `seconds` field). */
  get localEpochSeconds(): bigint {
    return this.epochSeconds + BigInt(this.offsetSeconds);
  }

  /** ISO-8601 as Neo4j's `toString()` prints it: `2015-07-21T21:40:32.142+01:00[Europe/London]`. */
  toString(): string {
    return this.format('iso');
  }

  /** The compact java.time form used by the openCypher TCK: `2015-07-21T21:40+01:00[Europe/London]`. */
  toCompactString(): string {
    return this.format('compact');
  }

  private format(style: TemporalStyle): string {
    const local = formatLocalDateTime(this.localEpochSeconds, this.nanoseconds, style);
    const zone = this.zoneId === null ? '' : `[${this.zoneId}]`;
    return `${local}${formatOffset(this.offsetSeconds)}${zone}`;
  }
}
