import assert from 'node:assert/strict';
import { test } from 'node:test';
import { toHex } from '../../util/index.js';
import {
  decodeWalHeader,
  encodeWalHeader,
  parseWalSegmentName,
  walSegmentName,
  type WalSegmentHeader,
} from './wal-format.js';

const header: WalSegmentHeader = { formatVersion: 1, firstCommitTs: 42, databaseId: 'db-1' };

test('a segment header is laid out byte by byte as wal-format.ts documents', () => {
  const bytes = encodeWalHeader(header);
  assert.equal(bytes.length, 26 + 4);
  assert.equal(
    toHex(bytes.subarray(0, 26)),
    '51 56 52 57 41 4c 30 31 01 00 00 00 2a 00 00 00 00 00 00 00 04 00 64 62 2d 31',
  );
});

test('a header decodes to its fields and its end', () => {
  const bytes = encodeWalHeader({ ...header, firstCommitTs: 2 ** 40 + 3 });
  assert.deepEqual(decodeWalHeader(bytes), {
    kind: 'header',
    header: { ...header, firstCommitTs: 2 ** 40 + 3 },
    end: bytes.length,
  });
});

test('every proper prefix of a header is torn, and a bad checksum too', () => {
  const bytes = encodeWalHeader(header);
  for (let length = 0; length < bytes.length; length++) {
    assert.equal(decodeWalHeader(bytes.subarray(0, length)).kind, 'torn', `prefix ${length}`);
  }
  const damaged = bytes.slice();
  damaged[13] = 9;
  assert.equal(decodeWalHeader(damaged).kind, 'torn');
});

test('a file that does not start with the magic is foreign', () => {
  assert.equal(decodeWalHeader(new TextEncoder().encode('hello world, not a WAL')).kind, 'foreign');
});

test('segment names carry the first commit ts in 20 digits, so sorting names sorts segments', () => {
  assert.equal(walSegmentName(42), 'wal-00000000000000000042.log');
  assert.equal(parseWalSegmentName('wal-00000000000000000042.log'), 42);
  assert.equal(parseWalSegmentName('wal-42.log'), undefined);
  assert.equal(parseWalSegmentName('snapshot-00000000000000000042.bin'), undefined);
  const names = [walSegmentName(100), walSegmentName(9), walSegmentName(2 ** 50)];
  assert.deepEqual([...names].sort(), [walSegmentName(9), walSegmentName(100), walSegmentName(2 ** 50)]);
});
