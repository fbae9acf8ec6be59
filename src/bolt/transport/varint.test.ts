import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { fromHex, toHex } from '../../util/index.js';
import { encodeVarint, MAX_VARINT_BYTES, readVarint } from './varint.js';

const UINT64_MAX = (1n << 64n) - 1n;

test('varints encode the values of the manifest spec examples', () => {
  assert.equal(toHex(encodeVarint(0)), '00');
  assert.equal(toHex(encodeVarint(1)), '01');
  assert.equal(toHex(encodeVarint(127)), '7f');
  assert.equal(toHex(encodeVarint(128)), '80 01');
  assert.equal(toHex(encodeVarint(1851775)), 'ff 82 71');
  assert.equal(toHex(encodeVarint(UINT64_MAX)), 'ff ff ff ff ff ff ff ff ff 01');
});

test('varints decode the spec examples and report their length', () => {
  assert.deepEqual(readVarint(fromHex('80 01')), { kind: 'VALUE', value: 128n, byteLength: 2 });
  assert.deepEqual(readVarint(fromHex('aa ff 82 71 00'), 1), {
    kind: 'VALUE',
    value: 1851775n,
    byteLength: 3,
  });
  assert.deepEqual(readVarint(fromHex('7f')), { kind: 'VALUE', value: 127n, byteLength: 1 });
});

test('a varint cut short is incomplete, not malformed', () => {
  assert.equal(readVarint(fromHex('')).kind, 'INCOMPLETE');
  assert.equal(readVarint(fromHex('80')).kind, 'INCOMPLETE');
  assert.equal(readVarint(fromHex('ff ff ff ff ff ff ff ff ff')).kind, 'INCOMPLETE');
});

test('a varint longer than ten bytes or above 64 bits is overlong', () => {
  assert.equal(readVarint(new Uint8Array(MAX_VARINT_BYTES).fill(0x80)).kind, 'OVERLONG');
  assert.equal(readVarint(fromHex('80 80 80 80 80 80 80 80 80 02')).kind, 'OVERLONG');
  assert.equal(readVarint(fromHex('80 80 80 80 80 80 80 80 80 80 00')).kind, 'OVERLONG');
});

test('encoding a negative or 65-bit varint is refused', () => {
  assert.throws(() => encodeVarint(-1), { name: 'InternalError' });
  assert.throws(() => encodeVarint(UINT64_MAX + 1n), { name: 'InternalError' });
});

test('every uint64 survives a varint round trip', () => {
  fc.assert(
    fc.property(fc.bigInt({ min: 0n, max: UINT64_MAX }), (value) => {
      const bytes = encodeVarint(value);
      assert.deepEqual(readVarint(bytes), { kind: 'VALUE', value, byteLength: bytes.length });
    }),
  );
});
