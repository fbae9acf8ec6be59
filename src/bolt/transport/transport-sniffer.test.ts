import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { fromHex } from '../../util/index.js';
import { SNIFF_MAX_BYTES, sniffTransport } from './transport-sniffer.js';

const OPENINGS: readonly (readonly [hex: string, kind: string])[] = [
  ['60 60 b0 17 00 00 01 ff', 'BOLT'],
  ['47 45 54 20 2f 20 48 54 54 50', 'WEBSOCKET'],
  ['16 03 01 01 6a 01', 'TLS'], // JS 1.7.8 default config (driver-matrix (a))
  ['16 03 03 00 c8', 'TLS'],
  ['50 52 4f 58 59 20 54 43 50 34', 'PROXY'],
  ['0d 0a 0d 0a 00 0d 0a 51 55 49 54 0a', 'PROXY'],
];

test('each known opening is classified once its signature is complete', () => {
  for (const [hex, kind] of OPENINGS) {
    const bytes = fromHex(hex);
    assert.equal(sniffTransport(bytes), kind, hex);
    assert.equal(sniffTransport(bytes.subarray(0, SNIFF_MAX_BYTES)), kind, hex);
  }
});

test('a prefix of a known opening asks for more bytes', () => {
  assert.equal(sniffTransport(new Uint8Array(0)), 'NEED_MORE');
  assert.equal(sniffTransport(fromHex('60 60 b0')), 'NEED_MORE');
  assert.equal(sniffTransport(fromHex('47 45')), 'NEED_MORE');
  assert.equal(sniffTransport(fromHex('16 03')), 'NEED_MORE');
  assert.equal(sniffTransport(fromHex('50 52 4f 58')), 'NEED_MORE');
});

test('bytes that fit no signature are unknown as soon as they stop fitting', () => {
  assert.equal(sniffTransport(fromHex('00')), 'UNKNOWN');
  assert.equal(sniffTransport(fromHex('60 61')), 'UNKNOWN');
  assert.equal(sniffTransport(fromHex('16 03 05')), 'UNKNOWN');
  assert.equal(sniffTransport(fromHex('50 4f 53 54 20')), 'UNKNOWN'); // "POST "
  assert.equal(sniffTransport(fromHex('60 60 b0 18')), 'UNKNOWN');
});

test('any input is decided by its first five bytes', () => {
  fc.assert(
    fc.property(fc.uint8Array({ minLength: SNIFF_MAX_BYTES, maxLength: 12 }), (bytes) => {
      const verdict = sniffTransport(bytes);
      assert.notEqual(verdict, 'NEED_MORE');
      assert.equal(sniffTransport(bytes.subarray(0, SNIFF_MAX_BYTES)), verdict);
    }),
  );
});
