import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { decodeDiscard } from './discard.js';
import { decodePull } from './pull.js';

const isRequestInvalid = (error: Error & { code?: string }) =>
  error.code === 'Neo.ClientError.Request.Invalid';

describe('decodePull and decodeDiscard', () => {
  test('read n and qid, qid defaulting to the latest statement', () => {
    assert.deepEqual(decodePull([{ n: 1000n }]), { kind: 'PULL', n: 1000, qid: -1 });
    assert.deepEqual(decodeDiscard([{ n: -1n, qid: 0n }]), { kind: 'DISCARD', n: -1, qid: 0 });
  });

  test('require n to be -1 or at least 1', () => {
    assert.throws(() => decodePull([{}]), /"n" in PULL extra: it is required/);
    assert.throws(() => decodePull([{ n: 0n }]), isRequestInvalid);
    assert.throws(() => decodePull([{ n: -2n }]), isRequestInvalid);
    assert.throws(
      () => decodeDiscard([{ n: 10.0 }]),
      /Expected "n" in DISCARD extra to be an integer, got float/,
    );
    assert.throws(() => decodePull([{ n: 1n, qid: -2n }]), isRequestInvalid);
    assert.throws(() => decodePull([]), isRequestInvalid);
  });

  test('clamp counts beyond 2^53 instead of losing precision silently', () => {
    assert.equal(decodePull([{ n: 2n ** 62n }]).n, Number.MAX_SAFE_INTEGER);
  });

  test('accept exactly the valid n values (property)', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n }), (n) => {
        const valid = n === -1n || n >= 1n;
        try {
          const decoded = decodePull([{ n }]);
          return valid && (n === -1n ? decoded.n === -1 : decoded.n >= 1);
        } catch (error) {
          return !valid && isRequestInvalid(error as Error);
        }
      }),
    );
  });
});
