import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { PackStreamError } from '../errors/index.js';
import { toHex } from '../util/index.js';
import { referenceEncode } from '../../test/fuzz/packstream-support.js';
import { Packer, Structure, encode } from './index.js';

/** An object the packer knows nothing about: only a hook can encode it. */
class Opaque {
  readonly fields: readonly unknown[];
  constructor(fields: readonly unknown[]) {
    this.fields = fields;
  }
}

const OPAQUE_TAG = 0x4f;

function viaHook(value: unknown, maxDepth?: number): string {
  const packer = new Packer({
    writeObject: (object, target) => {
      if (!(object instanceof Opaque)) throw new TypeError('unexpected object');
      target.writeStructHeader(object.fields.length, OPAQUE_TAG);
      for (const field of object.fields) target.packValue(field);
    },
    ...(maxDepth === undefined ? {} : { maxDepth }),
  });
  packer.packValue(value);
  return toHex(packer.takeBytes());
}

function viaDehydrate(value: unknown, maxDepth?: number): string {
  const dehydrate = (object: object): Structure => {
    if (!(object instanceof Opaque)) throw new TypeError('unexpected object');
    return new Structure(OPAQUE_TAG, object.fields);
  };
  return toHex(encode(value, { dehydrate, ...(maxDepth === undefined ? {} : { maxDepth }) }));
}

function outcome(action: () => string): string {
  try {
    return action();
  } catch (error) {
    return error instanceof PackStreamError ? `error ${error.reason}` : `error ${String(error)}`;
  }
}

describe('Packer map fast path', () => {
  for (const size of [15, 16, 255, 256, 65535, 65536]) {
    test(`a map of ${size} entries gets the smallest header, its entries moved behind it`, () => {
      const map: Record<string, unknown> = {};
      for (let index = 0; index < size; index++) map[`k${index}`] = index % 3 === 0 ? null : BigInt(index);
      assert.equal(toHex(encode(map)), toHex(referenceEncode(map)));
    });
  }

  test('integer-like keys come first in ascending order, as Object.keys lists them', () => {
    const map: Record<string, unknown> = { b: 1n, '10': 2n, a: 3n, '2': 4n };
    assert.deepEqual(Object.keys(map), ['2', '10', 'b', 'a']);
    assert.equal(toHex(encode(map)), toHex(referenceEncode(map)));
  });

  test('a map with a null prototype packs its own keys', () => {
    const map = Object.create(null) as Record<string, unknown>;
    map['x'] = 1n;
    map['y'] = 'z';
    assert.equal(toHex(encode(map)), 'a2 81 78 01 81 79 81 7a');
  });

  test('enumerable properties added to Object.prototype are not packed as keys', () => {
    const prototype = Object.prototype as Record<string, unknown>;
    prototype['polluted'] = 1n;
    try {
      assert.equal(toHex(encode({ a: 1n })), 'a1 81 61 01');
      assert.equal(toHex(encode({ a: { b: 2n } })), 'a1 81 61 a1 81 62 02');
    } finally {
      delete prototype['polluted'];
    }
    assert.equal(toHex(encode({ a: 1n })), 'a1 81 61 01');
  });
});

describe('Packer writeObject hook', () => {
  test('a hook writes the same bytes as the equivalent dehydrate hook', () => {
    const value = [new Opaque([1n, 'two', [3n], { four: new Opaque([]) }]), { nested: new Opaque([null]) }];
    assert.equal(viaHook(value), viaDehydrate(value));
    assert.equal(
      viaHook(value),
      '92 b4 4f 01 83 74 77 6f 91 03 a1 84 66 6f 75 72 b0 4f a1 86 6e 65 73 74 65 64 b1 4f c0',
    );
  });

  test('fields written by a hook count one level deeper, exactly like structure fields', () => {
    const nested = (levels: number): unknown => {
      let value: unknown = 1n;
      for (let index = 0; index < levels; index++) value = new Opaque([[value]]);
      return value;
    };
    for (const maxDepth of [1, 2, 3, 4, 5, 6, 7]) {
      for (const levels of [0, 1, 2, 3]) {
        const value = [nested(levels)];
        assert.equal(
          outcome(() => viaHook(value, maxDepth)),
          outcome(() => viaDehydrate(value, maxDepth)),
        );
      }
    }
  });

  test('a hook that throws leaves the depth where it was for the next value', () => {
    const packer = new Packer({
      maxDepth: 3,
      writeObject: () => {
        throw new TypeError('refused');
      },
    });
    assert.throws(() => {
      packer.packValue([[new Opaque([])]]);
    }, TypeError);
    packer.reset();
    // Two levels of lists still fit a limit of 3 once the hook's failure is behind us.
    packer.packValue([[1n]]);
    assert.equal(toHex(packer.takeBytes()), '91 91 01');
  });

  test('the hook is preferred over dehydrate, and Structures never reach it', () => {
    const packer = new Packer({
      dehydrate: () => new Structure(1, []),
      writeObject: (_object, target) => {
        target.writeStructHeader(0, 2);
      },
    });
    packer.packValue([new Opaque([]), new Structure(3, [])]);
    assert.equal(toHex(packer.takeBytes()), '92 b0 02 b0 03');
  });
});

