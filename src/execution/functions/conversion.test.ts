import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CypherTypeError } from '../../errors/index.js';
import { Point } from '../../values/index.js';
import { callFunction as f } from './call.fixture.js';

const invalidValue = (error: unknown): boolean =>
  error instanceof CypherTypeError && error.detail === 'InvalidArgumentValue';

test('toBoolean converts booleans, strings and integers and rejects other types', () => {
  assert.equal(f('toBoolean', [true]), true);
  assert.equal(f('toBoolean', ['true']), true);
  assert.equal(f('toBoolean', [' FALSE ']), false);
  assert.equal(f('toBoolean', ['yes']), null);
  assert.equal(f('toBoolean', [0n]), false);
  assert.equal(f('toBoolean', [null]), null);
  for (const invalid of [[], {}, 1.0]) assert.throws(() => f('toBoolean', [invalid]), invalidValue);
  assert.equal(f('toBooleanOrNull', [1.0]), null);
});

test('toInteger truncates floats, parses strings and rejects lists and maps', () => {
  assert.equal(f('toInteger', [82.9]), 82n);
  assert.equal(f('toInteger', [-2.9]), -2n);
  assert.equal(f('toInteger', ['42']), 42n);
  assert.equal(f('toInteger', ['2.7']), 2n);
  assert.equal(f('toInteger', ['foo']), null);
  assert.equal(f('toInteger', ['']), null);
  assert.equal(f('toInteger', [true]), 1n);
  for (const invalid of [[], {}]) assert.throws(() => f('toInteger', [invalid]), invalidValue);
  assert.equal(f('toIntegerOrNull', [[]]), null);
});

test('toFloat converts numbers and numeric strings and rejects booleans', () => {
  assert.equal(f('toFloat', [3n]), 3.0);
  assert.equal(f('toFloat', ['3.4']), 3.4);
  assert.equal(f('toFloat', ['1e3']), 1000);
  assert.equal(f('toFloat', ['x']), null);
  assert.throws(() => f('toFloat', [true]), invalidValue);
  assert.equal(f('toFloatOrNull', [true]), null);
});

test('toString renders numbers like Neo4j and rejects maps', () => {
  assert.equal(f('toString', [42n]), '42');
  assert.equal(f('toString', [1.0]), '1.0');
  assert.equal(f('toString', [1e20]), '1.0E20');
  assert.equal(f('toString', [false]), 'false');
  assert.equal(f('toString', [new Point(7203, 1, 2)]), "point({x: 1.0, y: 2.0, crs: 'cartesian'})");
  assert.throws(() => f('toString', [{}]), invalidValue);
  assert.equal(f('toStringOrNull', [{}]), null);
});

test('the list conversions convert each element and null what does not convert', () => {
  assert.deepEqual(f('toIntegerList', [['1', 2.5, 'x', null, []]]), [1n, 2n, null, null, null]);
  assert.deepEqual(f('toFloatList', [[1n, '2']]), [1.0, 2.0]);
  assert.deepEqual(f('toStringList', [[1n, 1.5, true]]), ['1', '1.5', 'true']);
  assert.deepEqual(f('toBooleanList', [['true', 0n, 1.5]]), [true, false, null]);
  assert.equal(f('toIntegerList', [null]), null);
});
