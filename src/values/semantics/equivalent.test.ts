import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { cypherValue, equivalentPair, valueOfKind } from '../../../test/support/value-arbitraries.js';
import { Node } from '../graph/node.js';
import type { ValueKind } from '../kind.js';
import { DateTime } from '../temporal/date-time.js';
import { equivalent } from './equivalent.js';
import { hashKey } from './hash-key.js';
import { orderCompare, TYPE_ORDER } from './order-compare.js';

test('null is equivalent to null and NaN to NaN, also nested, but not to each other', () => {
  assert.equal(equivalent(null, null), true);
  assert.equal(equivalent(NaN, NaN), true);
  assert.equal(equivalent([null], [null]), true);
  assert.equal(equivalent({ k: NaN }, { k: NaN }), true);
  assert.equal(equivalent(null, NaN), false);
  assert.equal(equivalent([null], [NaN]), false);
});

test('integers and floats that are equal are equivalent, so DISTINCT keeps one of 1 and 1.0', () => {
  assert.equal(equivalent(1n, 1.0), true);
  assert.equal(equivalent(-0, 0n), true);
  assert.equal(equivalent(2n ** 53n + 1n, 2 ** 53), false);
  assert.equal(hashKey(1n), hashKey(1.0));
  assert.equal(hashKey(-(2n ** 63n)), hashKey(-(2 ** 63)));
  assert.notEqual(hashKey(2n ** 53n + 1n), hashKey(2 ** 53));
});

test('lists of equal maps group together (TCK Return5, With5)', () => {
  assert.equal(equivalent({ name: ['A', 'B'] }, { name: ['A', 'B'] }), true);
  const nested = { name: [{ name2: ['A', 'B'] }, { baz: { apa: ['A', 'B'] } }] };
  const copy = { name: [{ name2: ['A', 'B'] }, { baz: { apa: ['A', 'B'] } }] };
  assert.equal(hashKey(nested), hashKey(copy));
});

test('hash keys do not confuse values whose naive serialisations collide', () => {
  const distinct = [
    ['ab', 'c'],
    ['a', 'bc'],
    ['s1:a'],
    'L1[s1:a]',
    [1n, 2n],
    [12n],
    { a: 'b' },
    { ab: '' },
    [[]],
    [[], []],
    'i1;',
    1n,
    true,
    'T',
    new Uint8Array([1]),
    [1n],
  ];
  const keys = new Set(distinct.map(hashKey));
  assert.equal(keys.size, distinct.length);
});

test('nodes group by id and zoned date-times by canonical zone', () => {
  assert.equal(hashKey(new Node({ id: 1n, labels: ['A'] })), hashKey(new Node({ id: 1n })));
  assert.equal(hashKey(new DateTime(0n, 0, 'Asia/Calcutta')), hashKey(new DateTime(0n, 0, 'Asia/Kolkata')));
  assert.notEqual(hashKey(new DateTime(0n, 0, 'UTC')), hashKey(new DateTime(0n, 0, 0)));
});

test('equivalence is reflexive and symmetric', () => {
  fc.assert(
    fc.property(cypherValue(), cypherValue(), (a, b) => {
      assert.equal(equivalent(a, a), true);
      assert.equal(equivalent(a, b), equivalent(b, a));
    }),
    { numRuns: 500 },
  );
});

test('differently represented equivalent values are equivalent, tie in order and share a hash key', () => {
  fc.assert(
    fc.property(equivalentPair(), ([a, twin]) => {
      assert.equal(equivalent(a, twin), true);
      assert.equal(orderCompare(a, twin), 0);
      assert.equal(hashKey(a), hashKey(twin));
    }),
    { numRuns: 500 },
  );
});

test('two values are equivalent exactly when their hash keys are equal', () => {
  const kinds = Object.keys(TYPE_ORDER) as ValueKind[];
  const sameKindPair = fc
    .constantFrom(...kinds)
    .chain((kind) => fc.tuple(valueOfKind(kind), valueOfKind(kind)));
  fc.assert(
    fc.property(fc.oneof(sameKindPair, fc.tuple(cypherValue(), cypherValue())), ([a, b]) => {
      assert.equal(hashKey(a) === hashKey(b), equivalent(a, b));
    }),
    { numRuns: 1000 },
  );
});
