import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { CypherDate, DateTime, Duration, LocalTime, Point, type CypherValue } from '../../values/index.js';
import type { ValueType } from './header.js';
import type { MapLiteral } from './map-literal.js';
import { converterFor, parseInteger, type ValueOptions } from './value-converters.js';

const DEFAULTS: ValueOptions = {
  arrayDelimiter: ';',
  trimStrings: false,
  ignoreEmptyStrings: false,
  normalizeTypes: true,
};

/** The text of a temporal value. */
function show(value: CypherValue | undefined): string {
  assert.ok(typeof value === 'object' && value !== null);
  return (value as { toString(): string }).toString();
}

function convert(
  type: ValueType,
  text: string,
  options: Partial<ValueOptions> = {},
  array = false,
  config: MapLiteral = {},
): CypherValue | undefined {
  return converterFor({ type, array, config }, { ...DEFAULTS, ...options })(text);
}

test('integer types become INTEGER (bigint), whatever their size', () => {
  assert.equal(convert('int', '42'), 42n);
  assert.equal(convert('long', '-9223372036854775808'), -9223372036854775808n);
  assert.equal(convert('byte', ' 7 '), 7n);
  assert.equal(convert('short', '+12'), 12n);
});

test('integers outside 64 bits or not integers at all are refused', () => {
  assert.throws(() => convert('long', '9223372036854775808'), /not a valid long \(out of range\)/);
  for (const text of ['1.5', '0x10', '1e3', 'abc', '--1']) {
    assert.throws(() => convert('int', text), /is not a valid int/, text);
  }
});

test('without type normalisation byte, short and int keep their ranges and float its precision', () => {
  assert.throws(() => convert('byte', '128', { normalizeTypes: false }), /out of range/);
  assert.equal(convert('short', '-32768', { normalizeTypes: false }), -32768n);
  assert.throws(() => convert('int', '2147483648', { normalizeTypes: false }), /out of range/);
  assert.equal(convert('float', '0.1', { normalizeTypes: false }), Math.fround(0.1));
  assert.equal(convert('float', '0.1'), 0.1);
});

test('parseInteger agrees with BigInt on every 64-bit integer text', () => {
  fc.assert(
    fc.property(fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n }), (value) => {
      assert.equal(parseInteger(String(value)), value);
    }),
  );
});

test('floats accept decimal and exponent forms and the special values', () => {
  assert.equal(convert('double', '1.5e3'), 1500);
  assert.equal(convert('double', '.5'), 0.5);
  assert.equal(convert('float', '-3'), -3);
  assert.ok(Number.isNaN(convert('double', 'NaN')));
  assert.equal(convert('double', '-Infinity'), Number.NEGATIVE_INFINITY);
  assert.throws(() => convert('double', '1,5'), /not a valid float/);
});

test('booleans are true or false in any case, nothing else', () => {
  assert.equal(convert('boolean', 'TRUE'), true);
  assert.equal(convert('boolean', 'false'), false);
  assert.throws(() => convert('boolean', 'yes'), /not a valid boolean/);
});

test('strings are kept as written unless trimming or ignoring empty ones is asked for', () => {
  assert.equal(convert('string', '  a b '), '  a b ');
  assert.equal(convert('string', '  a b ', { trimStrings: true }), 'a b');
  assert.equal(convert('string', ''), '');
  assert.equal(convert('string', '', { ignoreEmptyStrings: true }), undefined);
  assert.equal(convert('string', '   ', { trimStrings: true, ignoreEmptyStrings: true }), undefined);
});

test('a char is exactly one character (one code point)', () => {
  assert.equal(convert('char', 'x'), 'x');
  assert.equal(convert('char', '😀'), '😀');
  assert.throws(() => convert('char', 'xy'), /not a valid char/);
});

test('an empty non-string value means no property', () => {
  assert.equal(convert('int', ''), undefined);
  assert.equal(convert('date', '  '), undefined);
});

test('arrays split at the array delimiter and convert every element', () => {
  assert.deepEqual(convert('int', '1;2; 3', {}, true), [1n, 2n, 3n]);
  assert.deepEqual(convert('string', 'a; b;', {}, true), ['a', ' b', '']);
  assert.deepEqual(convert('string', 'a; b', { trimStrings: true, arrayDelimiter: ';' }, true), ['a', 'b']);
  assert.deepEqual(convert('boolean', 'true|false', { arrayDelimiter: '|' }, true), [true, false]);
  assert.deepEqual(convert('int', '', {}, true), []);
  assert.throws(() => convert('int', '1;;2', {}, true), /empty element/);
});

test('temporal values are what the Cypher functions make of the same text', () => {
  const date = convert('date', '2015-07-21');
  assert.ok(date instanceof CypherDate);
  assert.equal(String(date), '2015-07-21');
  const time = convert('localtime', '12:30:15.5');
  assert.ok(time instanceof LocalTime);
  assert.equal(String(time), '12:30:15.5');
  assert.equal(show(convert('datetime', '2015-07-21T21:40:32+01:00')), '2015-07-21T21:40:32+01:00');
  assert.equal(show(convert('datetime', '2015-07-21T21:40:32')), '2015-07-21T21:40:32Z');
  assert.equal(show(convert('localdatetime', '2015-07-21T21:40')), '2015-07-21T21:40:00');
  assert.equal(show(convert('time', '21:40:32+02:00')), '21:40:32+02:00');
  const duration = convert('duration', 'P1DT2H');
  assert.ok(duration instanceof Duration);
  assert.equal(String(duration), 'P1DT2H');
});

test('a time zone from the column configuration applies to text without one', () => {
  const value = convert('datetime', '2015-07-21T21:40:32', {}, false, { timezone: 'Europe/Stockholm' });
  assert.ok(value instanceof DateTime);
  assert.equal(String(value), '2015-07-21T21:40:32+02:00[Europe/Stockholm]');
});

test('unparsable temporal text is a bad value of its type', () => {
  assert.throws(() => convert('date', '2015-13-01'), /'2015-13-01' is not a valid date/);
  assert.throws(() => convert('duration', 'one day'), /is not a valid duration/);
});

test('points are read from map text, with the column configuration as defaults', () => {
  const cartesian = convert('point', '{x: 1, y: 2.5}');
  assert.ok(cartesian instanceof Point);
  assert.deepEqual([cartesian.srid, cartesian.x, cartesian.y], [7203, 1, 2.5]);
  const geographic = convert('point', '{latitude: 55.6, longitude: 12.9}');
  assert.ok(geographic instanceof Point);
  assert.deepEqual([geographic.srid, geographic.x, geographic.y], [4326, 12.9, 55.6]);
  const threeD = convert('point', '{x: 1, y: 2, z: 3}', {}, false, { crs: 'cartesian-3D' });
  assert.ok(threeD instanceof Point);
  assert.equal(threeD.srid, 9157);
  assert.throws(() => convert('point', '{x: 1}'), /is not a valid point/);
  assert.throws(() => convert('point', 'x=1'), /is not a valid point/);
});
