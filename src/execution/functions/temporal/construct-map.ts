/**
 * Temporal constructors from a map. Fields given override what `date:`, `time:` and `datetime:` select from
 * other temporals. The zone of a zoned result is, in order: `timezone` (converting the instant when the
 * selected time already had a zone), the zone of the selected time, of the selected date-time, and the
 * default zone. A map with nothing but `timezone` (or nothing at all) asks for the current value.
 */
import {
  CypherDate,
  LocalTime,
  NANOS_PER_DAY,
  NANOS_PER_SECOND,
  Time,
  isTemporalInstant,
  typeName,
  type CypherMap,
  type CypherValue,
  type ZoneSpec,
  type DateTime,
} from '../../../values/index.js';
import { invalidTemporalArgument, invalidTemporalType } from './errors.js';
import {
  buildInstant,
  instantAt,
  nowEpochSeconds,
  type InstantKind,
  type TemporalEnvironment,
} from './kinds.js';
import {
  DATE_FIELDS,
  FieldMap,
  resolveDate,
  resolveSubsecond,
  resolveTime,
  TIME_FIELDS,
} from './map-fields.js';
import { makeDateTime, offsetOf, partsOf, withZoneSameInstant, type TemporalInstant } from './parts.js';
import { offsetAt, zoneArgument } from './zone.js';

const ALLOWED: Record<InstantKind, ReadonlySet<string>> = {
  date: new Set([...DATE_FIELDS, 'date', 'timezone']),
  localtime: new Set([...TIME_FIELDS, 'time', 'timezone']),
  time: new Set([...TIME_FIELDS, 'time', 'timezone']),
  localdatetime: new Set([...DATE_FIELDS, ...TIME_FIELDS, 'date', 'time', 'datetime', 'timezone']),
  datetime: new Set([
    ...DATE_FIELDS,
    ...TIME_FIELDS,
    'date',
    'time',
    'datetime',
    'timezone',
    'epochseconds',
    'epochmillis',
  ]),
};

function source(fields: FieldMap, key: string): TemporalInstant | undefined {
  const value = fields.value(key);
  if (value === undefined) return undefined;
  if (!isTemporalInstant(value)) {
    throw invalidTemporalType(
      `Type mismatch: expected a temporal value for '${key}' but was ${typeName(value)}`,
    );
  }
  return value;
}

function required<T>(value: T | undefined, kind: InstantKind, what: string): T {
  if (value === undefined) throw invalidTemporalArgument(`${kind}() needs ${what} to build a value`);
  return value;
}

function integerValue(value: CypherValue | undefined, key: string): bigint | undefined {
  if (value === undefined) return undefined;
  if (typeof value === 'bigint') return value;
  if (typeof value === 'number' && Number.isInteger(value)) return BigInt(value);
  throw invalidTemporalType(`Type mismatch: expected Integer for ${key} but was ${typeName(value)}`);
}

/** `datetime({epochSeconds, nanosecond})` / `datetime({epochMillis})`, in `timezone` or the default zone. */
function dateTimeFromEpoch(fields: FieldMap, env: TemporalEnvironment): DateTime {
  const extra = fields.keys().filter((key) => !['epochseconds', 'epochmillis', 'timezone'].includes(key));
  if (extra.some((key) => !['millisecond', 'microsecond', 'nanosecond'].includes(key))) {
    throw invalidTemporalArgument('epochSeconds/epochMillis cannot be combined with date or time fields');
  }
  const epochSeconds = integerValue(fields.value('epochseconds'), 'epochSeconds');
  const epochMillis = integerValue(fields.value('epochmillis'), 'epochMillis');
  let nanos = BigInt(resolveSubsecond(fields) ?? 0);
  if (epochSeconds !== undefined) nanos += epochSeconds * 1_000_000_000n;
  if (epochMillis !== undefined) nanos += epochMillis * 1_000_000n;
  const zone = fields.has('timezone') ? zoneArgument(fields.value('timezone') ?? null) : env.defaultZone;
  return instantAt('datetime', nanos, zone) as DateTime;
}

