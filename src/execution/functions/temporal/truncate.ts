/**
 * `<type>.truncate(unit, value[, fields])`: cuts a temporal down to the start of a unit (millennium,
 * century, decade, year, weekYear, quarter, month, week, day, hour, minute, second, millisecond,
 * microsecond), then applies `fields` to the truncated wall clock: date and time fields replace, sub-second
 * fields add below the unit (`{nanosecond: 2}` after `millisecond` keeps the milliseconds), and `timezone`
 * re-labels the wall clock without converting it.
 */
import {
  civilFromEpochDay,
  epochDayFromCivil,
  isTemporalInstant,
  LocalTime,
  typeName,
  type CypherMap,
  type CypherValue,
} from '../../../values/index.js';
import {
  dayOfWeek,
  firstDayOfQuarter,
  firstMondayOfWeekYear,
  isoWeekOf,
  quarterOf,
} from './calendar-fields.js';
import { invalidTemporalArgument, invalidTemporalType } from './errors.js';
import { buildInstant, nowEpochSeconds, type InstantKind, type TemporalEnvironment } from './kinds.js';
import {
  DATE_FIELDS,
  FieldMap,
  resolveDate,
  resolveSubsecond,
  resolveTime,
  TIME_FIELDS,
} from './map-fields.js';
import { offsetOf, partsOf, type TemporalInstant } from './parts.js';
import { offsetAt, zoneArgument } from './zone.js';

const DATE_UNITS = ['millennium', 'century', 'decade', 'year', 'weekyear', 'quarter', 'month', 'week', 'day'];
const TIME_UNIT_NANOS: Readonly<Record<string, number>> = {
  day: 86_400e9,
  hour: 3_600e9,
  minute: 60e9,
  second: 1e9,
  millisecond: 1e6,
  microsecond: 1e3,
};
const SUBSECOND_FIELDS = new Set(['millisecond', 'microsecond', 'nanosecond']);
const ALLOWED_FIELDS = new Set([...DATE_FIELDS, ...TIME_FIELDS, 'timezone']);

function truncateYear(epochDay: number, years: number): number {
  const { year } = civilFromEpochDay(epochDay);
  return epochDayFromCivil(Math.floor(year / years) * years, 1, 1);
}

/** The first day of the date unit containing `epochDay`. */
function truncateDate(epochDay: number, unit: string): number {
  switch (unit) {
    case 'millennium':
      return truncateYear(epochDay, 1000);
    case 'century':
      return truncateYear(epochDay, 100);
    case 'decade':
      return truncateYear(epochDay, 10);
    case 'year':
      return truncateYear(epochDay, 1);
    case 'weekyear':
      return firstMondayOfWeekYear(isoWeekOf(epochDay).weekYear);
    case 'quarter': {
      const { year, month } = civilFromEpochDay(epochDay);
      return firstDayOfQuarter(year, quarterOf(month));
    }
    case 'month': {
      const { year, month } = civilFromEpochDay(epochDay);
      return epochDayFromCivil(year, month, 1);
    }
    case 'week':
      return epochDay - dayOfWeek(epochDay) + 1;
    default:
      return epochDay;
  }
}

function unitOf(unit: CypherValue, kind: InstantKind): string {
  if (typeof unit !== 'string') {
    throw invalidTemporalType(
      `Type mismatch: expected String for the truncation unit but was ${typeName(unit)}`,
    );
  }
  const normalized = unit.toLowerCase();
  const isDateUnit = DATE_UNITS.includes(normalized);
  const isTimeUnit = normalized in TIME_UNIT_NANOS;
  const fits =
    kind === 'date'
      ? isDateUnit
      : kind === 'localtime' || kind === 'time'
        ? isTimeUnit
        : isDateUnit || isTimeUnit;
  if (!fits) throw invalidTemporalArgument(`Unit '${unit}' is not supported by ${kind}.truncate`);
  return normalized;
}

function fieldsOf(map: CypherValue): { fields: FieldMap; rest: FieldMap } {
  if (map === null) return { fields: new FieldMap({}), rest: new FieldMap({}) };
  if (typeof map !== 'object' || Object.getPrototypeOf(map) !== Object.prototype) {
    throw invalidTemporalType(
      `Type mismatch: expected Map for the truncation fields but was ${typeName(map)}`,
    );
  }
  const fields = new FieldMap(map as CypherMap);
  fields.requireOnly(ALLOWED_FIELDS, 'truncate()');
  const rest: Record<string, CypherValue> = {};
  for (const [key, value] of Object.entries(map as CypherMap)) {
    if (!SUBSECOND_FIELDS.has(key.toLowerCase()) && key.toLowerCase() !== 'timezone') rest[key] = value;
  }
  return { fields, rest: new FieldMap(rest) };
}

/**
 * `<kind>.truncate(unit, value, fields)`.
 * @throws CypherTypeError for non-temporal values or wrong argument types; CypherArgumentError for units
 * the kind does not support and invalid fields.
 */
export function truncateTemporal(
  kind: InstantKind,
  unit: CypherValue,
  value: CypherValue,
  map: CypherValue,
  env: TemporalEnvironment,
): TemporalInstant {
  const normalizedUnit = unitOf(unit, kind);
  if (!isTemporalInstant(value)) {
    throw invalidTemporalType(
      `Type mismatch: expected a temporal value to truncate but was ${typeName(value)}`,
    );
  }
  const parts = partsOf(value);
  const needsDate = kind === 'date' || kind === 'localdatetime' || kind === 'datetime';
  if (needsDate ? parts.epochDay === undefined : parts.nanoOfDay === undefined) {
    throw invalidTemporalArgument(`Cannot truncate ${typeName(value)} to ${kind}`);
  }
  const { fields, rest } = fieldsOf(map);
  const unitNanos = TIME_UNIT_NANOS[normalizedUnit];
  const isDateUnit = DATE_UNITS.includes(normalizedUnit) && normalizedUnit !== 'day';
  const nanoOfDay = parts.nanoOfDay ?? 0;
  const truncatedDay = parts.epochDay === undefined ? 0 : truncateDate(parts.epochDay, normalizedUnit);
  const truncatedNano = isDateUnit || unitNanos === undefined ? 0 : nanoOfDay - (nanoOfDay % unitNanos);
  const epochDay = resolveDate(rest, truncatedDay) ?? truncatedDay;
  const nano = (resolveTime(rest, truncatedNano) ?? truncatedNano) + (resolveSubsecond(fields) ?? 0);
  if (kind === 'localtime') return new LocalTime(nano);
  const target = fields.has('timezone') ? zoneArgument(fields.value('timezone') ?? null) : undefined;
  if (kind === 'time') {
    const now = nowEpochSeconds(env);
    const offset =
      target === undefined ? (offsetOf(value) ?? offsetAt(env.defaultZone, now)) : offsetAt(target, now);
    return buildInstant(kind, 0, nano, offset, env);
  }
  return buildInstant(kind, epochDay, nano, target ?? parts.zone ?? env.defaultZone, env);
}
