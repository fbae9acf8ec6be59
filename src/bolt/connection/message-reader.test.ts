import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { PackStreamError } from '../../errors/index.js';
import { encode, Structure } from '../../packstream/index.js';
import { MessageReader } from './message-reader.js';

const reader = (): MessageReader =>
  new MessageReader({ hydrate: (tag, fields) => new Structure(tag, fields) });

/** What reading gives: the message, or the error's reason, offset and text. */
function outcome(read: () => unknown): unknown {
  try {
    return { ok: read() };
  } catch (error) {
    assert.ok(error instanceof PackStreamError, String(error));
    return { reason: error.reason, offset: error.offset, message: error.message };
  }
}

/** A message body: mostly a well-formed request struct, sometimes cut short or with bytes added. */
const body = fc.oneof(
  fc
    .tuple(
      fc.integer({ min: 0, max: 0x7f }),
      fc.array(fc.oneof(fc.string(), fc.dictionary(fc.string(), fc.bigInt({ min: -9n, max: 9n }))), {
        maxLength: 3,
      }),
      fc.nat(4),
      fc.uint8Array({ maxLength: 3 }),
    )
    .map(([tag, fields, cut, extra]) => {
      const whole = encode(new Structure(tag, fields));
      const kept = whole.subarray(0, Math.max(0, whole.length - cut));
      return Uint8Array.from([...kept, ...extra]);
    }),
  fc.uint8Array({ maxLength: 24 }),
);

test('a body read in place inside a larger read gives what the body alone gives, offsets included', () => {
  fc.assert(
    fc.property(
      body,
      fc.uint8Array({ maxLength: 9 }),
      fc.uint8Array({ maxLength: 9 }),
      (bytes, before, after) => {
        const padded = Buffer.from([...before, ...bytes, ...after]);
        const alone = outcome(() => reader().read(bytes));
        const inPlace = outcome(() => reader().read(padded, before.length, before.length + bytes.length));
        assert.deepEqual(inPlace, alone);
      },
    ),
    { numRuns: 500 },
  );
});

test('an error inside a body counts its offset from the body', () => {
  // B1 10, then STRING_8 announcing 5 bytes of which only 2 follow (from offset 4 of the body).
  const padded = Buffer.from([0xff, 0xff, 0xff, 0xb1, 0x10, 0xd0, 0x05, 0x61, 0x62, 0xee]);
  assert.throws(
    () => reader().read(padded, 3, 9),
    (error: unknown) =>
      error instanceof PackStreamError &&
      error.reason === 'UNEXPECTED_END' &&
      error.offset === 4 &&
      error.message.endsWith('at offset 4'),
  );
});
