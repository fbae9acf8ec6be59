import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { PackStreamError, type PackStreamErrorReason } from '../errors/index.js';
import { fromHex, toHex } from '../util/index.js';
import { referenceEncode } from '../../test/fuzz/packstream-support.js';
import { Packer, Structure, decode, encode } from './index.js';

function hexOf(value: unknown): string {
  return toHex(encode(value));
}

function headerOf(value: unknown, headerBytes: number): string {
  return toHex(encode(value).subarray(0, headerBytes));
}

function throwsReason(action: () => unknown, reason: PackStreamErrorReason): void {
  assert.throws(action, (error: unknown) => error instanceof PackStreamError && error.reason === reason);
}

function mapOfSize(size: number): Record<string, unknown> {
  const map: Record<string, unknown> = {};
  for (let index = 0; index < size; index++) map[`k${index}`] = null;
  return map;
}

describe('Packer size headers', () => {
  const cases: readonly [number, string, string, string, string][] = [
    // size, string, list, map, bytes
    [0, '80', '90', 'a0', 'cc 00'],
    [15, '8f', '9f', 'af', 'cc 0f'],
    [16, 'd0 10', 'd4 10', 'd8 10', 'cc 10'],
    [255, 'd0 ff', 'd4 ff', 'd8 ff', 'cc ff'],
    [256, 'd1 01 00', 'd5 01 00', 'd9 01 00', 'cd 01 00'],
    [65535, 'd1 ff ff', 'd5 ff ff', 'd9 ff ff', 'cd ff ff'],
    [65536, 'd2 00 01 00 00', 'd6 00 01 00 00', 'da 00 01 00 00', 'ce 00 01 00 00'],
  ];
  for (const [size, stringHeader, listHeader, mapHeader, bytesHeader] of cases) {
    test(`a string of ${size} bytes starts with ${stringHeader} and round-trips`, () => {
      const value = 'x'.repeat(size);
      const headerBytes = stringHeader.split(' ').length;
      assert.equal(headerOf(value, headerBytes), stringHeader);
      assert.equal(encode(value).length, headerBytes + size);
      assert.equal(decode(encode(value)), value);
    });
    test(`a list of ${size} items starts with ${listHeader} and round-trips`, () => {
      const value = new Array<null>(size).fill(null);
      const headerBytes = listHeader.split(' ').length;
      assert.equal(headerOf(value, headerBytes), listHeader);
      assert.deepEqual(decode(encode(value)), value);
    });
    test(`a map of ${size} entries starts with ${mapHeader} and round-trips`, () => {
      const value = mapOfSize(size);
      assert.equal(headerOf(value, mapHeader.split(' ').length), mapHeader);
      assert.deepEqual(decode(encode(value)), value);
    });
    test(`a byte array of ${size} bytes starts with ${bytesHeader} and round-trips`, () => {
      const value = new Uint8Array(size).map((_, index) => index & 0xff);
      const headerBytes = bytesHeader.split(' ').length;
      assert.equal(headerOf(value, headerBytes), bytesHeader);
      assert.equal(encode(value).length, headerBytes + size);
      assert.deepEqual(decode(encode(value)), value);
    });
  }

  test('non-ASCII strings get the header of their UTF-8 byte length, not of their UTF-16 length', () => {
    assert.equal(headerOf('é'.repeat(7), 1), '8e');
    assert.equal(headerOf('é'.repeat(8), 2), 'd0 10');
    assert.equal(headerOf('東'.repeat(5), 1), '8f');
    assert.equal(headerOf('東'.repeat(6), 2), 'd0 12');
    assert.equal(headerOf('\u{1F642}'.repeat(3), 1), '8c');
    assert.equal(headerOf('\u{1F642}'.repeat(4), 2), 'd0 10');
    assert.equal(headerOf(`${'é'.repeat(127)}a`, 2), 'd0 ff');
    assert.equal(headerOf('é'.repeat(128), 3), 'd1 01 00');
    assert.equal(headerOf('東'.repeat(21845), 3), 'd1 ff ff');
    assert.equal(headerOf('東'.repeat(21846), 5), 'd2 00 01 00 02');
  });

  test('strings of every length round-trip through the short and the long encoder paths', () => {
    for (const unit of ['a', 'é', '東', '\u{1F642}']) {
      for (let count = 0; count < 120; count++) {
        const value = unit.repeat(count);
        const bytes = encode(value);
        assert.equal(toHex(bytes), toHex(referenceEncode(value)), `${unit} x ${count}`);
        assert.equal(decode(bytes), value);
      }
    }
  });

  test('lone surrogates become U+FFFD exactly as TextEncoder encodes them', () => {
    for (const value of ['\uD800', 'a\uDC00b', `${'x'.repeat(100)}\uDBFF`, '\uDC00\uD800']) {
      const utf8 = new TextEncoder().encode(value);
      const bytes = encode(value);
      assert.equal(toHex(bytes.subarray(bytes.length - utf8.length)), toHex(utf8));
      assert.equal(decode(bytes), new TextDecoder().decode(utf8));
    }
  });
});

