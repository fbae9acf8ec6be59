import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { formatFloat } from './format-float.js';

test("floats print as Java's Double.toString does", () => {
  const cases: [number, string][] = [
    [1, '1.0'],
    [0, '0.0'],
    [-0, '-0.0'],
    [0.1, '0.1'],
    [100, '100.0'],
    [3.14, '3.14'],
    [-2.5, '-2.5'],
    [12_345.678, '12345.678'],
    [9_999_999, '9999999.0'],
    [1e7, '1.0E7'],
    [123_456_789, '1.23456789E8'],
    [0.001, '0.001'],
    [0.0001, '1.0E-4'],
    [1.234e-5, '1.234E-5'],
    [1.5e300, '1.5E300'],
    [Number.MIN_VALUE, '4.9E-324'],
    [Number.MAX_VALUE, '1.7976931348623157E308'],
    [NaN, 'NaN'],
    [Infinity, 'Infinity'],
    [-Infinity, '-Infinity'],
  ];
  for (const [value, expected] of cases) assert.equal(formatFloat(value), expected, String(value));
});

test('the printed form parses back to the same double', () => {
  fc.assert(
    fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (value) => {
      assert.ok(Object.is(Number(formatFloat(value)), value));
    }),
  );
});
