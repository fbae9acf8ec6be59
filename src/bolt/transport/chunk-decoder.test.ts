import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { ProtocolError } from '../../errors/index.js';
import { fromHex, toHex } from '../../util/index.js';
import { APPENDIX_A_MESSAGES } from './appendix-a.fixture.js';
import { ChunkDecoder, type ChunkDecoderOptions } from './chunk-decoder.js';

/** Frames `body` with chunks of `chunkSize` bytes (a reference encoder independent of MessageWriter). */
function frame(body: Uint8Array, chunkSize = 0xffff): Uint8Array {
  const parts: number[] = [];
  for (let start = 0; start < body.length; start += chunkSize) {
    const chunk = body.subarray(start, start + chunkSize);
    parts.push(chunk.length >> 8, chunk.length & 0xff, ...chunk);
  }
  parts.push(0, 0);
  return Uint8Array.from(parts);
}

function concat(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

/** Decodes `pieces` pushed in order and returns the message bodies as hex. */
function decodeAll(pieces: readonly Uint8Array[], options?: ChunkDecoderOptions): string[] {
  const decoder = new ChunkDecoder(options);
  const messages: string[] = [];
  for (const piece of pieces)
    decoder.push(piece, (bytes, start, end) => messages.push(toHex(bytes.subarray(start, end))));
  assert.ok(decoder.isIdle, 'the stream ends between messages');
  return messages;
}

const VECTORS = APPENDIX_A_MESSAGES.map(([name, hex]) => ({
  name,
  framed: fromHex(hex),
  body: toHex(fromHex(hex).subarray(2, -2)),
}));
const STREAM = concat(VECTORS.map((vector) => vector.framed));
const BODIES = VECTORS.map((vector) => vector.body);

test('each Appendix A message decodes to its body', () => {
  for (const { name, framed, body } of VECTORS) assert.deepEqual(decodeAll([framed]), [body], name);
});

test('the Appendix A messages as one stream split at every byte boundary decode the same', () => {
  for (let cut = 0; cut <= STREAM.length; cut++) {
    assert.deepEqual(decodeAll([STREAM.subarray(0, cut), STREAM.subarray(cut)]), BODIES, `cut at ${cut}`);
  }
});

test('the Appendix A stream pushed one byte at a time decodes the same', () => {
  assert.deepEqual(decodeAll(Array.from(STREAM, (byte) => Uint8Array.of(byte))), BODIES);
});

test('a message of several chunks is joined: the digest 16 + 4 example', () => {
  const body = Uint8Array.from({ length: 20 }, (_, index) => index + 1);
  const framed = concat([
    fromHex('00 10'),
    body.subarray(0, 16),
    fromHex('00 04'),
    body.subarray(16),
    fromHex('00 00'),
  ]);
  assert.deepEqual(decodeAll([framed]), [toHex(body)]);
});

test('NOOP chunks before, between and after messages are skipped', () => {
  const stream = fromHex('00 00 00 00 00 02 b0 0f 00 00 00 00 00 00 00 02 b0 02 00 00 00 00');
  assert.deepEqual(decodeAll([stream]), ['b0 0f', 'b0 02']);
});

test('a single-chunk message inside one push is handed out without copying', () => {
  const input = fromHex('00 02 b0 0f 00 00 00 04 b1 71 91 01 00 00');
  const seen: Uint8Array[] = [];
  new ChunkDecoder().push(input, (bytes, start, end) => seen.push(bytes.subarray(start, end)));
  assert.equal(seen.length, 2);
  for (const message of seen) assert.equal(message.buffer, input.buffer);
  assert.equal(seen[1]?.byteOffset, 8);
});

test('a message split over pushes is assembled into a fresh buffer', () => {
  const input = fromHex('00 04 b1 71 91 01 00 00');
  const seen: Uint8Array[] = [];
  const decoder = new ChunkDecoder();
  decoder.push(input.subarray(0, 4), (bytes, start, end) => seen.push(bytes.subarray(start, end)));
  assert.equal(decoder.bufferedBytes, 2);
  assert.equal(decoder.isIdle, false);
  decoder.push(input.subarray(4), (bytes, start, end) => seen.push(bytes.subarray(start, end)));
  assert.equal(toHex(seen[0]!), 'b1 71 91 01');
  assert.equal(decoder.bufferedBytes, 0);
});

test('messages of 65 535 and 65 536 bytes decode whole', () => {
  for (const size of [0xffff, 0x10000]) {
    const body = Uint8Array.from({ length: size }, (_, index) => (index * 7) & 0xff);
    const framed = frame(body);
    const seen: Uint8Array[] = [];
    new ChunkDecoder().push(framed, (bytes, start, end) => seen.push(bytes.subarray(start, end)));
    assert.equal(seen.length, 1);
    assert.deepEqual(seen[0], body);
    assert.equal(framed.length, size + 2 * Math.ceil(size / 0xffff) + 2);
  }
});

test('a message over the size limit fails with InvalidFormat when its chunk header arrives', () => {
  const decoder = new ChunkDecoder({ maxMessageBytes: 10 });
  const received: string[] = [];
  decoder.push(frame(new Uint8Array(10).fill(1)), (bytes, start, end) =>
    received.push(toHex(bytes.subarray(start, end))),
  );
  assert.equal(received.length, 1, 'exactly at the limit is accepted');
  const push = (): void => {
    // 6 + 5 bytes: the second header already makes the message too large, before its data arrives.
    decoder.push(fromHex('00 06 01 02 03 04 05 06 00 05'), () => assert.fail('no message expected'));
  };
  assert.throws(push, (error: unknown) => {
    assert.ok(error instanceof ProtocolError);
    assert.equal(error.code, 'Neo.ClientError.Request.InvalidFormat');
    return true;
  });
  assert.equal(decoder.bufferedBytes, 6, 'only the accepted chunk was kept');
  assert.throws(() => {
    decoder.push(fromHex('00 00'), () => assert.fail('no message expected'));
  }, ProtocolError);
});

test('a single chunk over the limit fails before any of its data is kept', () => {
  const decoder = new ChunkDecoder({ maxMessageBytes: 4 });
  assert.throws(() => {
    decoder.push(fromHex('00 05'), () => assert.fail('no message expected'));
  }, ProtocolError);
  assert.equal(decoder.bufferedBytes, 0);
});

test('a whole single-chunk message over the limit inside one read fails too, after the ones before it', () => {
  const decoder = new ChunkDecoder({ maxMessageBytes: 4 });
  const received: string[] = [];
  assert.throws(() => {
    decoder.push(fromHex('00 02 b0 0f 00 00 00 05 01 02 03 04 05 00 00'), (bytes, start, end) =>
      received.push(toHex(bytes.subarray(start, end))),
    );
  }, ProtocolError);
  assert.deepEqual(received, ['b0 0f']);
});

test('random message sequences with NOOPs, chunk sizes and splits decode to the same bodies', () => {
  const message = fc.record({
    body: fc.uint8Array({ minLength: 1, maxLength: 300 }),
    chunkSize: fc.integer({ min: 1, max: 400 }),
    noopsBefore: fc.integer({ min: 0, max: 2 }),
  });
  fc.assert(
    fc.property(
      fc.array(message, { minLength: 1, maxLength: 8 }),
      fc.array(fc.nat(), { maxLength: 6 }),
      (messages, cuts) => {
        const stream = concat(
          messages.map(({ body, chunkSize, noopsBefore }) =>
            concat([new Uint8Array(2 * noopsBefore), frame(body, chunkSize)]),
          ),
        );
        const points = [...new Set(cuts.map((cut) => cut % (stream.length + 1)))].sort((a, b) => a - b);
        const pieces = [0, ...points].map((start, index) =>
          stream.subarray(start, [...points, stream.length][index]),
        );
        assert.deepEqual(
          decodeAll(pieces),
          messages.map(({ body }) => toHex(body)),
        );
      },
    ),
  );
});
