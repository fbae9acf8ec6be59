import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CypherArgumentError, CypherTypeError } from '../../errors/index.js';
import { Vector } from '../../values/index.js';
import { callFunction as f } from './call.fixture.js';

/** A vector's coordinates as plain numbers and bigints. */
function items(vector: Vector): unknown[] {
  return [...(vector.values as Iterable<number | bigint>)];
}

test('vector() builds each coordinate type from a list or a bracketed string', () => {
  const ints = f('vector', [[1n, 2n, 3n], 3n, 'INTEGER']) as Vector;
  assert.ok(ints instanceof Vector);
  assert.equal(ints.elementType, 'INT64');
  assert.deepEqual(items(ints), [1n, 2n, 3n]);
  const floats = f('vector', ['[1.5, 2e2, -3]', 3n, 'FLOAT32']) as Vector;
  assert.equal(floats.elementType, 'FLOAT32');
  assert.deepEqual(items(floats), [1.5, 200, -3]);
  const small = f('vector', [[-128n, 127.0], 2n, 'INTEGER8']) as Vector;
  assert.deepEqual(items(small), [-128, 127]);
  assert.equal((f('vector', [[1n], 1n, 'FLOAT']) as Vector).elementType, 'FLOAT64');
  assert.equal(f('vector_dimension_count', [small]), 2n);
});

test('null value or dimension gives null; mismatches and bad coordinates are argument errors', () => {
  assert.equal(f('vector', [null, 3n, 'INTEGER']), null);
  assert.equal(f('vector', [[1n], null, 'INTEGER']), null);
  for (const args of [
    [[1n, 2n], 3n, 'INTEGER'],
    [[1n], 0n, 'INTEGER'],
    [[300n], 1n, 'INTEGER8'],
    [[1.5], 1n, 'INTEGER32'],
    [[Number.NaN], 1n, 'FLOAT'],
    [['1'], 1n, 'FLOAT'],
    ['1, 2', 2n, 'FLOAT'],
    ['[1, x]', 2n, 'FLOAT'],
    [[1n], 1n, 'INTEGER128'],
  ] as const) {
    assert.throws(
      () => f('vector', [...args]),
      (error: unknown) => error instanceof CypherArgumentError || error instanceof CypherTypeError,
      JSON.stringify(args, (_, v: unknown) => (typeof v === 'bigint' ? String(v) : v)),
    );
  }
  assert.throws(() => f('vector_dimension_count', [[1n]]), CypherTypeError);
});
