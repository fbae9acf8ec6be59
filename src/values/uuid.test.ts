import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { CypherArgumentError } from '../errors/index.js';
import { Uuid } from './uuid.js';

test('the canonical text is lower case 8-4-4-4-12 and parses back to the same UUID', () => {
  const uuid = Uuid.parse('550E8400-e29b-41D4-a716-446655440000');
  assert.equal(uuid.toString(), '550e8400-e29b-41d4-a716-446655440000');
  assert.deepEqual(
    Array.from(uuid.bytes),
    [0x55, 0x0e, 0x84, 0x00, 0xe2, 0x9b, 0x41, 0xd4, 0xa7, 0x16, 0x44, 0x66, 0x55, 0x44, 0x00, 0x00],
  );
  fc.assert(
    fc.property(fc.uint8Array({ minLength: 16, maxLength: 16 }), (bytes) => {
      const value = new Uuid(bytes);
      assert.deepEqual(value.bytes, bytes);
      assert.ok(Uuid.parse(value.text).equals(value));
      assert.ok(Uuid.parse(value.text.toUpperCase()).equals(value));
    }),
  );
});

test('only the hyphenated 32-digit form parses', () => {
  for (const text of [
    '',
    '550e8400e29b41d4a716446655440000',
    '{550e8400-e29b-41d4-a716-446655440000}',
    '550e8400-e29b-41d4-a716-44665544000',
    '550e8400-e29b-41d4-a716-4466554400000',
    '550e8400-e29b-41d4-a716_446655440000',
    '550e8400-e29b-41d4-a716-44665544000g',
    ' 550e8400-e29b-41d4-a716-446655440000',
  ]) {
    assert.throws(() => Uuid.parse(text), CypherArgumentError, text);
  }
  assert.throws(() => new Uuid(new Uint8Array(15)), CypherArgumentError);
});

test('the bits constructor takes signed 64-bit halves, as java.util.UUID does', () => {
  assert.equal(Uuid.fromBits(42n, 42n).text, '00000000-0000-002a-0000-00000000002a');
  assert.equal(Uuid.fromBits(-1n, -1n).text, 'ffffffff-ffff-ffff-ffff-ffffffffffff');
  // java.util.UUID.fromString("58e0a7d7-eebc-11d8-9669-0800200c9a66") has these halves.
  const uuid = Uuid.parse('58e0a7d7-eebc-11d8-9669-0800200c9a66');
  assert.equal(uuid.mostSignificantBits, 6404303215985955288n);
  assert.equal(uuid.leastSignificantBits, -7608541298835023258n);
  fc.assert(
    fc.property(
      fc.bigInt({ min: -(1n << 63n), max: (1n << 63n) - 1n }),
      fc.bigInt({ min: -(1n << 63n), max: (1n << 63n) - 1n }),
      (high, low) => {
        const value = Uuid.fromBits(high, low);
        assert.equal(value.mostSignificantBits, high);
        assert.equal(value.leastSignificantBits, low);
      },
    ),
  );
});

test('UUIDs order as unsigned 128-bit numbers, like their texts', () => {
  fc.assert(
    fc.property(
      fc.uint8Array({ minLength: 16, maxLength: 16 }),
      fc.uint8Array({ minLength: 16, maxLength: 16 }),
      (a, b) => {
        const expected = Buffer.compare(Buffer.from(a), Buffer.from(b));
        assert.equal(new Uuid(a).compareTo(new Uuid(b)), expected);
        assert.equal(new Uuid(a).equals(new Uuid(b)), expected === 0);
      },
    ),
  );
});

test('a UUID is frozen and does not share the bytes it was made from', () => {
  const bytes = new Uint8Array(16);
  const uuid = new Uuid(bytes);
  bytes[0] = 0xff;
  uuid.bytes[1] = 0xff;
  assert.equal(uuid.text, '00000000-0000-0000-0000-000000000000');
  assert.ok(Object.isFrozen(uuid));
});