describe('Packer raw bytes and Buffer output', () => {
  test('writeRaw appends pre-encoded bytes as they are, short or long', () => {
    const packer = new Packer({ initialCapacity: 16 });
    const long = encode('x'.repeat(100));
    packer.packValue(1n);
    packer.writeRaw(encode({ a: 'b' }));
    packer.writeRaw(long);
    assert.equal(toHex(packer.takeBytes()), `01 a1 81 61 81 62 ${toHex(long)}`);
  });

  test('takeBuffer returns the written bytes as a Node Buffer and empties the packer', () => {
    const packer = new Packer();
    packer.packValue('hello');
    const small = packer.takeBuffer();
    assert.ok(Buffer.isBuffer(small));
    assert.equal(toHex(small), '85 68 65 6c 6c 6f');
    assert.equal(packer.length, 0);
    packer.packValue('y'.repeat(10_000));
    const large = packer.takeBuffer();
    assert.equal(toHex(large), toHex(encode('y'.repeat(10_000))));
  });
});

describe('Packer integer fast path', () => {
  const edges = [0n, 1n, -1n, -16n, -17n, 127n, 128n, -128n, -129n, 32767n, 32768n, -32768n, -32769n];
  const wide = [
    2n ** 31n - 1n,
    2n ** 31n,
    -(2n ** 31n),
    -(2n ** 31n) - 1n,
    2n ** 32n,
    -(2n ** 32n),
    2n ** 32n + 5n,
  ];
  for (const value of [...edges, ...wide, 2n ** 63n - 1n, -(2n ** 63n)]) {
    test(`the bigint ${value} gets the reference encoding`, () => {
      assert.equal(toHex(encode(value)), toHex(referenceEncode(value)));
    });
  }

  for (const value of [
    2n ** 64n,
    2n ** 64n + 5n,
    2n ** 64n - 1n,
    -(2n ** 64n),
    -(2n ** 64n) - 3n,
    2n ** 96n + 7n,
  ]) {
    test(`the bigint ${value}, which wraps into a small int64, is still refused`, () => {
      assert.equal(
        outcome(() => toHex(encode(value))),
        'error UNENCODABLE_VALUE',
      );
    });
  }
});

describe('Packer short string fast path', () => {
  const strings = [
    '',
    'a',
    'x'.repeat(15),
    'x'.repeat(16),
    'é',
    'abcdé',
    'abcdefghijklmn\u00ff',
    'a\u{1F600}b',
    '\ud800',
  ];
  for (const value of strings) {
    test(`${JSON.stringify(value)} gets the reference encoding, alone and as a map key`, () => {
      assert.equal(toHex(encode(value)), toHex(referenceEncode(value)));
      assert.equal(toHex(encode({ [value]: value })), toHex(referenceEncode({ [value]: value })));
    });
  }

  test('a non-ASCII string falling back after a buffer growth leaves no stray bytes', () => {
    const packer = new Packer({ initialCapacity: 16 });
    for (let index = 0; index < 50; index++) packer.packValue(`abcdefghij${index % 2 === 0 ? 'é' : 'e'}`);
    const expected = Array.from({ length: 50 }, (_, index) =>
      toHex(referenceEncode(`abcdefghij${index % 2 === 0 ? 'é' : 'e'}`)),
    ).join(' ');
    assert.equal(toHex(packer.takeBytes()), expected);
  });
});
