import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { DatabaseError, Status } from '../../errors/index.js';
import { INT64_MAX, INT64_MIN } from '../../values/index.js';
import { ByteReader } from './byte-reader.js';
import { ByteWriter } from './byte-writer.js';

function isStorageDamage(error: unknown): boolean {
  return error instanceof DatabaseError && error.status === Status.StorageDamageDetected;
}

type Item =
  | { kind: 'u8'; value: number }
  | { kind: 'u32'; value: number }
  | { kind: 'u64'; value: number }
  | { kind: 'varUint'; value: number }
  | { kind: 'varInt'; value: bigint }
  | { kind: 'f64'; value: number }
  | { kind: 'string'; value: string };

const item: fc.Arbitrary<Item> = fc.oneof(
  fc.record({ kind: fc.constant('u8' as const), value: fc.integer({ min: 0, max: 255 }) }),
  fc.record({ kind: fc.constant('u32' as const), value: fc.integer({ min: 0, max: 0xffffffff }) }),
  fc.record({ kind: fc.constant('u64' as const), value: fc.maxSafeNat() }),
  fc.record({
    kind: fc.constant('varUint' as const),
    value: fc.oneof(fc.nat({ max: 300 }), fc.maxSafeNat(), fc.constant(Number.MAX_SAFE_INTEGER)),
  }),
  fc.record({
    kind: fc.constant('varInt' as const),
    value: fc.oneof(
      fc.bigInt({ min: INT64_MIN, max: INT64_MAX }),
      fc.constantFrom(INT64_MIN, INT64_MAX, -1n),
    ),
  }),
  fc.record({ kind: fc.constant('f64' as const), value: fc.double() }),
  fc.record({ kind: fc.constant('string' as const), value: fc.string({ unit: 'binary' }) }),
);

function writeItem(writer: ByteWriter, entry: Item): void {
  if (entry.kind === 'varInt') writer.varInt(entry.value);
  else if (entry.kind === 'string') writer.string(entry.value);
  else writer[entry.kind](entry.value);
}

function readItem(reader: ByteReader, kind: Item['kind']): number | bigint | string {
  return reader[kind]();
}

test('everything ByteWriter writes, ByteReader reads back in order, ending exactly at the end', () => {
  fc.assert(
    fc.property(fc.array(item, { maxLength: 30 }), (items) => {
      const writer = new ByteWriter(16);
      for (const entry of items) writeItem(writer, entry);
      const bytes = writer.finish();
      assert.equal(bytes.length, writer.length);
      const reader = new ByteReader(bytes);
      for (const entry of items) assert.deepEqual(readItem(reader, entry.kind), entry.value);
      assert.equal(reader.isAtEnd, true);
    }),
  );
});

test('integers are little-endian and varints are LEB128 (zigzag for signed)', () => {
  const writer = new ByteWriter();
  writer.u32(0x01020304);
  writer.u64(2 ** 32 + 5);
  writer.varUint(300);
  writer.varInt(-1n);
  writer.varInt(1n);
  writer.varInt(INT64_MIN);
  assert.deepEqual(
    [...writer.finish()],
    [4, 3, 2, 1, 5, 0, 0, 0, 1, 0, 0, 0, 0xac, 0x02, 1, 2, ...Array<number>(9).fill(0xff), 0x01],
  );
});

test('strings with lone surrogates survive exactly; others are stored as UTF-8', () => {
  for (const text of ['\ud800', 'a\udc00b', '\udfff\ud800', 'héllo', '\u{1f600}']) {
    const writer = new ByteWriter();
    writer.string(text);
    assert.equal(new ByteReader(writer.finish()).string(), text);
  }
  const writer = new ByteWriter();
  writer.string('é');
  assert.deepEqual([...writer.finish()], [4, 0xc3, 0xa9]);
});

test('strings whose length prefix is shorter than their worst case are written compactly', () => {
  // The writer reserves room for the longest prefix (3 bytes per UTF-16 unit) and moves the bytes back when
  // the actual prefix is shorter: check lengths around the 1/2- and 2/3-byte prefix boundaries, ASCII and
  // multi-byte, each followed by another value so a wrong position would show.
  for (const unit of ['a', 'é', '\u20ac', '\u{1f600}']) {
    for (const count of [0, 1, 21, 22, 42, 63, 64, 65, 127, 128, 2730, 2731, 8191, 8192, 20000]) {
      const text = unit.repeat(count);
      const writer = new ByteWriter(16);
      writer.string(text);
      writer.u8(0x5a);
      const bytes = writer.finish();
      const byteLength = new TextEncoder().encode(text).length;
      let prefix = 1;
      for (let rest = byteLength * 2; rest >= 0x80; rest = Math.floor(rest / 0x80)) prefix++;
      assert.equal(bytes.length, prefix + byteLength + 1, `${count} × ${JSON.stringify(unit)}`);
      const reader = new ByteReader(bytes);
      assert.equal(reader.string(), text);
      assert.equal(reader.u8(), 0x5a);
    }
  }
});

test('reading past the end throws StorageDamageDetected for every kind of read', () => {
  const reads: ((reader: ByteReader) => unknown)[] = [
    (reader) => reader.u8(),
    (reader) => reader.u32(),
    (reader) => reader.u64(),
    (reader) => reader.varUint(),
    (reader) => reader.varInt(),
    (reader) => reader.f64(),
    (reader) => reader.bytes(1),
    (reader) => reader.string(),
  ];
  for (const read of reads) assert.throws(() => read(new ByteReader(new Uint8Array(0))), isStorageDamage);
  assert.throws(() => new ByteReader(new Uint8Array([0x80])).varUint(), isStorageDamage);
  assert.throws(() => new ByteReader(new Uint8Array([10, 0x61])).string(), isStorageDamage);
});

test('malformed integers and invalid UTF-8 throw StorageDamageDetected', () => {
  const tooLong = new Uint8Array(11).fill(0xff);
  assert.throws(() => new ByteReader(tooLong).varUint(), isStorageDamage);
  assert.throws(() => new ByteReader(tooLong).varInt(), isStorageDamage);
  assert.throws(() => new ByteReader(new Uint8Array(8).fill(0xff)).u64(), isStorageDamage);
  assert.throws(() => new ByteReader(new Uint8Array([4, 0xc3, 0x28])).string(), isStorageDamage);
});

test('a reader can be limited to a range of a larger buffer', () => {
  const reader = new ByteReader(new Uint8Array([9, 1, 2, 9]), 1, 3);
  assert.equal(reader.u8(), 1);
  assert.equal(reader.remaining, 1);
  assert.equal(reader.u8(), 2);
  assert.throws(() => reader.u8(), isStorageDamage);
});

test('writing values outside the documented ranges is refused as a bug', () => {
  const writer = new ByteWriter();
  assert.throws(() => {
    writer.varUint(-1);
  }, /unsigned varint/);
  assert.throws(() => {
    writer.u64(2 ** 53);
  }, /unsigned 64-bit/);
  assert.throws(() => {
    writer.varInt(INT64_MAX + 1n);
  }, /signed 64-bit/);
});

test('a reset writer reuses its buffer: written() views the bytes of the current record only', () => {
  const writer = new ByteWriter(16);
  writer.string('a longer string than the initial capacity');
  const grown = writer.capacity;
  assert.ok(grown > 16);
  writer.reset();
  writer.u8(7);
  writer.varUint(300);
  assert.deepEqual([...writer.written()], [7, 0xac, 0x02]);
  assert.equal(writer.capacity, grown);
  assert.deepEqual([...writer.finish()], [7, 0xac, 0x02]);
});
