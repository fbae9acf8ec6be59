import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { decode, encode, Packer } from './index.js';

/** One step against a packer: pack a value, or take what was packed (as a Buffer, or as a copy). */
type Step =
  | { readonly kind: 'pack'; readonly value: unknown }
  | { readonly kind: 'take'; readonly copy: boolean }
  | { readonly kind: 'reset' };

const value = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n }),
  // Sometimes larger than a view may be, and sometimes large enough to make the buffer grow.
  fc.uint8Array({ maxLength: 3000 }),
  fc.array(fc.string({ maxLength: 8 }), { maxLength: 30 }),
);
const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 6, arbitrary: value.map((packed) => ({ kind: 'pack' as const, value: packed })) },
  { weight: 3, arbitrary: fc.boolean().map((copy) => ({ kind: 'take' as const, copy })) },
  { weight: 1, arbitrary: fc.constant({ kind: 'reset' as const }) },
);

test('what takeBuffer hands out never changes, whatever the packer writes afterwards', () => {
  fc.assert(
    fc.property(fc.array(step, { maxLength: 60 }), (steps) => {
      const packer = new Packer({ initialCapacity: 16 });
      const taken: { readonly bytes: Uint8Array; readonly expected: Uint8Array }[] = [];
      let pending: Uint8Array[] = [];
      for (const current of steps) {
        if (current.kind === 'pack') {
          packer.packValue(current.value);
          pending.push(encode(current.value));
        } else if (current.kind === 'reset') {
          packer.reset();
          pending = [];
        } else {
          const expected = Buffer.concat(pending);
          const bytes = current.copy ? packer.takeBytes() : packer.takeBuffer();
          assert.deepEqual(Buffer.from(bytes), expected);
          taken.push({ bytes, expected });
          pending = [];
        }
        assert.equal(
          packer.length,
          pending.reduce((sum, bytes) => sum + bytes.length, 0),
        );
      }
      for (const { bytes, expected } of taken) assert.deepEqual(Buffer.from(bytes), expected);
    }),
    { numRuns: 300 },
  );
});

test('small takes share one buffer and leave it for a new one when it is nearly full', () => {
  const packer = new Packer({ initialCapacity: 16 });
  const takes: Buffer[] = [];
  for (let index = 0; index < 200; index++) {
    packer.packValue(`reply ${index} `.repeat(8));
    takes.push(packer.takeBuffer());
  }
  const buffers = new Set(takes.map((bytes) => bytes.buffer));
  assert.ok(buffers.size > 1 && buffers.size < 40, `${buffers.size} buffers for 200 replies`);
  takes.forEach((bytes, index) => {
    assert.equal(decode(bytes), `reply ${index} `.repeat(8));
  });
});
