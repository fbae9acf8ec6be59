import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { CypherArithmeticError, CypherTypeError } from '../../errors/index.js';
import { Duration, INT64_MAX, INT64_MIN } from '../../values/index.js';
import { add, divide, modulo, multiply, negate, power, subtract } from './arithmetic.js';

const int64 = fc.bigInt({ min: INT64_MIN, max: INT64_MAX });
const inRange = (value: bigint): boolean => value >= INT64_MIN && value <= INT64_MAX;

test('INTEGER +, -, * are exact inside int64 and raise IntegerOverflow outside it', () => {
  const operations: [(a: bigint, b: bigint) => unknown, (a: bigint, b: bigint) => bigint][] = [
    [add, (a, b) => a + b],
    [subtract, (a, b) => a - b],
    [multiply, (a, b) => a * b],
  ];
  fc.assert(
    fc.property(int64, int64, (a, b) => {
      for (const [operation, exact] of operations) {
        const expected = exact(a, b);
        if (inRange(expected)) assert.equal(operation(a, b), expected);
        else
          assert.throws(
            () => operation(a, b),
            (e: unknown) => e instanceof CypherArithmeticError && e.detail === 'IntegerOverflow',
          );
      }
    }),
    { numRuns: 500 },
  );
});

test('INTEGER division truncates toward zero and % takes the sign of the dividend', () => {
  fc.assert(
    fc.property(
      int64,
      int64.filter((b) => b !== 0n),
      (a, b) => {
        if (a === INT64_MIN && b === -1n) return;
        const quotient = divide(a, b) as bigint;
        const remainder = modulo(a, b) as bigint;
        assert.equal(quotient * b + remainder, a);
        assert.ok(remainder === 0n || remainder < 0n === a < 0n);
      },
    ),
    { numRuns: 500 },
  );
  assert.throws(() => divide(INT64_MIN, -1n), CypherArithmeticError);
  assert.throws(() => modulo(1n, 0n), CypherArithmeticError);
});

test('FLOAT arithmetic follows IEEE 754 and mixing makes a FLOAT', () => {
  assert.equal(divide(1.0, 0.0), Infinity);
  assert.ok(Number.isNaN(divide(0.0, 0n)));
  assert.ok(Number.isNaN(modulo(1.0, 0.0)));
  assert.equal(multiply(2n, 1.5), 3.0);
  assert.equal(subtract(1.5, 1n), 0.5);
  assert.equal(power(2n, -1n), 0.5);
  assert.equal(negate(1.5), -1.5);
  assert.equal(modulo(-5.5, 2n), -1.5);
});

test('durations take part in arithmetic through the temporal functions', () => {
  const day = new Duration(0n, 1n, 0n, 0);
  assert.ok(add(day, day) instanceof Duration);
  assert.ok(multiply(2n, day) instanceof Duration);
  assert.ok(negate(day) instanceof Duration);
  assert.throws(() => add(true, 1n), CypherTypeError);
  assert.throws(() => modulo('a', 1n), CypherTypeError);
});
