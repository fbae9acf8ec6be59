import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { hashKey, type CypherValue } from '../../values/index.js';
import { groupKey } from './group-key.js';

const scalar: fc.Arbitrary<CypherValue> = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n }),
  fc.bigInt({ min: -5n, max: 5n }),
  fc.integer({ min: -5, max: 5 }).map((value) => value + 0.0),
  fc.double(),
  fc.constantFrom(2 ** 63, -(2 ** 63), -0, 2 ** 53 + 2),
  fc.string({ maxLength: 3 }),
  fc.constantFrom('T', 'F', 'N', 'i1;', 's1:a'),
);
const value: fc.Arbitrary<CypherValue> = fc.oneof(scalar, fc.array(scalar, { maxLength: 2 }));

describe('groupKey', () => {
  it('gives two values the same key exactly when hashKey does (equivalence)', () => {
    fc.assert(
      fc.property(value, value, (a, b) => {
        assert.equal(groupKey(a) === groupKey(b), hashKey(a) === hashKey(b));
      }),
      { numRuns: 3000 },
    );
  });

  it('keys integers by themselves and integral floats by the integer they equal', () => {
    assert.equal(groupKey(7n), 7n);
    assert.equal(groupKey(7.0), 7n);
    assert.equal(groupKey(-0), 0n);
    assert.equal(groupKey(true), true);
    assert.equal(groupKey(null), null);
    assert.equal(typeof groupKey(0.5), 'string');
  });
});
