import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { PackStreamError, type PackStreamErrorReason } from '../errors/index.js';
import { fromHex } from '../util/index.js';
import {
  DEFAULT_LIMITS,
  RESERVED_MARKERS,
  Structure,
  Unpacker,
  decode,
  encode,
  isReservedMarker,
  type PackStreamLimits,
} from './index.js';

function decodeHex(hex: string, limits?: Partial<PackStreamLimits>): unknown {
  return decode(fromHex(hex), limits === undefined ? undefined : { limits });
}

function throwsReason(action: () => unknown, reason: PackStreamErrorReason, offset?: number): void {
  assert.throws(action, (error: unknown) => {
    assert.ok(error instanceof PackStreamError, `expected a PackStreamError, got ${String(error)}`);
    assert.equal(error.reason, reason);
    if (offset !== undefined) assert.equal(error.offset, offset);
    return true;
  });
}

describe('Unpacker accepts every width', () => {
  test('integers in any wider form decode to the same bigint', () => {
    const forms: readonly [string, bigint][] = [
      ['01', 1n],
      ['C8 01', 1n],
      ['C9 00 01', 1n],
      ['CA 00 00 00 01', 1n],
      ['CB 00 00 00 00 00 00 00 01', 1n],
      ['F0', -16n],
      ['C8 F0', -16n],
      ['C9 FF F0', -16n],
      ['CA FF FF FF F0', -16n],
      ['CB FF FF FF FF FF FF FF F0', -16n],
      ['C8 80', -128n],
      ['C9 80 00', -32768n],
      ['CA 80 00 00 00', -2147483648n],
      ['CB 80 00 00 00 00 00 00 00', -(2n ** 63n)],
    ];
    for (const [hex, value] of forms) assert.equal(decodeHex(hex), value, hex);
  });

  test('strings, bytes, lists and maps in any wider size form decode alike', () => {
    for (const hex of ['81 41', 'D0 01 41', 'D1 00 01 41', 'D2 00 00 00 01 41'])
      assert.equal(decodeHex(hex), 'A');
    for (const hex of ['CC 01 07', 'CD 00 01 07', 'CE 00 00 00 01 07'])
      assert.deepEqual(decodeHex(hex), Uint8Array.of(7));
    for (const hex of ['91 01', 'D4 01 01', 'D5 00 01 01', 'D6 00 00 00 01 01'])
      assert.deepEqual(decodeHex(hex), [1n]);
    for (const hex of ['A1 81 6B 01', 'D8 01 81 6B 01', 'D9 00 01 81 6B 01', 'DA 00 00 00 01 81 6B 01']) {
      assert.deepEqual(decodeHex(hex), { k: 1n });
    }
  });

  test('the legacy STRUCT_8 (DC) and STRUCT_16 (DD) headers are accepted on input', () => {
    assert.deepEqual(decodeHex('DC 01 44 01'), new Structure(0x44, [1n]));
    assert.deepEqual(decodeHex('DD 00 01 44 01'), new Structure(0x44, [1n]));
    assert.deepEqual(decodeHex('DC 00 7F'), new Structure(0x7f, []));
  });
});

describe('Unpacker values', () => {
  test('small integers are shared bigint values and wide ones decode exactly', () => {
    assert.equal(decodeHex('CB 7F FF FF FF FF FF FF FF'), 2n ** 63n - 1n);
    assert.equal(decodeHex('CB 00 00 00 01 00 00 00 00'), 2n ** 32n);
    assert.equal(decodeHex('CA 7F FF FF FF'), 2147483647n);
    assert.equal(decodeHex('C9 7F FF'), 32767n);
  });

  test('a map key "__proto__" becomes an own property and the prototype stays Object.prototype', () => {
    const map = decodeHex('A2 89 5F 5F 70 72 6F 74 6F 5F 5F A1 81 78 01 81 79 02') as Record<string, unknown>;
    assert.equal(Object.getPrototypeOf(map), Object.prototype);
    assert.deepEqual(Object.keys(map), ['__proto__', 'y']);
    assert.ok(Object.hasOwn(map, '__proto__'));
    assert.deepEqual(Object.getOwnPropertyDescriptor(map, '__proto__')?.value, { x: 1n });
    assert.equal((map as { x?: unknown }).x, undefined);
  });

  test('duplicate map keys keep the last value, at the position of the first', () => {
    assert.deepEqual(Object.entries(decodeHex('A3 81 61 01 81 62 02 81 61 03') as object), [
      ['a', 3n],
      ['b', 2n],
    ]);
  });

  test('a leading byte order mark is part of the string', () => {
    assert.equal(decodeHex('86 EF BB BF 61 62 63'), '\uFEFFabc');
    assert.equal(decode(encode(`\uFEFF${'é'.repeat(40)}`)), `\uFEFF${'é'.repeat(40)}`);
  });

  test('decoded bytes are a copy and a plain Uint8Array, even from a Node Buffer', () => {
    const input = Buffer.from([0xcc, 0x02, 0x01, 0x02]);
    const bytes = decode(input) as Uint8Array;
    input[2] = 0xff;
    assert.equal(Object.getPrototypeOf(bytes), Uint8Array.prototype);
    assert.deepEqual(bytes, Uint8Array.of(1, 2));
  });

  test('input that is a view into a larger buffer is read at its own offsets', () => {
    const whole = fromHex('FF FF FF 92 C1 3F F3 AE 14 7A E1 47 AE CB 00 00 00 01 00 00 00 00 FF');
    assert.deepEqual(decode(whole.subarray(3, whole.length - 1)), [1.23, 2n ** 32n]);
    const longAscii = encode('a'.repeat(100));
    const padded = new Uint8Array(longAscii.length + 5);
    padded.set(longAscii, 5);
    assert.equal(decode(padded.subarray(5)), 'a'.repeat(100));
  });

  test('the hydrate hook receives tag and fields, inside-out, and its result replaces the structure', () => {
    const seen: number[] = [];
    const value = decode(encode([new Structure(0x4e, [1n, new Structure(0x44, [2n])])]), {
      hydrate: (tag, fields) => {
        seen.push(tag);
        return { tag, fields };
      },
    });
    assert.deepEqual(seen, [0x44, 0x4e]);
    assert.deepEqual(value, [{ tag: 0x4e, fields: [1n, { tag: 0x44, fields: [2n] }] }]);
  });
});