describe('Packer values', () => {
  test('a JS number is always a FLOAT_64, even when integral', () => {
    assert.equal(hexOf(1), 'c1 3f f0 00 00 00 00 00 00');
    assert.equal(hexOf(0), 'c1 00 00 00 00 00 00 00 00');
  });

  test('packInteger encodes safe-integer numbers exactly like the equal bigint', () => {
    const packer = new Packer();
    for (const value of [
      0,
      -1,
      -16,
      -17,
      127,
      128,
      -129,
      32768,
      -32769,
      2 ** 31,
      -(2 ** 31) - 1,
      2 ** 40,
      -(2 ** 40),
      Number.MAX_SAFE_INTEGER,
      Number.MIN_SAFE_INTEGER,
    ]) {
      packer.packInteger(value);
      assert.equal(toHex(packer.takeBytes()), hexOf(BigInt(value)), `packInteger(${value})`);
    }
  });

  test('packInteger refuses numbers that are not safe integers', () => {
    for (const value of [1.5, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 53, -(2 ** 53)]) {
      throwsReason(() => {
        new Packer().packInteger(value);
      }, 'UNENCODABLE_VALUE');
    }
  });

  test('bigints outside the 64-bit range are refused', () => {
    throwsReason(() => encode(2n ** 63n), 'UNENCODABLE_VALUE');
    throwsReason(() => encode(-(2n ** 63n) - 1n), 'UNENCODABLE_VALUE');
    throwsReason(() => encode([1n, { deep: 2n ** 64n }]), 'UNENCODABLE_VALUE');
  });

  test('undefined, functions and symbols are refused, also inside lists and maps', () => {
    for (const value of [
      undefined,
      () => 1,
      Symbol('s'),
      [undefined],
      { key: undefined },
      [[Symbol.iterator]],
    ]) {
      throwsReason(() => encode(value), 'UNENCODABLE_VALUE');
    }
  });

  test('map keys keep insertion order and null-prototype objects are maps too', () => {
    assert.equal(hexOf({ b: true, a: false }), 'a2 81 62 c3 81 61 c2');
    const bare = Object.create(null) as Record<string, unknown>;
    bare['k'] = null;
    assert.equal(hexOf(bare), 'a1 81 6b c0');
  });

  test('a "__proto__" own key is encoded like any other key', () => {
    const map = JSON.parse('{"__proto__": 1.5}') as Record<string, unknown>;
    assert.equal(
      hexOf(map),
      `a1 89 ${toHex(new TextEncoder().encode('__proto__'))} c1 3f f8 00 00 00 00 00 00`,
    );
  });

  test('a Node Buffer is encoded as BYTES', () => {
    assert.equal(hexOf(Buffer.from([1, 2])), 'cc 02 01 02');
  });

  test('other objects go through the dehydrate hook, recursively', () => {
    class Point {
      readonly x: number;
      readonly y: number;
      constructor(x: number, y: number) {
        this.x = x;
        this.y = y;
      }
    }
    const dehydrate = (value: object): Structure => {
      if (value instanceof Point) return new Structure(0x58, [7203n, value.x, value.y]);
      if (value instanceof Map) return new Structure(0x01, [[...(value as Map<unknown, unknown>).values()]]);
      throw new TypeError('unexpected');
    };
    const bytes = encode([new Map([[1, new Point(1, 2)]])], { dehydrate });
    assert.deepEqual(decode(bytes), [new Structure(0x01, [[new Structure(0x58, [7203n, 1, 2])]])]);
  });

  test('objects without a dehydrate hook, or whose hook returns no Structure, are refused', () => {
    throwsReason(() => encode(new Date(0)), 'UNENCODABLE_VALUE');
    throwsReason(() => encode(new Map()), 'UNENCODABLE_VALUE');
    throwsReason(() => encode(new Int8Array(2)), 'UNENCODABLE_VALUE');
    const lookalike: unknown = { tag: 1, fields: [] };
    throwsReason(() => encode(new Date(0), { dehydrate: () => lookalike as Structure }), 'UNENCODABLE_VALUE');
  });

  test('an error thrown by the dehydrate hook propagates unchanged', () => {
    const failure = new RangeError('no');
    assert.throws(
      () =>
        encode(new Date(0), {
          dehydrate: () => {
            throw failure;
          },
        }),
      (error: unknown) => error === failure,
    );
  });

  test('structures must have a tag in 0..127 and at most 15 fields', () => {
    assert.equal(hexOf(new Structure(127, [])), 'b0 7f');
    assert.equal(toHex(encode(new Structure(0, new Array<null>(15).fill(null))).subarray(0, 2)), 'bf 00');
    throwsReason(() => encode(new Structure(128, [])), 'INVALID_STRUCTURE');
    throwsReason(() => encode(new Structure(-1, [])), 'INVALID_STRUCTURE');
    throwsReason(() => encode(new Structure(1.5, [])), 'INVALID_STRUCTURE');
    throwsReason(() => encode(new Structure(1, new Array<null>(16).fill(null))), 'INVALID_STRUCTURE');
    throwsReason(() => {
      new Packer().writeStructHeader(16, 1);
    }, 'INVALID_STRUCTURE');
  });

  test('nesting deeper than maxDepth, including a cycle, is refused with DEPTH_LIMIT', () => {
    const cyclic: unknown[] = [];
    cyclic.push(cyclic);
    throwsReason(() => encode(cyclic), 'DEPTH_LIMIT');
    const nested = (depth: number): unknown => (depth === 0 ? 1n : { a: [nested(depth - 1)] });
    assert.doesNotThrow(() => encode(nested(2), { maxDepth: 4 }));
    throwsReason(() => encode(nested(2), { maxDepth: 3 }), 'DEPTH_LIMIT');
    throwsReason(() => encode(new Structure(1, [[[]]]), { maxDepth: 2 }), 'DEPTH_LIMIT');
  });

  test('header writers refuse sizes no header can carry', () => {
    const packer = new Packer();
    for (const size of [-1, 1.5, 2 ** 32, Number.NaN]) {
      throwsReason(() => {
        packer.writeListHeader(size);
      }, 'UNENCODABLE_VALUE');
      throwsReason(() => {
        packer.writeMapHeader(size);
      }, 'UNENCODABLE_VALUE');
    }
    assert.equal(packer.length, 0);
  });
});