function zonedTime(
  nanoOfDay: number,
  selected: TemporalInstant | undefined,
  target: ZoneSpec | undefined,
  env: TemporalEnvironment,
): Time {
  const sourceOffset = selected === undefined ? undefined : offsetOf(selected);
  const now = nowEpochSeconds(env);
  if (target === undefined) return new Time(nanoOfDay, sourceOffset ?? offsetAt(env.defaultZone, now));
  const targetOffset = offsetAt(target, now);
  if (sourceOffset === undefined) return new Time(nanoOfDay, targetOffset);
  const shifted = nanoOfDay + (targetOffset - sourceOffset) * NANOS_PER_SECOND;
  return new Time(((shifted % NANOS_PER_DAY) + NANOS_PER_DAY) % NANOS_PER_DAY, targetOffset);
}

/**
 * Builds a value of `kind` from a constructor map.
 * @throws CypherArgumentError for unknown, conflicting, missing or out-of-range fields;
 * CypherTypeError for fields of the wrong type.
 */
export function constructFromMap(
  kind: InstantKind,
  map: CypherMap,
  env: TemporalEnvironment,
): TemporalInstant {
  const fields = new FieldMap(map);
  fields.requireOnly(ALLOWED[kind], `${kind}()`);
  const target = fields.has('timezone') ? zoneArgument(fields.value('timezone') ?? null) : undefined;
  if (fields.keys().every((key) => key === 'timezone'))
    return instantAt(kind, env.nowEpochNanos, target ?? env.defaultZone);
  if (kind === 'datetime' && (fields.has('epochseconds') || fields.has('epochmillis'))) {
    return dateTimeFromEpoch(fields, env);
  }
  if (target !== undefined && (kind === 'date' || kind === 'localtime' || kind === 'localdatetime')) {
    throw invalidTemporalArgument(`${kind}() cannot take a timezone together with other fields`);
  }
  const dateSource = source(fields, 'date');
  const timeSource = source(fields, 'time');
  const dateTimeSource = source(fields, 'datetime');
  const dateBase = dateSource ?? dateTimeSource;
  const timeBase = timeSource ?? dateTimeSource;
  const epochDayBase = dateBase === undefined ? undefined : partsOf(dateBase).epochDay;
  const nanoBase = timeBase === undefined ? undefined : partsOf(timeBase).nanoOfDay;
  if (dateSource !== undefined && epochDayBase === undefined) {
    throw invalidTemporalType(`Type mismatch: 'date' must have a date but was ${typeName(dateSource)}`);
  }
  if (timeSource !== undefined && nanoBase === undefined) {
    throw invalidTemporalType(`Type mismatch: 'time' must have a time but was ${typeName(timeSource)}`);
  }
  const epochDay = resolveDate(fields, epochDayBase);
  const nanoOfDay = resolveTime(fields, nanoBase);
  switch (kind) {
    case 'date':
      return new CypherDate(required(epochDay, kind, 'a date'));
    case 'localtime':
      return new LocalTime(required(nanoOfDay, kind, 'a time'));
    case 'time':
      return zonedTime(required(nanoOfDay, kind, 'a time'), timeBase, target, env);
    case 'localdatetime':
      return buildInstant(kind, required(epochDay, kind, 'a date'), nanoOfDay ?? 0, 0, env);
    case 'datetime': {
      const selected = timeSource ?? dateTimeSource;
      const sourceZone = selected === undefined ? undefined : partsOf(selected).zone;
      const day = required(epochDay, kind, 'a date');
      if (target !== undefined && sourceZone !== undefined) {
        return withZoneSameInstant(makeDateTime(day, nanoOfDay ?? 0, sourceZone), target);
      }
      return makeDateTime(day, nanoOfDay ?? 0, target ?? sourceZone ?? env.defaultZone);
    }
  }
}
