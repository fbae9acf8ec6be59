import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { DatabaseError, Status } from '../../errors/index.js';
import type { CommitRecord, TokenKind } from '../../storage/index.js';
import { commitRecord } from './codec-arbitraries.fixture.js';
import { decodeCommitRecord, encodeCommitRecord } from './record-codec.js';

function isStorageDamage(error: unknown): boolean {
  return error instanceof DatabaseError && error.status === Status.StorageDamageDetected;
}

test('every commit record round-trips exactly, every change kind included', () => {
  fc.assert(
    fc.property(commitRecord(), (record) => {
      assert.deepStrictEqual(decodeCommitRecord(encodeCommitRecord(record)), record);
    }),
    { numRuns: 500 },
  );
});

test('tokens written without names are restored from the resolver, in their original order', () => {
  fc.assert(
    fc.property(commitRecord(), fc.func(fc.boolean()), (record, omit) => {
      const known = new Map(record.tokens.map((token) => [`${token.kind}:${token.id}`, token.name]));
      const bytes = encodeCommitRecord(record, { isTokenDefined: (token) => omit(token.kind, token.id) });
      const resolveToken = (kind: TokenKind, id: number): string | undefined => known.get(`${kind}:${id}`);
      assert.deepStrictEqual(decodeCommitRecord(bytes, { resolveToken }), record);
    }),
    { numRuns: 200 },
  );
});

test('a token whose name was omitted and cannot be resolved is damage', () => {
  const record: CommitRecord = {
    commitTs: 1,
    tokens: [{ kind: 'LABEL', id: 3, name: 'Person' }],
    changes: [],
  };
  const bytes = encodeCommitRecord(record, { isTokenDefined: () => true });
  assert.throws(() => decodeCommitRecord(bytes), isStorageDamage);
  assert.throws(() => decodeCommitRecord(bytes, { resolveToken: () => undefined }), isStorageDamage);
});

test('every truncation of an encoded record is StorageDamageDetected, never another error', () => {
  fc.assert(
    fc.property(commitRecord(), (record) => {
      const bytes = encodeCommitRecord(record);
      for (let length = 0; length < bytes.length; length++) {
        assert.throws(() => decodeCommitRecord(bytes.subarray(0, length)), isStorageDamage);
      }
    }),
    { numRuns: 100 },
  );
});

test('bytes after the end of a record are damage', () => {
  const bytes = encodeCommitRecord({ commitTs: 7, tokens: [], changes: [{ kind: 'DeleteNode', id: 1 }] });
  assert.throws(() => decodeCommitRecord(new Uint8Array([...bytes, 0])), isStorageDamage);
});

test('random bytes decode to a record or fail with StorageDamageDetected', () => {
  fc.assert(
    fc.property(fc.uint8Array({ maxLength: 60 }), (bytes) => {
      try {
        decodeCommitRecord(bytes);
      } catch (error) {
        assert.ok(isStorageDamage(error), String(error));
      }
    }),
    { numRuns: 2000 },
  );
});