describe('Packer buffer management', () => {
  test('the buffer grows by doubling from a tiny initial capacity without corrupting earlier bytes', () => {
    const packer = new Packer({ initialCapacity: 1 });
    const value = [1n, 'x'.repeat(1000), new Uint8Array(5000).fill(7), { k: 'é'.repeat(300) }, 2n ** 62n];
    packer.packValue(value);
    assert.deepEqual(packer.view(), encode(value));
    assert.deepEqual(decode(packer.view()), value);
  });

  test('view() shares memory with the packer while takeBytes() returns a copy and resets', () => {
    const packer = new Packer();
    packer.packValue('abc');
    const view = packer.view();
    const taken = packer.takeBytes();
    assert.equal(packer.length, 0);
    assert.deepEqual(taken, fromHex('83 61 62 63'));
    packer.packValue('xyz');
    assert.deepEqual(view, fromHex('83 78 79 7a'));
    assert.deepEqual(taken, fromHex('83 61 62 63'));
  });

  test('reserve() returns the offset of zeroed bytes that setUint16At() fills in big-endian', () => {
    const packer = new Packer();
    packer.packValue('abc');
    packer.reset();
    const offset = packer.reserve(2);
    packer.packValue(new Structure(0x0f, []));
    packer.setUint16At(offset, packer.length - 2);
    assert.equal(offset, 0);
    assert.equal(toHex(packer.view()), '00 02 b0 0f');
    packer.setUint16At(0, 0xabcd);
    assert.equal(toHex(packer.view().subarray(0, 2)), 'ab cd');
  });

  test('setUint16At() refuses offsets outside the written bytes', () => {
    const packer = new Packer();
    packer.reserve(2);
    throwsReason(() => {
      packer.setUint16At(1, 1);
    }, 'UNENCODABLE_VALUE');
    throwsReason(() => {
      packer.setUint16At(-1, 1);
    }, 'UNENCODABLE_VALUE');
  });

  test('truncate() drops a partly written value after an error, so the packer can go on', () => {
    const packer = new Packer();
    packer.packValue(1n);
    const mark = packer.length;
    throwsReason(() => {
      packer.packValue([1n, 2n, undefined]);
    }, 'UNENCODABLE_VALUE');
    assert.ok(packer.length > mark);
    packer.truncate(mark);
    packer.packValue(2n);
    assert.equal(toHex(packer.view()), '01 02');
    throwsReason(() => {
      packer.truncate(10);
    }, 'UNENCODABLE_VALUE');
  });

  test('reset() releases a buffer that grew beyond 4 MiB', () => {
    const packer = new Packer({ initialCapacity: 64 });
    packer.packBytes(new Uint8Array(5 * 1024 * 1024));
    assert.ok(packer.view().buffer.byteLength > 4 * 1024 * 1024);
    packer.reset();
    assert.equal(packer.view().buffer.byteLength, 64);
  });

  test('the low-level writers produce the same bytes as packValue', () => {
    const packer = new Packer();
    packer.writeMapHeader(1);
    packer.packString('k');
    packer.writeListHeader(4);
    packer.packNull();
    packer.packBoolean(true);
    packer.packFloat(0.5);
    packer.packBytes(Uint8Array.of(9));
    assert.deepEqual(packer.takeBytes(), encode({ k: [null, true, 0.5, Uint8Array.of(9)] }));
  });
});
