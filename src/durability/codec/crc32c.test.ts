import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { crc32c } from './crc32c.js';

const ascii = (text: string): Uint8Array => new TextEncoder().encode(text);

/** The textbook one-byte-at-a-time CRC-32C, to check the sliced implementation against. */
function bitwiseCrc32c(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of bytes) {
    crc ^= byte;
    for (let bit = 0; bit < 8; bit++) crc = crc & 1 ? (crc >>> 1) ^ 0x82f63b78 : crc >>> 1;
  }
  return (crc ^ 0xffffffff) >>> 0;
}

test('crc32c of "123456789" is the Castagnoli check value 0xE3069283', () => {
  assert.equal(crc32c(ascii('123456789')), 0xe3069283);
});

test('crc32c of no bytes is 0 and of 32 zero bytes is the RFC 3720 value 0x8A9136AA', () => {
  assert.equal(crc32c(new Uint8Array(0)), 0);
  assert.equal(crc32c(new Uint8Array(32)), 0x8a9136aa);
  assert.equal(crc32c(new Uint8Array(32).fill(0xff)), 0x62a8ab43);
});

test('crc32c agrees with the bitwise definition for any bytes', () => {
  fc.assert(
    fc.property(fc.uint8Array({ maxLength: 100 }), (bytes) => {
      assert.equal(crc32c(bytes), bitwiseCrc32c(bytes));
    }),
  );
});

test('crc32c continued with a seed equals the checksum of the concatenation', () => {
  fc.assert(
    fc.property(fc.uint8Array({ maxLength: 40 }), fc.uint8Array({ maxLength: 40 }), (first, second) => {
      const joined = new Uint8Array([...first, ...second]);
      assert.equal(crc32c(second, crc32c(first)), crc32c(joined));
    }),
  );
});

test('crc32c works on a view into a larger buffer', () => {
  const buffer = ascii('xx123456789yy');
  assert.equal(crc32c(buffer.subarray(2, 11)), 0xe3069283);
});