describe('Unpacker incremental reading', () => {
  test('a message header is read first, then each field at the new offset', () => {
    const bytes = encode(new Structure(0x10, ['RETURN 1', { x: 1n }, {}]));
    const unpacker = new Unpacker();
    assert.deepEqual(unpacker.readStructHeader(bytes), { fieldCount: 3, tag: 0x10 });
    assert.equal(unpacker.offset, 2);
    const fields: unknown[] = [];
    for (let index = 0; index < 3; index++) fields.push(unpacker.unpack(bytes, unpacker.offset));
    assert.deepEqual(fields, ['RETURN 1', { x: 1n }, {}]);
    assert.equal(unpacker.offset, bytes.length);
  });

  test('readStructHeader accepts DC/DD headers and refuses anything that is not a structure', () => {
    const unpacker = new Unpacker();
    assert.deepEqual(unpacker.readStructHeader(fromHex('DC 01 70 A0')), { fieldCount: 1, tag: 0x70 });
    assert.deepEqual(unpacker.readStructHeader(fromHex('DD 00 00 7E')), { fieldCount: 0, tag: 0x7e });
    throwsReason(() => unpacker.readStructHeader(fromHex('91 01')), 'INVALID_STRUCTURE', 0);
    throwsReason(() => unpacker.readStructHeader(fromHex('')), 'UNEXPECTED_END', 0);
    throwsReason(() => unpacker.readStructHeader(fromHex('B1')), 'UNEXPECTED_END');
    throwsReason(() => unpacker.readStructHeader(fromHex('B0 80')), 'INVALID_STRUCTURE', 0);
  });

  test('consecutive values are read one at a time from the same input', () => {
    const bytes = fromHex('01 81 61 C0 C3');
    const unpacker = new Unpacker();
    const values = [unpacker.unpack(bytes)];
    while (unpacker.offset < bytes.length) values.push(unpacker.unpack(bytes, unpacker.offset));
    assert.deepEqual(values, [1n, 'a', null, true]);
  });

  test('a failed read can be retried from the same offset once more bytes have arrived', () => {
    const complete = encode(['abc', 1.5]);
    const unpacker = new Unpacker();
    throwsReason(() => unpacker.unpack(complete.subarray(0, 5)), 'UNEXPECTED_END');
    assert.deepEqual(unpacker.unpack(complete, 0), ['abc', 1.5]);
  });
});

