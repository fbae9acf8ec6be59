/**
 * Component access on temporal values (`d.year`, `t.offsetMinutes`, `dur.monthsOfQuarter`), with the
 * component names and integer semantics of Neo4j (Java's truncating division for durations).
 */
import {
  civilFromEpochDay,
  DateTime,
  Duration,
  isTemporal,
  type CypherValue,
} from '../../../values/index.js';
import { dayOfQuarterOf, dayOfWeek, isoWeekOf, ordinalDayOf, quarterOf } from './calendar-fields.js';
import { invalidTemporalArgument } from './errors.js';
import { offsetOf, partsOf, type TemporalInstant } from './parts.js';
import { formatOffset } from './zone.js';

function dateComponent(epochDay: number, key: string): bigint | undefined {
  const { year, month, day } = civilFromEpochDay(epochDay);
  switch (key) {
    case 'year':
      return BigInt(year);
    case 'quarter':
      return BigInt(quarterOf(month));
    case 'month':
      return BigInt(month);
    case 'week':
      return BigInt(isoWeekOf(epochDay).week);
    case 'weekYear':
      return BigInt(isoWeekOf(epochDay).weekYear);
    case 'day':
      return BigInt(day);
    case 'ordinalDay':
      return BigInt(ordinalDayOf(epochDay));
    case 'dayOfWeek':
    case 'weekDay':
      return BigInt(dayOfWeek(epochDay));
    case 'dayOfQuarter':
    case 'quarterDay':
      return BigInt(dayOfQuarterOf(epochDay));
    default:
      return undefined;
  }
}

function timeComponent(nanoOfDay: number, key: string): bigint | undefined {
  const secondOfDay = Math.floor(nanoOfDay / 1e9);
  const nanosecond = nanoOfDay - secondOfDay * 1e9;
  switch (key) {
    case 'hour':
      return BigInt(Math.floor(secondOfDay / 3600));
    case 'minute':
      return BigInt(Math.floor(secondOfDay / 60) % 60);
    case 'second':
      return BigInt(secondOfDay % 60);
    case 'millisecond':
      return BigInt(Math.floor(nanosecond / 1e6));
    case 'microsecond':
      return BigInt(Math.floor(nanosecond / 1e3));
    case 'nanosecond':
      return BigInt(nanosecond);
    default:
      return undefined;
  }
}

function zoneComponent(value: TemporalInstant, key: string): CypherValue | undefined {
  const offsetSeconds = offsetOf(value);
  if (offsetSeconds === undefined) return undefined;
  switch (key) {
    case 'timezone':
      return value instanceof DateTime && value.zoneId !== null ? value.zoneId : formatOffset(offsetSeconds);
    case 'offset':
      return formatOffset(offsetSeconds);
    case 'offsetMinutes':
      return BigInt(Math.trunc(offsetSeconds / 60));
    case 'offsetSeconds':
      return BigInt(offsetSeconds);
    default:
      return undefined;
  }
}

function epochComponent(value: TemporalInstant, key: string): bigint | undefined {
  if (!(value instanceof DateTime)) return undefined;
  if (key === 'epochSeconds') return value.epochSeconds;
  if (key === 'epochMillis') return value.epochSeconds * 1000n + BigInt(Math.floor(value.nanoseconds / 1e6));
  return undefined;
}

function instantComponent(value: TemporalInstant, key: string): CypherValue | undefined {
  const parts = partsOf(value);
  const fromDate = parts.epochDay === undefined ? undefined : dateComponent(parts.epochDay, key);
  if (fromDate !== undefined) return fromDate;
  const fromTime = parts.nanoOfDay === undefined ? undefined : timeComponent(parts.nanoOfDay, key);
  if (fromTime !== undefined) return fromTime;
  return zoneComponent(value, key) ?? epochComponent(value, key);
}

function durationComponent(value: Duration, key: string): bigint | undefined {
  const { months, days, seconds } = value;
  const nanos = BigInt(value.nanoseconds);
  switch (key) {
    case 'years':
      return months / 12n;
    case 'quarters':
      return months / 3n;
    case 'months':
      return months;
    case 'weeks':
      return days / 7n;
    case 'days':
      return days;
    case 'hours':
      return seconds / 3600n;
    case 'minutes':
      return seconds / 60n;
    case 'seconds':
      return seconds;
    case 'milliseconds':
      return seconds * 1000n + nanos / 1_000_000n;
    case 'microseconds':
      return seconds * 1_000_000n + nanos / 1000n;
    case 'nanoseconds':
      return seconds * 1_000_000_000n + nanos;
    case 'quartersOfYear':
      return (months % 12n) / 3n;
    case 'monthsOfQuarter':
      return months % 3n;
    case 'monthsOfYear':
      return months % 12n;
    case 'daysOfWeek':
      return days % 7n;
    case 'minutesOfHour':
      return (seconds / 60n) % 60n;
    case 'secondsOfMinute':
      return seconds % 60n;
    case 'millisecondsOfSecond':
      return nanos / 1_000_000n;
    case 'microsecondsOfSecond':
      return nanos / 1000n;
    case 'nanosecondsOfSecond':
      return nanos;
    default:
      return undefined;
  }
}

/**
 * The component `key` of a temporal value or duration (`d.year`, `dur.minutesOfHour`), or undefined when
 * `value` is not temporal, so the caller can handle maps, nodes and points.
 * @throws CypherArgumentError (InvalidArgumentValue) when the value is temporal but has no such component.
 */
export function temporalProperty(value: CypherValue, key: string): CypherValue | undefined {
  if (!isTemporal(value)) return undefined;
  const component = value instanceof Duration ? durationComponent(value, key) : instantComponent(value, key);
  if (component === undefined) {
    throw invalidTemporalArgument(`No such field: ${key}`);
  }
  return component;
}
