/**
 * The field maps of temporal constructors (`{year: 1984, week: 10, dayOfWeek: 3}`): reading and checking
 * integer fields, and resolving the date and time-of-day fields against an optional base value taken from
 * `date:`/`time:`/`datetime:` (fields given replace the base's, the rest are kept, in the base's own
 * calendar shape: `{date: d, week: 2}` keeps d's day of week).
 */
import { civilFromEpochDay, typeName, type CypherMap, type CypherValue } from '../../../values/index.js';
import {
  checkField,
  dayOfQuarterOf,
  dayOfWeek,
  epochDayOfCalendarDate,
  epochDayOfOrdinalDate,
  epochDayOfQuarterDate,
  epochDayOfWeekDate,
  isoWeekOf,
  quarterOf,
} from './calendar-fields.js';
import { invalidTemporalArgument, invalidTemporalType } from './errors.js';

/** A constructor's map with keys looked up case-insensitively, as Neo4j does. */
export class FieldMap {
  private readonly entries = new Map<string, CypherValue>();

  constructor(map: CypherMap) {
    for (const key of Object.keys(map)) {
      const value = map[key] ?? null;
      if (value !== null) this.entries.set(key.toLowerCase(), value);
    }
  }

  /** The keys given (lower case). */
  keys(): string[] {
    return [...this.entries.keys()];
  }

  has(key: string): boolean {
    return this.entries.has(key);
  }

  value(key: string): CypherValue | undefined {
    return this.entries.get(key);
  }

  /**
   * An integer field.
   * @throws CypherTypeError when it is not an INTEGER (or an integral FLOAT).
   */
  integer(key: string): number | undefined {
    const value = this.entries.get(key);
    if (value === undefined) return undefined;
    if (typeof value === 'bigint') return Number(value);
    if (typeof value === 'number' && Number.isInteger(value)) return value;
    throw invalidTemporalType(`Type mismatch: expected Integer for field ${key} but was ${typeName(value)}`);
  }

  /** Rejects keys outside `allowed`. */
  requireOnly(allowed: ReadonlySet<string>, what: string): void {
    for (const key of this.entries.keys()) {
      if (!allowed.has(key)) throw invalidTemporalArgument(`${what} cannot be built with the field '${key}'`);
    }
  }
}

export const DATE_FIELDS = [
  'year',
  'month',
  'day',
  'week',
  'dayofweek',
  'ordinalday',
  'quarter',
  'dayofquarter',
];
export const TIME_FIELDS = ['hour', 'minute', 'second', 'millisecond', 'microsecond', 'nanosecond'];

function missing(field: string, needed: string): never {
  throw invalidTemporalArgument(`${needed} must be specified when ${field} is`);
}

/**
 * The date the fields describe, relative to `base` (an epoch day) when given; undefined when there are
 * neither date fields nor a base.
 * @throws CypherArgumentError for conflicting, incomplete or out-of-range fields.
 */
export function resolveDate(fields: FieldMap, base: number | undefined): number | undefined {
  const year = fields.integer('year');
  const month = fields.integer('month');
  const day = fields.integer('day');
  const week = fields.integer('week');
  const weekday = fields.integer('dayofweek');
  const ordinalDay = fields.integer('ordinalday');
  const quarter = fields.integer('quarter');
  const dayOfQuarter = fields.integer('dayofquarter');
  const shapes = [
    month !== undefined || day !== undefined,
    week !== undefined || weekday !== undefined,
    ordinalDay !== undefined,
    quarter !== undefined || dayOfQuarter !== undefined,
  ].filter(Boolean).length;
  if (shapes > 1) throw invalidTemporalArgument('Cannot mix calendar, week, ordinal and quarter date fields');
  if (shapes === 0 && year === undefined) return base;
  if (year === undefined && base === undefined) return missing('a date field', 'year');
  const baseCivil = base === undefined ? undefined : civilFromEpochDay(base);
  if (week !== undefined || weekday !== undefined) {
    if (base === undefined) {
      if (week === undefined) return missing('dayOfWeek', 'week');
      return epochDayOfWeekDate(year ?? 0, week, weekday ?? 1);
    }
    const baseWeek = isoWeekOf(base);
    return epochDayOfWeekDate(year ?? baseWeek.weekYear, week ?? baseWeek.week, weekday ?? dayOfWeek(base));
  }
  const resolvedYear = year ?? baseCivil?.year ?? 0;
  if (ordinalDay !== undefined) return epochDayOfOrdinalDate(resolvedYear, ordinalDay);
  if (quarter !== undefined || dayOfQuarter !== undefined) {
    if (base === undefined && quarter === undefined) return missing('dayOfQuarter', 'quarter');
    const baseQuarter = baseCivil === undefined ? 1 : quarterOf(baseCivil.month);
    const baseDay = base === undefined ? 1 : dayOfQuarterOf(base);
    return epochDayOfQuarterDate(resolvedYear, quarter ?? baseQuarter, dayOfQuarter ?? baseDay);
  }
  if (base === undefined && day !== undefined && month === undefined) return missing('day', 'month');
  return epochDayOfCalendarDate(resolvedYear, month ?? baseCivil?.month ?? 1, day ?? baseCivil?.day ?? 1);
}

/**
 * The sub-second part from `millisecond`, `microsecond` and `nanosecond`, which add up (123 ms + 456 µs +
 * 789 ns is .123456789); each smaller field is limited to one unit of the larger one given with it.
 */
export function resolveSubsecond(fields: FieldMap): number | undefined {
  const milli = fields.integer('millisecond');
  const micro = fields.integer('microsecond');
  const nano = fields.integer('nanosecond');
  if (milli === undefined && micro === undefined && nano === undefined) return undefined;
  checkField('MilliOfSecond', milli ?? 0, 0, 999);
  checkField('MicroOfSecond', micro ?? 0, 0, milli === undefined ? 999_999 : 999);
  checkField('NanoOfSecond', nano ?? 0, 0, milli === undefined && micro === undefined ? 999_999_999 : 999);
  return (milli ?? 0) * 1_000_000 + (micro ?? 0) * 1000 + (nano ?? 0);
}

/**
 * The time of day the fields describe, relative to `base` (a nanosecond of the day) when given; undefined
 * when there are neither time fields nor a base.
 * @throws CypherArgumentError for incomplete or out-of-range fields.
 */
export function resolveTime(fields: FieldMap, base: number | undefined): number | undefined {
  const hour = fields.integer('hour');
  const minute = fields.integer('minute');
  const second = fields.integer('second');
  const subsecond = resolveSubsecond(fields);
  if (hour === undefined && minute === undefined && second === undefined && subsecond === undefined)
    return base;
  if (base === undefined) {
    if (hour === undefined) return missing('a time field', 'hour');
    if (minute === undefined && second !== undefined) return missing('second', 'minute');
  }
  const baseSecond = base === undefined ? 0 : Math.floor(base / 1e9);
  const h = checkField('HourOfDay', hour ?? Math.floor(baseSecond / 3600), 0, 23);
  const m = checkField('MinuteOfHour', minute ?? Math.floor(baseSecond / 60) % 60, 0, 59);
  const s = checkField('SecondOfMinute', second ?? baseSecond % 60, 0, 59);
  const nanos = subsecond ?? (base === undefined ? 0 : base - baseSecond * 1e9);
  return ((h * 60 + m) * 60 + s) * 1e9 + nanos;
}