describe('Unpacker errors', () => {
  test('every reserved marker is refused with RESERVED_MARKER at its offset', () => {
    assert.equal(RESERVED_MARKERS.length, 26);
    for (const marker of RESERVED_MARKERS) {
      throwsReason(() => decode(Uint8Array.of(marker)), 'RESERVED_MARKER', 0);
      throwsReason(() => decode(Uint8Array.of(0x91, marker)), 'RESERVED_MARKER', 1);
    }
  });

  test('isReservedMarker is true exactly for the markers that no value starts with', () => {
    for (let marker = 0; marker < 256; marker++) {
      let reserved = false;
      try {
        decode(Uint8Array.of(marker));
      } catch (error) {
        reserved = error instanceof PackStreamError && error.reason === 'RESERVED_MARKER';
      }
      assert.equal(isReservedMarker(marker), reserved, `marker 0x${marker.toString(16)}`);
    }
  });

  test('every strict prefix of a valid encoding fails with UNEXPECTED_END', () => {
    const bytes = encode([
      new Structure(0x4e, [
        2n ** 40n,
        ['Label'],
        { name: 'é'.repeat(20), score: 1.5, raw: Uint8Array.of(1, 2) },
      ]),
      -129n,
      'x'.repeat(300),
    ]);
    for (let length = 0; length < bytes.length; length++) {
      throwsReason(() => decode(bytes.subarray(0, length)), 'UNEXPECTED_END');
    }
  });

  test('declared sizes beyond the remaining input fail before reading the payload', () => {
    const unlimited = {
      maxStringBytes: Infinity,
      maxBytesLength: Infinity,
      maxListLength: Infinity,
      maxMapEntries: Infinity,
    };
    for (const hex of [
      'D2 7F FF FF FF',
      'CE FF FF FF FF',
      'D6 FF FF FF FF 01',
      'DA FF FF FF FF 81 61 01',
      'D1 00 03 61 62',
    ]) {
      throwsReason(() => decodeHex(hex, unlimited), 'UNEXPECTED_END');
    }
    throwsReason(() => decodeHex('DD FF FF 01', { maxStructFields: Infinity }), 'UNEXPECTED_END');
  });

  test('declared sizes beyond a limit fail with SIZE_LIMIT, whatever input follows', () => {
    throwsReason(() => decodeHex('D2 7F FF FF FF'), 'SIZE_LIMIT', 0);
    throwsReason(() => decodeHex('DA FF FF FF FF'), 'SIZE_LIMIT', 0);
    throwsReason(() => decodeHex('84 61 62 63 64', { maxStringBytes: 3 }), 'SIZE_LIMIT', 0);
    throwsReason(() => decodeHex('91 CC 03 01 02 03', { maxBytesLength: 2 }), 'SIZE_LIMIT', 1);
    throwsReason(() => decodeHex('93 01 02 03', { maxListLength: 2 }), 'SIZE_LIMIT', 0);
    throwsReason(() => decodeHex('A2 81 61 01 81 62 02', { maxMapEntries: 1 }), 'SIZE_LIMIT', 0);
    throwsReason(() => decodeHex('A1 83 6B 65 79 01', { maxStringBytes: 2 }), 'SIZE_LIMIT', 1);
    throwsReason(() => decodeHex(`DC 10 01 ${'C0 '.repeat(16)}`), 'SIZE_LIMIT', 0);
    assert.deepEqual(decodeHex('93 01 02 03', { maxListLength: 3 }), [1n, 2n, 3n]);
  });

  test('nesting deeper than maxDepth fails with DEPTH_LIMIT; the default allows 128 levels', () => {
    const nested = (depth: number): unknown => (depth === 0 ? 1n : [nested(depth - 1)]);
    assert.equal(DEFAULT_LIMITS.maxDepth, 128);
    assert.deepEqual(decode(encode(nested(128))), nested(128));
    throwsReason(() => decode(encode(nested(129), { maxDepth: 200 })), 'DEPTH_LIMIT', 128);
    throwsReason(() => decodeHex('A1 81 61 B1 01 91 01', { maxDepth: 2 }), 'DEPTH_LIMIT', 5);
    throwsReason(() => decodeHex(`${'91 '.repeat(100000)}01`), 'DEPTH_LIMIT');
  });

  test('malformed UTF-8 fails with INVALID_UTF8 on every decoding path', () => {
    const malformed = [
      'C3 28',
      'C0 AF',
      'E0 80 80',
      'ED A0 80',
      'F4 90 80 80',
      'F8 88 80 80 80',
      'E2 82',
      'FF',
      '80',
    ];
    for (const hex of malformed) {
      const bad = fromHex(hex);
      for (const padding of [0, 40, 70000]) {
        const payload = new Uint8Array(padding + bad.length).fill(0x61);
        payload.set(bad, padding);
        const header = Uint8Array.of(0xd2, 0, 0, 0, 0);
        new DataView(header.buffer).setUint32(1, payload.length);
        const bytes = new Uint8Array(5 + payload.length);
        bytes.set(header);
        bytes.set(payload, 5);
        throwsReason(() => decode(bytes), 'INVALID_UTF8', 5);
      }
    }
  });

  test('map keys that are not strings fail with INVALID_MAP_KEY without decoding the key', () => {
    throwsReason(() => decodeHex('A1 01 01'), 'INVALID_MAP_KEY', 1);
    throwsReason(() => decodeHex('A1 C0 01'), 'INVALID_MAP_KEY', 1);
    throwsReason(() => decodeHex('A1 D6 FF FF FF FF'), 'INVALID_MAP_KEY', 1);
    throwsReason(() => decodeHex('A2 81 61 01 B0 01 01'), 'INVALID_MAP_KEY', 4);
  });

  test('structure tags above 127 fail with INVALID_STRUCTURE', () => {
    throwsReason(() => decodeHex('B0 80'), 'INVALID_STRUCTURE', 0);
    throwsReason(() => decodeHex('91 B1 FF 01'), 'INVALID_STRUCTURE', 1);
  });

  test('decode() refuses bytes after the value with TRAILING_BYTES', () => {
    throwsReason(() => decodeHex('01 02'), 'TRAILING_BYTES', 1);
    throwsReason(() => decodeHex('80 00'), 'TRAILING_BYTES', 1);
  });
});
