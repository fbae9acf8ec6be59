import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CypherArgumentError, CypherTypeError } from '../../errors/index.js';
import { callFunction as f } from './call.fixture.js';

test('the manual’s examples of the Cypher 25 collection functions', () => {
  assert.deepEqual(f('coll.distinct', [[true, false, false, true, true, false]]), [true, false]);
  assert.deepEqual(f('coll.flatten', [[1n, [2n]]]), [1n, 2n]);
  assert.deepEqual(f('coll.flatten', [[false, ['a']], 2n]), [false, 'a']);
  assert.equal(f('coll.indexOf', [['A', 'new', 'function'], 'new']), 1n);
  assert.deepEqual(f('coll.insert', [[1n, 2n, 4n], 2n, 3n]), [1n, 2n, 3n, 4n]);
  assert.equal(f('coll.max', [[1.5, 2n, 5.4, 0n, 4n]]), 5.4);
  assert.equal(f('coll.min', [[1.5, 2n, 5.4, 0n, 4n]]), 0n);
  assert.deepEqual(f('coll.remove', [['a', 'a', 'b', 'c', 'd'], 2n]), ['a', 'a', 'c', 'd']);
  assert.deepEqual(f('coll.sort', [[3n, 1n, 4n, 2n, 'a', 'c', 'b']]), ['a', 'b', 'c', 1n, 2n, 3n, 4n]);
});

test('distinct keeps first occurrences and treats 1 and 1.0 as one value, as DISTINCT does', () => {
  assert.deepEqual(f('coll.distinct', [[2n, 1n, 1.0, null, 2n, null]]), [2n, 1n, null]);
});

test('flatten goes only as deep as asked; indexOf uses equality and answers -1 when absent', () => {
  assert.deepEqual(f('coll.flatten', [[[1n, [2n, [3n]]]], 1n]), [1n, [2n, [3n]]]);
  assert.deepEqual(f('coll.flatten', [[[1n, [2n, [3n]]]], 0n]), [[1n, [2n, [3n]]]]);
  assert.deepEqual(f('coll.flatten', [[[1n, [2n, [3n]]]], 5n]), [1n, 2n, 3n]);
  assert.throws(() => f('coll.flatten', [[1n], -1n]), CypherArgumentError);
  assert.equal(f('coll.indexOf', [[1n, 2n, 1n], 1.0]), 0n);
  assert.equal(f('coll.indexOf', [[1n], 'x']), -1n);
});

test('min and max skip nulls; sort puts nulls last', () => {
  assert.equal(f('coll.max', [[null, 'a', 1n]]), 1n);
  assert.equal(f('coll.min', [[null, 'a', 1n]]), 'a');
  assert.equal(f('coll.max', [[null]]), null);
  assert.equal(f('coll.min', [[]]), null);
  assert.deepEqual(f('coll.sort', [[null, 2n, 1n]]), [1n, 2n, null]);
});

test('null lists give null, insert keeps a null value, indexes outside the list fail', () => {
  for (const name of ['coll.distinct', 'coll.flatten', 'coll.max', 'coll.min', 'coll.sort']) {
    assert.equal(f(name, [null]), null, name);
  }
  assert.equal(f('coll.insert', [null, 0n, 1n]), null);
  assert.deepEqual(f('coll.insert', [[1n], 1n, null]), [1n, null]);
  assert.throws(() => f('coll.insert', [[1n], 2n, 0n]), CypherArgumentError);
  assert.throws(() => f('coll.insert', [[1n], -1n, 0n]), CypherArgumentError);
  assert.throws(() => f('coll.remove', [[1n], 1n]), CypherArgumentError);
  assert.throws(() => f('coll.remove', [[], 0n]), CypherArgumentError);
  assert.throws(() => f('coll.sort', ['not a list']), CypherTypeError);
});
