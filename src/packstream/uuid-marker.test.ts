import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { PackStreamError } from '../errors/index.js';
import { decode, encode } from './codec.js';
import { UUID } from './markers.js';
import type { Packer } from './packer.js';

/** A stand-in for a UUID value: the codec itself knows only the 16 bytes. */
class Raw {
  readonly bytes: Uint8Array;
  constructor(bytes: Uint8Array) {
    this.bytes = bytes;
  }
}

const writeObject = (value: object, packer: Packer): void => {
  packer.writeUuid((value as Raw).bytes);
};
const readUuid = (bytes: Uint8Array): Raw => new Raw(bytes);

test('E0 and 16 bytes round-trip through writeUuid and the readUuid hook, anywhere in a value', () => {
  fc.assert(
    fc.property(fc.array(fc.uint8Array({ minLength: 16, maxLength: 16 }), { maxLength: 5 }), (items) => {
      const value = { ids: items.map((bytes) => new Raw(bytes)), after: 1n };
      const bytes = encode(value, { writeObject });
      assert.deepEqual(decode(bytes, { readUuid }), value);
    }),
  );
  const one = encode(new Raw(new Uint8Array(16).fill(0xab)), { writeObject });
  assert.deepEqual(Array.from(one), [UUID, ...new Array<number>(16).fill(0xab)]);
});

test('without the hook E0 is a reserved marker; writeUuid takes exactly 16 bytes', () => {
  const bytes = encode(new Raw(new Uint8Array(16)), { writeObject });
  assert.throws(
    () => decode(bytes),
    (error: unknown) => error instanceof PackStreamError && error.reason === 'RESERVED_MARKER',
  );
  for (const length of [0, 15, 17]) {
    assert.throws(
      () => encode(new Raw(new Uint8Array(length)), { writeObject }),
      (error: unknown) => error instanceof PackStreamError && error.reason === 'UNENCODABLE_VALUE',
    );
  }
});

test('a truncated UUID is UNEXPECTED_END at the marker', () => {
  const bytes = Uint8Array.of(0x91, UUID, 1, 2, 3);
  assert.throws(
    () => decode(bytes, { readUuid }),
    (error: unknown) => error instanceof PackStreamError && error.reason === 'UNEXPECTED_END',
  );
});
