import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { integerValue } from '../../../test/support/value-arbitraries.js';
import { compareNumbers, orderNumbers } from './compare-numbers.js';

/** A finite double as an exact fraction numerator / 2^1074, read from its IEEE-754 bits. */
function exactNumerator(value: number): bigint {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, value);
  const bits = view.getBigUint64(0);
  const negative = bits >> 63n === 1n;
  const exponent = (bits >> 52n) & 0x7ffn;
  const fraction = bits & ((1n << 52n) - 1n);
  const numerator = exponent === 0n ? fraction : (fraction | (1n << 52n)) << (exponent - 1n);
  return negative ? -numerator : numerator;
}

function sign(value: bigint): number {
  return value < 0n ? -1 : value > 0n ? 1 : 0;
}

test('integers and floats compare exactly, as unlimited-precision numbers', () => {
  fc.assert(
    fc.property(integerValue(), fc.double({ noNaN: true, noDefaultInfinity: true }), (integer, float) => {
      const expected = sign((integer << 1074n) - exactNumerator(float));
      assert.equal(compareNumbers(integer, float), expected);
      assert.equal(compareNumbers(float, integer), expected === 0 ? 0 : -expected);
    }),
    { numRuns: 500 },
  );
});

test('2^53 + 1 is greater than the float 2^53 although they convert to the same double', () => {
  assert.equal(compareNumbers(2n ** 53n + 1n, 2 ** 53), 1);
  assert.equal(compareNumbers(2n ** 53n, 2 ** 53), 0);
  assert.equal(compareNumbers(2n ** 63n - 1n, 2 ** 63), -1);
  assert.equal(compareNumbers(-(2n ** 63n), -(2 ** 63)), 0);
  assert.equal(compareNumbers(3n, 2.5), 1);
  assert.equal(compareNumbers(-3n, -2.5), -1);
  assert.equal(compareNumbers(2n, 2.5), -1);
});

test('infinities bound every integer and -0.0 equals 0', () => {
  assert.equal(compareNumbers(2n ** 63n - 1n, Infinity), -1);
  assert.equal(compareNumbers(-(2n ** 63n), -Infinity), 1);
  assert.equal(compareNumbers(0n, -0), 0);
  assert.equal(compareNumbers(-0, 0), 0);
});

test('NaN is unordered in comparisons but last and self-tied in ordering', () => {
  assert.ok(Number.isNaN(compareNumbers(NaN, NaN)));
  assert.ok(Number.isNaN(compareNumbers(1n, NaN)));
  assert.ok(Number.isNaN(compareNumbers(NaN, 1)));
  assert.equal(orderNumbers(NaN, NaN), 0);
  assert.equal(orderNumbers(NaN, Infinity), 1);
  assert.equal(orderNumbers(2n ** 63n - 1n, NaN), -1);
});
