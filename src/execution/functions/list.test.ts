import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CypherArgumentError } from '../../errors/index.js';
import { callFunction as f } from './call.fixture.js';

test('range includes both bounds and follows the step in either direction', () => {
  assert.deepEqual(f('range', [0n, 3n]), [0n, 1n, 2n, 3n]);
  assert.deepEqual(f('range', [0n, 10n, 3n]), [0n, 3n, 6n, 9n]);
  assert.deepEqual(f('range', [3n, 0n, -2n]), [3n, 1n]);
  assert.deepEqual(f('range', [0n, 0n, -1n]), [0n]);
  assert.deepEqual(f('range', [0n, 1n, -1000n]), []);
  assert.deepEqual(f('range', [1n, 0n, 1000n]), []);
  assert.deepEqual(f('range', [0n, 1n, -1n]), []);
  assert.deepEqual(f('range', [0n, 1n, 2n]), [0n]);
});

test('range rejects a zero step and non-integer arguments with ArgumentErrors', () => {
  assert.throws(
    () => f('range', [2n, 8n, 0n]),
    (e: unknown) => e instanceof CypherArgumentError && e.detail === 'NumberOutOfRange',
  );
  for (const args of [
    [true, 1n, 1n],
    [0n, 1.1, 1n],
    [0n, 1n, 'x'],
    [[0n], 1n, 1n],
    [-0.0, 1n, 1n],
  ]) {
    assert.throws(
      () => f('range', args),
      (e: unknown) => e instanceof CypherArgumentError && e.detail === 'InvalidArgumentType',
    );
  }
});

test('head, last, tail and coalesce', () => {
  assert.equal(f('head', [[1n, 2n]]), 1n);
  assert.equal(f('head', [[]]), null);
  assert.equal(f('last', [[1n, 2n]]), 2n);
  assert.deepEqual(f('tail', [[1n, 2n]]), [2n]);
  assert.deepEqual(f('tail', [[]]), []);
  assert.equal(f('coalesce', [null, null, 3n, 4n]), 3n);
  assert.equal(f('coalesce', [null]), null);
  assert.equal(f('isEmpty', [[]]), true);
  assert.equal(f('isEmpty', [{ a: 1n }]), false);
});

test('valueType names the closed dynamic type', () => {
  assert.equal(f('valueType', [1n]), 'INTEGER NOT NULL');
  assert.equal(f('valueType', [null]), 'NULL');
  assert.equal(f('valueType', [[1n, 2n]]), 'LIST<INTEGER NOT NULL> NOT NULL');
  assert.equal(f('valueType', [[1n, null]]), 'LIST<INTEGER> NOT NULL');
  assert.equal(f('valueType', [[]]), 'LIST<NOTHING> NOT NULL');
});
