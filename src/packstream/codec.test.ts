// Round-trip and canonical-form properties of the codec (fast-check), against an independent reference
// encoder (test/fuzz/packstream-support.ts).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { PackStreamError } from '../errors/index.js';
import { toHex } from '../util/index.js';
import {
  int64Arbitrary,
  packValueArbitrary,
  propertyParameters,
  randomWiden,
  referenceEncode,
} from '../../test/fuzz/packstream-support.js';
import { decode, encode } from './index.js';

/** Every encoding the reference encoder can give an integer: tiny (if it fits), then C8, C9, CA, CB. */
function allIntegerEncodings(value: bigint): Uint8Array[] {
  const encodings: Uint8Array[] = [];
  for (let form = 0; ; form++) {
    let calls = 0;
    let count = 0;
    const bytes = referenceEncode(value, (choices) => {
      calls++;
      count = choices;
      return form;
    });
    assert.equal(calls, 1);
    encodings.push(bytes);
    if (form === count - 1) return encodings;
  }
}

describe('PackStream codec properties', () => {
  test('decode(encode(v)) deep-equals v for generated PackStream values', () => {
    fc.assert(
      fc.property(packValueArbitrary, (value) => {
        assert.deepEqual(decode(encode(value)), value);
      }),
      propertyParameters(300),
    );
  });

  test('floats keep their exact bits: NaN, -0 and ±Infinity included', () => {
    fc.assert(
      fc.property(fc.double(), (value) => {
        assert.ok(Object.is(decode(encode(value)), value));
      }),
      propertyParameters(1000),
    );
  });

  test('the encoding is canonical: byte-identical to the smallest reference encoding', () => {
    fc.assert(
      fc.property(packValueArbitrary, (value) => {
        assert.equal(toHex(encode(value)), toHex(referenceEncode(value)));
      }),
      propertyParameters(300),
    );
  });

  test('every width an integer fits in decodes to that integer, and re-encodes canonically', () => {
    fc.assert(
      fc.property(int64Arbitrary, (value) => {
        const encodings = allIntegerEncodings(value);
        assert.ok(encodings.length >= 1 && encodings.length <= 5);
        for (const bytes of encodings) assert.equal(decode(bytes), value);
        assert.equal(toHex(encode(value)), toHex(encodings[0]!));
      }),
      propertyParameters(1000),
    );
  });

  test('a non-canonical encoding decodes to the same value and re-encodes to the canonical bytes', () => {
    fc.assert(
      fc.property(packValueArbitrary, fc.integer(), (value, seed) => {
        const wide = referenceEncode(value, randomWiden(seed));
        const decoded = decode(wide);
        assert.deepEqual(decoded, value);
        assert.equal(toHex(encode(decoded)), toHex(referenceEncode(value)));
      }),
      propertyParameters(300),
    );
  });

  test('strings with any UTF-16 units (lone surrogates too) encode exactly like TextEncoder', () => {
    const anyUnit = fc.integer({ min: 0, max: 0xffff }).map((unit) => String.fromCharCode(unit));
    const text = fc.oneof(
      fc.string({ unit: anyUnit, maxLength: 20 }),
      fc.string({ unit: anyUnit, minLength: 80, maxLength: 300 }),
    );
    fc.assert(
      fc.property(text, (value) => {
        assert.equal(toHex(encode(value)), toHex(referenceEncode(value)));
      }),
      propertyParameters(1000),
    );
  });

  test('string decoding agrees with a fatal TextDecoder on arbitrary bytes', () => {
    const validPiece = fc
      .string({ unit: 'binary', maxLength: 6 })
      .map((text) => [...new TextEncoder().encode(text)]);
    const randomPiece = fc.array(fc.integer({ min: 0, max: 255 }), { maxLength: 3 });
    // Lead bytes at the edges of the UTF-8 ranges followed by continuation-ish bytes: overlongs,
    // surrogates, code points above U+10FFFF, truncated and stray sequences.
    const edgePiece = fc
      .tuple(
        fc.constantFrom(
          0x7f,
          0x80,
          0xbf,
          0xc0,
          0xc1,
          0xc2,
          0xdf,
          0xe0,
          0xe1,
          0xed,
          0xee,
          0xef,
          0xf0,
          0xf1,
          0xf4,
          0xf5,
          0xff,
        ),
        fc.array(fc.constantFrom(0x00, 0x7f, 0x80, 0x8f, 0x90, 0x9f, 0xa0, 0xbf, 0xc0), { maxLength: 3 }),
      )
      .map(([lead, rest]) => [lead, ...rest]);
    const payload = fc
      .array(
        fc.oneof(
          { weight: 3, arbitrary: validPiece },
          { weight: 1, arbitrary: randomPiece },
          { weight: 2, arbitrary: edgePiece },
        ),
        { maxLength: 30 },
      )
      .map((pieces) => Uint8Array.from(pieces.flat()));
    const reference = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
    fc.assert(
      fc.property(payload, (bytes) => {
        const input = new Uint8Array(5 + bytes.length);
        input[0] = 0xd2;
        new DataView(input.buffer).setUint32(1, bytes.length);
        input.set(bytes, 5);
        let expected: string | undefined;
        try {
          expected = reference.decode(bytes);
        } catch {
          expected = undefined;
        }
        if (expected === undefined) {
          assert.throws(
            () => decode(input),
            (error: unknown) => error instanceof PackStreamError && error.reason === 'INVALID_UTF8',
          );
        } else {
          assert.equal(decode(input), expected);
        }
      }),
      propertyParameters(2000),
    );
  });

  test('string decoding agrees with a fatal TextDecoder for every lead byte followed by boundary bytes', () => {
    // Validity only changes at these continuation-byte boundaries, so they stand in for all 256 values.
    const boundaries = [0x00, 0x7f, 0x80, 0x8f, 0x90, 0x9f, 0xa0, 0xbf, 0xc0, 0xff];
    const tails: number[][] = [[]];
    for (let length = 1; length <= 3; length++) {
      for (const tail of tails.filter((candidate) => candidate.length === length - 1)) {
        for (const byte of boundaries) tails.push([...tail, byte]);
      }
    }
    const reference = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
    for (let lead = 0; lead < 256; lead++) {
      for (const tail of tails) {
        if (tail.length === 3 && lead < 0xf0) continue;
        const bytes = Uint8Array.of(lead, ...tail);
        let expected: string | undefined;
        try {
          expected = reference.decode(bytes);
        } catch {
          expected = undefined;
        }
        let actual: string | undefined;
        try {
          actual = decode(Uint8Array.of(0x80 | bytes.length, ...bytes)) as string;
        } catch (error) {
          assert.ok(error instanceof PackStreamError && error.reason === 'INVALID_UTF8');
          actual = undefined;
        }
        if (actual !== expected) assert.fail(`bytes ${toHex(bytes)}: expected ${expected}, got ${actual}`);
      }
    }
  });
});
