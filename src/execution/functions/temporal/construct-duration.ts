/**
 * `duration(x)`: from an ISO-8601 string or from a map of amounts (`years`, `quarters`, `months`, `weeks`,
 * `days`, `hours`, `minutes`, `seconds`, `milliseconds`, `microseconds`, `nanoseconds`), each INTEGER or
 * FLOAT and possibly negative; fractions cascade into smaller units (see build-duration.ts).
 */
import { Duration, typeName, type CypherMap, type CypherValue } from '../../../values/index.js';
import { durationOfAmounts } from './build-duration.js';
import { add, decimalOfInteger, decimalOfNumber, multiply, ZERO, type Decimal } from './decimal.js';
import { invalidTemporalArgument, invalidTemporalType } from './errors.js';
import { parseDurationText } from './parse-duration.js';

type Component = 'months' | 'days' | 'seconds' | 'nanoseconds';

/** Each map key: which component it feeds and how many of that component one unit is. */
const UNITS: Readonly<Record<string, readonly [Component, bigint]>> = {
  years: ['months', 12n],
  quarters: ['months', 3n],
  months: ['months', 1n],
  weeks: ['days', 7n],
  days: ['days', 1n],
  hours: ['seconds', 3600n],
  minutes: ['seconds', 60n],
  seconds: ['seconds', 1n],
  milliseconds: ['nanoseconds', 1_000_000n],
  microseconds: ['nanoseconds', 1000n],
  nanoseconds: ['nanoseconds', 1n],
};

function amountOf(key: string, value: CypherValue): Decimal {
  if (typeof value === 'bigint') return decimalOfInteger(value);
  if (typeof value === 'number') return decimalOfNumber(value);
  throw invalidTemporalType(
    `Type mismatch: expected a number for duration field ${key} but was ${typeName(value)}`,
  );
}

/**
 * The duration a map describes.
 * @throws CypherArgumentError for unknown keys; CypherTypeError for non-numeric amounts.
 */
function durationFromMap(map: CypherMap): Duration {
  const totals: Record<Component, Decimal> = { months: ZERO, days: ZERO, seconds: ZERO, nanoseconds: ZERO };
  for (const key of Object.keys(map)) {
    const value = map[key] ?? null;
    if (value === null) continue;
    const unit = UNITS[key.toLowerCase()];
    if (unit === undefined) throw invalidTemporalArgument(`No such field for a duration: ${key}`);
    const [component, factor] = unit;
    totals[component] = add(totals[component], multiply(amountOf(key, value), decimalOfInteger(factor)));
  }
  return durationOfAmounts(totals);
}

/**
 * `duration(argument)` for a non-null argument.
 * @throws CypherTypeError for arguments that are neither a string, a map nor a duration.
 */
export function constructDuration(argument: CypherValue): Duration {
  if (typeof argument === 'string') return parseDurationText(argument);
  if (argument instanceof Duration) return argument;
  if (
    typeof argument === 'object' &&
    argument !== null &&
    Object.getPrototypeOf(argument) === Object.prototype
  ) {
    return durationFromMap(argument as CypherMap);
  }
  throw invalidTemporalType(
    `Type mismatch: expected String or Map for duration() but was ${typeName(argument)}`,
  );
}
