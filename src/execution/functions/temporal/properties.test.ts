import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CypherArgumentError } from '../../../errors/index.js';
import type { CypherValue } from '../../../values/index.js';
import { temporalProperty } from './properties.js';
import { evaluateTck } from './test-kit.fixture.js';

function components(expression: string, keys: readonly string[]): CypherValue[] {
  const value = evaluateTck(expression);
  return keys.map((key) => temporalProperty(value, key) ?? null);
}

test('a date in the last week of the previous week year reports that week year (TCK Temporal5 [2])', () => {
  assert.deepEqual(
    components('date({year: 1984, month: 1, day: 1})', ['year', 'weekYear', 'week', 'weekDay']),
    [1984n, 1983n, 52n, 7n],
  );
});

test('a local time reports its clock fields (TCK Temporal5 [3])', () => {
  const keys = ['hour', 'minute', 'second', 'millisecond', 'microsecond', 'nanosecond'];
  assert.deepEqual(components('localtime({hour: 12, minute: 31, second: 14, nanosecond: 645876123})', keys), [
    12n,
    31n,
    14n,
    645n,
    645876n,
    645876123n,
  ]);
});

test('a zoned date-time reports calendar, clock, zone and epoch fields (TCK Temporal5 [6])', () => {
  const keys = [
    'year',
    'quarter',
    'month',
    'week',
    'weekYear',
    'day',
    'ordinalDay',
    'dayOfWeek',
    'dayOfQuarter',
  ];
  const zoneKeys = ['timezone', 'offset', 'offsetMinutes', 'offsetSeconds', 'epochSeconds', 'epochMillis'];
  const expression =
    "datetime({year: 1984, month: 11, day: 11, hour: 12, minute: 31, second: 14, nanosecond: 645876123, timezone: 'Europe/Stockholm'})";
  assert.deepEqual(components(expression, keys), [1984n, 4n, 11n, 45n, 1984n, 11n, 316n, 7n, 42n]);
  assert.deepEqual(components(expression, zoneKeys), [
    'Europe/Stockholm',
    '+01:00',
    60n,
    3600n,
    469020674n,
    469020674645n,
  ]);
});

test('a zoned time reports its offset as its timezone', () => {
  assert.deepEqual(components("time({hour: 9, timezone: '-05:30'})", ['timezone', 'offsetMinutes']), [
    '-05:30',
    -330n,
  ]);
});

test('a duration reports totals and remainders (TCK Temporal5 [7])', () => {
  const expression =
    'duration({years: 1, months: 4, days: 10, hours: 1, minutes: 1, seconds: 1, nanoseconds: 111111111})';
  const totals = ['years', 'quarters', 'months', 'weeks', 'days', 'hours', 'minutes', 'seconds'];
  const fine = ['milliseconds', 'microseconds', 'nanoseconds'];
  const remainders = ['quartersOfYear', 'monthsOfQuarter', 'monthsOfYear', 'daysOfWeek', 'minutesOfHour'];
  const subseconds = [
    'secondsOfMinute',
    'millisecondsOfSecond',
    'microsecondsOfSecond',
    'nanosecondsOfSecond',
  ];
  assert.deepEqual(components(expression, totals), [1n, 5n, 16n, 1n, 10n, 1n, 61n, 3661n]);
  assert.deepEqual(components(expression, fine), [3661111n, 3661111111n, 3661111111111n]);
  assert.deepEqual(components(expression, remainders), [1n, 1n, 4n, 3n, 1n]);
  assert.deepEqual(components(expression, subseconds), [1n, 111n, 111111n, 111111111n]);
});

test('a negative sub-second duration keeps seconds and a positive fraction (TCK Temporal10 [1])', () => {
  const expression =
    "duration.between(localdatetime('2018-01-02T10:00:00.1'), localdatetime('2018-01-01T10:00:00.2'))";
  assert.deepEqual(components(expression, ['days', 'seconds', 'nanosecondsOfSecond']), [
    0n,
    -86400n,
    100000000n,
  ]);
});

test('non-temporal values are left to the caller', () => {
  assert.equal(temporalProperty({ year: 1n }, 'year'), undefined);
  assert.equal(temporalProperty(null, 'year'), undefined);
});

test('a component the value does not have is an argument error', () => {
  assert.throws(() => temporalProperty(evaluateTck("date('2015-07-21')"), 'hour'), CypherArgumentError);
  assert.throws(() => temporalProperty(evaluateTck("localtime('12:00')"), 'timezone'), CypherArgumentError);
  assert.throws(() => temporalProperty(evaluateTck("duration('P1D')"), 'year'), CypherArgumentError);
});
