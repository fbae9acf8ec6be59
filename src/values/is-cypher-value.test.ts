import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { cypherValue } from '../../test/support/value-arbitraries.js';
import { INT64_MAX, INT64_MIN } from './int64.js';
import { isCypherValue } from './is-cypher-value.js';

test('every generated Cypher value is accepted', () => {
  fc.assert(
    fc.property(cypherValue(), (value) => isCypherValue(value)),
    { numRuns: 300 },
  );
});

test('int64 extremes are integers, one beyond is not', () => {
  assert.equal(isCypherValue(INT64_MAX), true);
  assert.equal(isCypherValue(INT64_MIN), true);
  assert.equal(isCypherValue(INT64_MAX + 1n), false);
  assert.equal(isCypherValue([INT64_MIN - 1n]), false);
});

test('undefined, functions, symbols and non-plain objects are rejected, also when nested', () => {
  const rejected: unknown[] = [
    undefined,
    () => 1,
    Symbol('s'),
    new Date(),
    new Map(),
    new Int16Array(2),
    [undefined],
    { a: undefined },
    { a: [1n, () => 2] },
    { a: new Set() },
  ];
  for (const value of rejected) assert.equal(isCypherValue(value), false, String(value));
});

test('sparse arrays, symbol keys, accessors and cycles are rejected', () => {
  const sparse: unknown[] = [];
  sparse[2] = 1n;
  assert.equal(isCypherValue(sparse), false);
  assert.equal(isCypherValue({ [Symbol('k')]: 1n }), false);
  assert.equal(isCypherValue(Object.defineProperty({}, 'a', { get: () => 1n, enumerable: true })), false);
  const cyclic: unknown[] = [];
  cyclic.push(cyclic);
  assert.equal(isCypherValue(cyclic), false);
});

test('shared (non-cyclic) substructures are accepted', () => {
  const shared = [1n];
  assert.equal(isCypherValue({ a: shared, b: shared, c: [shared, shared] }), true);
});

test('plain and null-prototype maps are accepted, including a "__proto__" key', () => {
  const map = Object.defineProperty({}, '__proto__', { value: 1n, enumerable: true });
  assert.equal(isCypherValue(map), true);
  assert.equal(isCypherValue(Object.create(null)), true);
  assert.equal(isCypherValue({ toString: 'x', constructor: [true] }), true);
});
