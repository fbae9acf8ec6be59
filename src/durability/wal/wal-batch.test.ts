import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { BATCH_HEADER_BYTES, batchHeadersAfter, decodeBatchHeader, writeBatchHeader } from './wal-batch.js';

/** `header` written at its own offset into zeros of `size` bytes. */
function placed(header: Parameters<typeof writeBatchHeader>[1], size: number): Uint8Array {
  const bytes = new Uint8Array(size);
  writeBatchHeader(bytes.subarray(header.start), header);
  return bytes;
}

test('a batch header decodes to what was written, at the offset it names', () => {
  fc.assert(
    fc.property(
      fc.integer({ min: 1, max: 2 ** 40 }),
      fc.nat({ max: 0xffffffff }),
      fc.integer({ min: 1, max: 0xffff }),
      fc.nat(),
      (start, frameBytes, writesInFlight, before) => {
        const previousStart = before % start;
        const bytes = new Uint8Array(BATCH_HEADER_BYTES);
        const header = { start, frameBytes, previousStart, writesInFlight };
        writeBatchHeader(bytes, header);
        // Decoding looks at the header where it claims to start: a view shifted to that offset.
        const padded = new Uint8Array(Math.min(start, 64) + BATCH_HEADER_BYTES);
        padded.set(bytes, Math.min(start, 64));
        if (start <= 64) assert.deepEqual(decodeBatchHeader(padded, start), header);
        else assert.equal(decodeBatchHeader(padded, 64), undefined, 'found away from its own offset');
      },
    ),
  );
});

test('a batch header with any byte changed, cut short or moved does not decode', () => {
  const header = { start: 40, frameBytes: 100, previousStart: 8, writesInFlight: 2 };
  const bytes = placed(header, 40 + BATCH_HEADER_BYTES);
  assert.deepEqual(decodeBatchHeader(bytes, 40), header);
  for (let index = 40; index < bytes.length; index++) {
    const damaged = bytes.slice();
    damaged[index] = (damaged[index] ?? 0) ^ 0x10;
    assert.equal(decodeBatchHeader(damaged, 40), undefined, `byte ${index - 40} changed`);
  }
  assert.equal(decodeBatchHeader(bytes.subarray(0, bytes.length - 1), 40), undefined, 'cut short');
  const moved = new Uint8Array(bytes.length + 3);
  moved.set(bytes.subarray(40), 43);
  assert.equal(decodeBatchHeader(moved, 43), undefined, 'moved to another offset');
});

test('a header naming a later or equal batch before it, or no writes in flight, is not a header', () => {
  for (const header of [
    { start: 40, frameBytes: 1, previousStart: 40, writesInFlight: 1 },
    { start: 40, frameBytes: 1, previousStart: 41, writesInFlight: 1 },
    { start: 40, frameBytes: 1, previousStart: 0, writesInFlight: 0 },
  ]) {
    assert.equal(decodeBatchHeader(placed(header, 100), 40), undefined, JSON.stringify(header));
  }
});

test('batchHeadersAfter finds the valid headers after an offset, in order, up to a limit', () => {
  const bytes = new Uint8Array(400);
  const headers = [
    { start: 10, frameBytes: 5, previousStart: 0, writesInFlight: 2 },
    { start: 100, frameBytes: 5, previousStart: 10, writesInFlight: 2 },
    { start: 250, frameBytes: 5, previousStart: 100, writesInFlight: 3 },
  ];
  for (const header of headers) writeBatchHeader(bytes.subarray(header.start), header);
  // A copy of a header at the wrong offset is ignored.
  bytes.copyWithin(300, 100, 100 + BATCH_HEADER_BYTES);
  assert.deepEqual(batchHeadersAfter(bytes, 0, 10), headers);
  assert.deepEqual(batchHeadersAfter(bytes, 10, 10), headers.slice(1));
  assert.deepEqual(batchHeadersAfter(bytes, 10, 1), headers.slice(1, 2));
  assert.deepEqual(batchHeadersAfter(bytes, 250, 10), []);
});
