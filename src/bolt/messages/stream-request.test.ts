import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { int64Arbitrary, randomWiden, referenceEncode } from '../../../test/fuzz/packstream-support.js';
import { decode, Structure } from '../../packstream/index.js';
import { decodeDiscard } from './discard.js';
import { decodePull } from './pull.js';
import { readStreamRequest } from './stream-request.js';

const integer = fc.oneof(
  fc.constantFrom(-1n, 0n, 1n, 1000n, -2n, 127n, -16n, -17n, 128n, 32767n, 32768n, 2n ** 31n),
  fc.bigInt({ min: -(2n ** 31n), max: 2n ** 31n - 1n }),
  int64Arbitrary,
);
/** PULL/DISCARD extras: mostly `n` and maybe `qid`, sometimes other keys or values of another type. */
const extra = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.record(
      { n: integer, qid: fc.oneof(integer, fc.bigInt({ min: -3n, max: 3n })) },
      { requiredKeys: ['n'] },
    ),
  },
  {
    weight: 4,
    arbitrary: fc.dictionary(
      fc.oneof(fc.constantFrom('n', 'qid'), fc.constantFrom('m', 'nn', 'q', 'qidd', 'db')),
      fc.oneof({ weight: 8, arbitrary: integer }, { weight: 1, arbitrary: fc.constantFrom('x', null, 1.5) }),
      { maxKeys: 3 },
    ),
  },
);

function generalDecode(tag: number, body: Uint8Array): unknown {
  const struct = decode(body);
  assert.ok(struct instanceof Structure);
  try {
    return tag === 0x3f ? decodePull(struct.fields) : decodeDiscard(struct.fields);
  } catch {
    return 'refused';
  }
}

test('PULL and DISCARD read from their bytes give what the general decoder gives, or are left to it', () => {
  let read = 0;
  fc.assert(
    fc.property(
      fc.constantFrom(0x3f, 0x2f),
      extra,
      fc.option(fc.integer(), { freq: 2 }),
      (tag, map, seed) => {
        // The smallest encoding (what drivers send), or any legal one: headers of every width allowed.
        const struct = new Structure(tag, [map]);
        const body = seed === null ? referenceEncode(struct) : referenceEncode(struct, randomWiden(seed));
        const padded = Uint8Array.from([7, 7, ...body, 9]);
        const fast = readStreamRequest(padded, 2, 2 + body.length);
        if (fast === null) return;
        read++;
        assert.deepEqual(fast, generalDecode(tag, body));
      },
    ),
    { numRuns: 2000 },
  );
  assert.ok(read > 100, `only ${read} requests were read from their bytes`);
});

test('the requests drivers send are read from their bytes', () => {
  const cases: [string, unknown][] = [
    ['B1 3F A1 81 6E C9 03 E8', { kind: 'PULL', n: 1000, qid: -1 }],
    ['B1 3F A1 81 6E FF', { kind: 'PULL', n: -1, qid: -1 }],
    ['B1 3F A2 81 6E C9 03 E8 83 71 69 64 02', { kind: 'PULL', n: 1000, qid: 2 }],
    ['B1 2F A2 83 71 69 64 FF 81 6E FF', { kind: 'DISCARD', n: -1, qid: -1 }],
  ];
  for (const [hex, expected] of cases) {
    const bytes = Uint8Array.from(hex.split(' ').map((byte) => parseInt(byte, 16)));
    assert.deepEqual(readStreamRequest(bytes, 0, bytes.length), expected, hex);
  }
  // n of 0, a missing n, a trailing byte: for the general decoder (which refuses them).
  for (const hex of ['B1 3F A1 81 6E 00', 'B1 3F A1 83 71 69 64 01', 'B1 3F A1 81 6E 01 00']) {
    const bytes = Uint8Array.from(hex.split(' ').map((byte) => parseInt(byte, 16)));
    assert.equal(readStreamRequest(bytes, 0, bytes.length), null, hex);
  }
});
