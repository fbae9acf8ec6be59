import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CypherArgumentError, CypherTypeError } from '../../errors/index.js';
import { Vector } from '../../values/index.js';
import { callFunction as f } from './call.fixture.js';

test('cosine similarity is (1 + cos θ) / 2: 1 alike, 0.5 orthogonal, 0 opposite', () => {
  assert.equal(
    f('vector.similarity.cosine', [
      [1, 0],
      [2.5, 0],
    ]),
    1,
  );
  assert.equal(
    f('vector.similarity.cosine', [
      [1n, 0n],
      [0n, 1n],
    ]),
    0.5,
  );
  assert.equal(
    f('vector.similarity.cosine', [
      [1, 0],
      [-1, 0],
    ]),
    0,
  );
  const value = f('vector.similarity.cosine', [
    [1, 2, 3],
    [4, 5, 6],
  ]) as number;
  assert.ok(Math.abs(value - (1 + 32 / Math.sqrt(14 * 77)) / 2) < 1e-12);
});

test('Euclidean similarity is 1 / (1 + d²) (the manual’s example: 1/23)', () => {
  assert.equal(
    f('vector.similarity.euclidean', [
      [4, 5, 6],
      [2, 8, 3],
    ]),
    1 / 23,
  );
  assert.equal(
    f('vector.similarity.euclidean', [
      [1n, 2n],
      [1n, 2n],
    ]),
    1,
  );
});

test('VECTOR values are accepted as well as lists', () => {
  const a = new Vector(Float32Array.of(1, 0));
  const b = new Vector(Int8Array.of(0, 3));
  assert.equal(f('vector.similarity.cosine', [a, b]), 0.5);
  assert.equal(f('vector.similarity.euclidean', [a, [1, 0]]), 1);
});

test('null gives null, as does a zero vector for cosine; mismatched or empty dimensions and non-numbers fail', () => {
  assert.equal(f('vector.similarity.cosine', [null, [1]]), null);
  assert.equal(f('vector.similarity.euclidean', [[1], null]), null);
  assert.equal(
    f('vector.similarity.cosine', [
      [0, 0],
      [1, 1],
    ]),
    null,
  );
  assert.throws(() => f('vector.similarity.cosine', [[1, 2], [1]]), CypherArgumentError);
  assert.throws(() => f('vector.similarity.euclidean', [[], []]), CypherArgumentError);
  assert.throws(() => f('vector.similarity.cosine', [['a'], [1]]), CypherTypeError);
  assert.throws(() => f('vector.similarity.cosine', ['a', [1]]), CypherTypeError);
});
