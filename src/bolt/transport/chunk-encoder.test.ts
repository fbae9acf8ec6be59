import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { decode, encode, Packer } from '../../packstream/index.js';
import { fromHex, toHex } from '../../util/index.js';
import { APPENDIX_A_MESSAGES } from './appendix-a.fixture.js';
import { ChunkDecoder } from './chunk-decoder.js';
import { MessageWriter } from './chunk-encoder.js';

/** Unframed body of an Appendix A vector, decoded to a PackStream value (messages become `Structure`s). */
function messageOf(hex: string): unknown {
  return decode(fromHex(hex).subarray(2, -2));
}

function decodeFrames(bytes: Uint8Array): Uint8Array[] {
  const messages: Uint8Array[] = [];
  new ChunkDecoder().push(bytes, (bytes, start, end) => messages.push(bytes.slice(start, end)));
  return messages;
}

/** Splits framed output into its chunk sizes (0 = end marker or NOOP). */
function chunkSizes(bytes: Uint8Array): number[] {
  const sizes: number[] = [];
  for (let offset = 0; offset < bytes.length;) {
    const size = ((bytes[offset] ?? 0) << 8) | (bytes[offset + 1] ?? 0);
    sizes.push(size);
    offset += 2 + size;
  }
  return sizes;
}

test('each Appendix A message packed through the writer gives exactly the digest bytes', () => {
  for (const [name, hex] of APPENDIX_A_MESSAGES) {
    const writer = new MessageWriter(new Packer());
    writer.writeMessage((packer) => {
      packer.packValue(messageOf(hex));
    });
    assert.equal(toHex(writer.takeOutput()), toHex(fromHex(hex)), name);
  }
});

test('many messages accumulate in one output buffer for one socket write', () => {
  const writer = new MessageWriter(new Packer({ initialCapacity: 16 }));
  for (const [, hex] of APPENDIX_A_MESSAGES) {
    writer.beginMessage();
    writer.packer.packValue(messageOf(hex));
    writer.endMessage();
  }
  const expected = APPENDIX_A_MESSAGES.map(([, hex]) => toHex(fromHex(hex))).join(' ');
  assert.equal(toHex(writer.takeOutput()), expected);
  assert.equal(writer.pendingBytes, 0);
  assert.equal(writer.takeOutput().length, 0);
});

test('a message longer than the chunk size is split, as in the digest 16 + 4 example', () => {
  const body = Uint8Array.from({ length: 20 }, (_, index) => index + 1);
  const writer = new MessageWriter(new Packer(), { maxChunkSize: 16 });
  writer.beginMessage();
  writer.packer.view(); // a stale view must not matter
  const offset = writer.packer.reserve(body.length);
  writer.packer.view().set(body, offset);
  writer.endMessage();
  const expected = `00 10 ${toHex(body.subarray(0, 16))} 00 04 ${toHex(body.subarray(16))} 00 00`;
  assert.equal(toHex(writer.takeOutput()), expected);
});

test('messages of 65 535 and 65 536 bytes and larger are cut into chunks of at most 65 535', () => {
  const cases: readonly (readonly [payload: number, sizes: number[]])[] = [
    [0xffff - 5, [0xffff, 0]], // CD header (3 bytes) + 2-byte struct header: body of exactly 65 535
    [0xffff - 4, [0xffff, 1, 0]],
    [200_000, [0xffff, 0xffff, 0xffff, 200_000 + 7 - 3 * 0xffff, 0]],
  ];
  for (const [payload, sizes] of cases) {
    const bytes = Uint8Array.from({ length: payload }, (_, index) => (index * 31) & 0xff);
    const writer = new MessageWriter(new Packer());
    writer.writeMessage((packer) => {
      packer.writeStructHeader(1, 0x71);
      packer.packBytes(bytes);
    });
    writer.writeMessage((packer) => {
      packer.writeStructHeader(0, 0x7e);
    });
    const output = writer.takeOutput();
    assert.deepEqual(chunkSizes(output), [...sizes, 2, 0], `payload ${payload}`);
    const messages = decodeFrames(output);
    assert.equal(messages.length, 2);
    assert.deepEqual(messages[0]?.subarray(2 + (payload > 0xffff ? 5 : 3)), bytes);
    assert.equal(toHex(messages[1]!), 'b0 7e');
  }
});

test('a NOOP is a bare end marker between messages', () => {
  const writer = new MessageWriter(new Packer());
  writer.writeNoop();
  writer.writeMessage((packer) => {
    packer.writeStructHeader(0, 0x0f);
  });
  writer.writeNoop();
  assert.equal(toHex(writer.takeOutput()), '00 00 00 02 b0 0f 00 00 00 00');
});

test('a message whose packing throws is discarded and earlier messages stay', () => {
  const writer = new MessageWriter(new Packer());
  writer.writeMessage((packer) => {
    packer.writeStructHeader(0, 0x7e);
  });
  assert.throws(
    () => {
      writer.writeMessage((packer) => {
        packer.writeStructHeader(1, 0x71);
        packer.packValue([1n, undefined]);
      });
    },
    { name: 'PackStreamError' },
  );
  assert.equal(writer.isMessageOpen, false);
  writer.beginMessage();
  writer.packer.packValue('partial');
  writer.discardMessage();
  assert.equal(toHex(writer.takeOutput()), '00 02 b0 7e 00 00');
});

test('misuse of the message brackets is a programming error', () => {
  const writer = new MessageWriter(new Packer());
  assert.throws(
    () => {
      writer.endMessage();
    },
    { name: 'InternalError' },
  );
  writer.beginMessage();
  assert.throws(
    () => {
      writer.beginMessage();
    },
    { name: 'InternalError' },
  );
  assert.throws(() => writer.takeOutput(), { name: 'InternalError' });
  assert.throws(
    () => {
      writer.writeNoop();
    },
    { name: 'InternalError' },
  );
  assert.throws(
    () => {
      writer.endMessage();
    },
    { name: 'InternalError' },
    'an empty message would read as a NOOP',
  );
  assert.throws(() => new MessageWriter(new Packer(), { maxChunkSize: 0x10000 }), { name: 'InternalError' });
});

test('random messages framed with any chunk size decode back to their PackStream bodies', () => {
  const value = fc.oneof(
    fc.uint8Array({ maxLength: 2000 }),
    fc.string({ maxLength: 300 }),
    fc.array(fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n }), { maxLength: 50 }),
  );
  fc.assert(
    fc.property(
      fc.array(value, { minLength: 1, maxLength: 6 }),
      fc.integer({ min: 1, max: 700 }),
      (values, chunkSize) => {
        const writer = new MessageWriter(new Packer({ initialCapacity: 16 }), { maxChunkSize: chunkSize });
        for (const item of values) {
          writer.writeMessage((packer) => {
            packer.packValue(item);
          });
        }
        const output = writer.takeOutput();
        assert.ok(chunkSizes(output).every((size) => size <= chunkSize));
        assert.deepEqual(
          decodeFrames(output).map(toHex),
          values.map((item) => toHex(encode(item))),
        );
      },
    ),
  );
});
