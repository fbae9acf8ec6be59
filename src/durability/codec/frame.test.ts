import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { crc32c } from './crc32c.js';
import { decodeFrame, encodeFrame, FRAME_HEADER_BYTES } from './frame.js';

test('a frame is its length, the checksum of length and payload, then the payload', () => {
  const frame = encodeFrame(new Uint8Array([0xaa, 0xbb]));
  assert.deepEqual([...frame.subarray(0, 4)], [2, 0, 0, 0]);
  const checksum = new DataView(frame.buffer).getUint32(4, true);
  assert.equal(checksum, crc32c(new Uint8Array([2, 0, 0, 0, 0xaa, 0xbb])));
  assert.deepEqual([...frame.subarray(8)], [0xaa, 0xbb]);
});

test('consecutive frames decode one after another and then report the end', () => {
  fc.assert(
    fc.property(fc.array(fc.uint8Array({ maxLength: 20 }), { maxLength: 6 }), (payloads) => {
      const bytes = new Uint8Array(payloads.flatMap((payload) => [...encodeFrame(payload)]));
      let offset = 0;
      for (const payload of payloads) {
        const decoded = decodeFrame(bytes, offset);
        assert.ok(decoded.kind === 'frame');
        assert.deepEqual([...decoded.payload], [...payload]);
        offset = decoded.end;
      }
      assert.deepEqual(decodeFrame(bytes, offset), { kind: 'end' });
    }),
  );
});

test('every proper prefix of a frame is torn', () => {
  const frame = encodeFrame(new Uint8Array([1, 2, 3, 4, 5]));
  for (let length = 1; length < frame.length; length++) {
    const decoded = decodeFrame(frame.subarray(0, length), 0);
    assert.ok(decoded.kind === 'torn', `prefix of ${length} bytes`);
    assert.match(decoded.reason, /incomplete/);
  }
});

test('flipping any bit of a frame makes it torn or shorter, never a different valid payload', () => {
  const frame = encodeFrame(new Uint8Array([10, 20, 30, 40]));
  for (let bit = 0; bit < frame.length * 8; bit++) {
    const damaged = frame.slice();
    damaged[bit >> 3] = damaged[bit >> 3]! ^ (1 << (bit & 7));
    assert.equal(decodeFrame(damaged, 0).kind, 'torn', `bit ${bit}`);
  }
});

test('zeroed bytes, as a file system may leave after a crash, are torn', () => {
  const decoded = decodeFrame(new Uint8Array(FRAME_HEADER_BYTES + 4), 0);
  assert.ok(decoded.kind === 'torn');
  assert.match(decoded.reason, /checksum mismatch/);
});
