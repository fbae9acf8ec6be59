import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { valueOfKind } from '../../test/support/value-arbitraries.js';
import { InternalError } from '../errors/index.js';
import type { CypherValue } from './cypher-value.js';
import { kindOf, type ValueKind } from './kind.js';
import { TYPE_ORDER } from './semantics/order-compare.js';

const KINDS = Object.keys(TYPE_ORDER) as ValueKind[];

test('every generated value of a kind is classified as that kind', () => {
  for (const kind of KINDS) {
    fc.assert(
      fc.property(valueOfKind(kind), (value) => {
        assert.equal(kindOf(value), kind);
      }),
      { numRuns: 30 },
    );
  }
});

test('primitives, containers and byte arrays are classified by their JS type', () => {
  assert.equal(kindOf(null), 'NULL');
  assert.equal(kindOf(1n), 'INTEGER');
  assert.equal(kindOf(1), 'FLOAT');
  assert.equal(kindOf(NaN), 'FLOAT');
  assert.equal(kindOf(''), 'STRING');
  assert.equal(kindOf(false), 'BOOLEAN');
  assert.equal(kindOf([]), 'LIST');
  assert.equal(kindOf({}), 'MAP');
  assert.equal(kindOf(Object.create(null) as CypherValue), 'MAP');
  assert.equal(kindOf(new Uint8Array(2)), 'BYTES');
  assert.equal(kindOf(Buffer.from('ab')), 'BYTES');
});

test('a map with a "constructor" key is still a map', () => {
  assert.equal(kindOf({ constructor: 'x' }), 'MAP');
});

test('a non-value is an internal error, not a silent misclassification', () => {
  assert.throws(() => kindOf(new Date() as unknown as CypherValue), InternalError);
  assert.throws(() => kindOf(new Int32Array(1) as unknown as CypherValue), InternalError);
});
