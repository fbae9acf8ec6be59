// Time-boxed fuzzing of the PackStream decoder (and encoder). Budget: QUIVER_FUZZ_SECONDS in total (default
// 8), shared by the properties below; QUIVER_FC_SEED picks another seed. The decoder runs with tight limits
// and must only ever return a value or throw a PackStreamError: never another error, never hang.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { PackStreamError, type PackStreamErrorReason } from '../../src/errors/index.js';
import { Unpacker, decode, encode, type PackStreamLimits } from '../../src/packstream/index.js';
import { packValueArbitrary } from './packstream-support.js';

const budgetSeconds = Number(process.env['QUIVER_FUZZ_SECONDS'] ?? '8');
const BUDGET_MS = (Number.isFinite(budgetSeconds) && budgetSeconds > 0 ? budgetSeconds : 8) * 1000;
const seedText = process.env['QUIVER_FC_SEED'];
const SEED = seedText === undefined ? 0xf22 : Number(seedText);
/** Generous: inputs are at most a few KiB, so any decode taking this long is effectively a hang. */
const MAX_DECODE_MS = 1000;

const TIGHT_LIMITS: PackStreamLimits = {
  maxStringBytes: 512,
  maxBytesLength: 512,
  maxListLength: 64,
  maxMapEntries: 64,
  maxDepth: 12,
  maxStructFields: 15,
};

/** Length headers that claim far more than any input holds. */
const HUGE_HEADERS: readonly number[][] = [
  [0xd2, 0x7f, 0xff, 0xff, 0xff],
  [0xd2, 0xff, 0xff, 0xff, 0xff],
  [0xda, 0xff, 0xff, 0xff, 0xff],
  [0xd6, 0xff, 0xff, 0xff, 0xff],
  [0xce, 0xff, 0xff, 0xff, 0xff],
  [0xd1, 0xff, 0xff],
  [0xd9, 0xff, 0xff],
  [0xdd, 0xff, 0xff],
  [0xdc, 0xff],
];

function fuzzParameters(share: number): fc.Parameters<unknown> {
  return {
    seed: SEED,
    numRuns: 10_000_000,
    plugins: [fc.interruptAfterTimeLimit(Math.max(200, BUDGET_MS * share))],
  };
}

/** Runs the decoder in every way Bolt uses it; anything but a value or a PackStreamError fails the test. */
function decodeSafely(bytes: Uint8Array): void {
  const started = performance.now();
  for (const attempt of [
    () => decode(bytes, { limits: TIGHT_LIMITS }),
    () => readAllValues(bytes),
    () => new Unpacker({ limits: TIGHT_LIMITS }).readStructHeader(bytes),
    () => decode(bytes, { limits: TIGHT_LIMITS, hydrate: (tag, fields) => ({ tag, fields }) }),
  ]) {
    try {
      attempt();
    } catch (error) {
      if (!(error instanceof PackStreamError)) throw error;
    }
  }
  assert.ok(performance.now() - started < MAX_DECODE_MS, 'decoding took too long');
}

/** Reads consecutive values until the input ends, like a caller walking a message's fields. */
function readAllValues(bytes: Uint8Array): unknown[] {
  const unpacker = new Unpacker({ limits: TIGHT_LIMITS });
  const values = [unpacker.unpack(bytes, 0)];
  while (unpacker.offset < bytes.length) values.push(unpacker.unpack(bytes, unpacker.offset));
  return values;
}

type Mutation =
  | { readonly kind: 'flip'; readonly at: number; readonly bit: number }
  | { readonly kind: 'set'; readonly at: number; readonly byte: number }
  | { readonly kind: 'truncate'; readonly at: number }
  | { readonly kind: 'insert'; readonly at: number; readonly header: number }
  | { readonly kind: 'delete'; readonly at: number; readonly length: number }
  | { readonly kind: 'duplicate'; readonly at: number; readonly length: number };

const position = fc.nat({ max: 1 << 16 });
const mutationArbitrary: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('flip' as const), at: position, bit: fc.nat({ max: 7 }) }),
  fc.record({ kind: fc.constant('set' as const), at: position, byte: fc.nat({ max: 255 }) }),
  fc.record({ kind: fc.constant('truncate' as const), at: position }),
  fc.record({
    kind: fc.constant('insert' as const),
    at: position,
    header: fc.nat({ max: HUGE_HEADERS.length - 1 }),
  }),
  fc.record({ kind: fc.constant('delete' as const), at: position, length: fc.integer({ min: 1, max: 8 }) }),
  fc.record({
    kind: fc.constant('duplicate' as const),
    at: position,
    length: fc.integer({ min: 1, max: 16 }),
  }),
);

function mutate(bytes: readonly number[], mutation: Mutation): number[] {
  const at = bytes.length === 0 ? 0 : mutation.at % (bytes.length + 1);
  const out = [...bytes];
  switch (mutation.kind) {
    case 'flip':
      if (at < out.length) out[at] = out[at]! ^ (1 << mutation.bit);
      return out;
    case 'set':
      if (at < out.length) out[at] = mutation.byte;
      return out;
    case 'truncate':
      return out.slice(0, at);
    case 'insert':
      out.splice(at, 0, ...HUGE_HEADERS[mutation.header]!);
      return out;
    case 'delete':
      out.splice(at, mutation.length);
      return out;
    case 'duplicate':
      out.splice(at, 0, ...out.slice(at, at + mutation.length));
      return out;
  }
}

describe('PackStream decoder fuzzing', () => {
  test('random bytes decode to a value or a PackStreamError', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 256 }), (bytes) => {
        decodeSafely(bytes);
      }),
      fuzzParameters(0.25),
    );
  });

  test('mutated valid encodings decode to a value or a PackStreamError', () => {
    fc.assert(
      fc.property(
        packValueArbitrary,
        fc.array(mutationArbitrary, { minLength: 1, maxLength: 4 }),
        (value, mutations) => {
          let bytes = [...encode(value)];
          for (const mutation of mutations) bytes = mutate(bytes, mutation);
          decodeSafely(Uint8Array.from(bytes));
        },
      ),
      fuzzParameters(0.5),
    );
  });

  test('the encoder only throws PackStreamError, whatever JS value it is given', () => {
    fc.assert(
      fc.property(
        fc.anything({
          withBoxedValues: true,
          withMap: true,
          withSet: true,
          withTypedArray: true,
          withBigInt: true,
          withDate: true,
          withSparseArray: true,
          withNullPrototype: true,
        }),
        (value) => {
          let bytes: Uint8Array;
          try {
            bytes = encode(value);
          } catch (error) {
            if (!(error instanceof PackStreamError)) throw error;
            return;
          }
          decode(bytes);
        },
      ),
      fuzzParameters(0.15),
    );
  });
});

/** Records every Array / Uint8Array construction with a length above `threshold` while `action` runs. */
function largeAllocationsDuring(action: () => void, threshold: number): number[] {
  const sizes: number[] = [];
  const globals = globalThis as unknown as Record<'Array' | 'Uint8Array', unknown>;
  const originals = { Array: globals.Array, Uint8Array: globals.Uint8Array };
  const watch = <T extends object>(target: T): T =>
    new Proxy(target, {
      construct(constructor, args: unknown[], newTarget) {
        const size = args[0];
        if (typeof size === 'number' && size > threshold) sizes.push(size);
        return Reflect.construct(constructor as new (...a: unknown[]) => object, args, newTarget) as object;
      },
    });
  globals.Array = watch(Array);
  globals.Uint8Array = watch(Uint8Array);
  try {
    action();
  } finally {
    globals.Array = originals.Array;
    globals.Uint8Array = originals.Uint8Array;
  }
  return sizes;
}

describe('huge declared lengths', () => {
  const unlimited: Partial<PackStreamLimits> = {
    maxStringBytes: Infinity,
    maxBytesLength: Infinity,
    maxListLength: Infinity,
    maxMapEntries: Infinity,
    maxStructFields: Infinity,
  };

  for (const header of HUGE_HEADERS) {
    const name = header.map((byte) => byte.toString(16).toUpperCase().padStart(2, '0')).join(' ');
    test(`${name} fails at the header, before allocating or reading a payload`, () => {
      const input = Uint8Array.from([0x91, ...header, 0x01, 0x02, 0x03]);
      const outcomes: { limited?: PackStreamErrorReason; unlimited?: PackStreamErrorReason } = {};
      const sizes = largeAllocationsDuring(() => {
        for (const [key, limits] of [
          ['limited', undefined],
          ['unlimited', unlimited],
        ] as const) {
          try {
            decode(input, limits === undefined ? undefined : { limits });
          } catch (error) {
            assert.ok(error instanceof PackStreamError);
            assert.ok(
              error.offset !== undefined && error.offset <= 1 + header.length,
              `offset ${error.offset}`,
            );
            outcomes[key] = error.reason;
          }
        }
      }, 1024);
      assert.deepEqual(sizes, []);
      assert.equal(outcomes.unlimited, 'UNEXPECTED_END');
      assert.ok(outcomes.limited === 'SIZE_LIMIT' || outcomes.limited === 'UNEXPECTED_END');
    });
  }

  test('the allocation watch does see a large allocation (so the checks above can fail)', () => {
    const bytes = new Uint8Array(5 + 4096);
    bytes.set([0xce, 0, 0, 0x10, 0]);
    assert.deepEqual(
      largeAllocationsDuring(() => decode(bytes), 1024),
      [4096],
    );
  });

  test('a stream of huge headers stays fast and does not grow memory', () => {
    const input = Uint8Array.from(HUGE_HEADERS.flat());
    const before = process.memoryUsage();
    const started = performance.now();
    for (let round = 0; round < 2000; round++) {
      for (let offset = 0; offset < input.length; offset++) {
        try {
          new Unpacker({ limits: unlimited }).unpack(input, offset);
        } catch (error) {
          assert.ok(error instanceof PackStreamError);
        }
      }
    }
    const after = process.memoryUsage();
    assert.ok(performance.now() - started < 10_000);
    assert.ok(after.arrayBuffers - before.arrayBuffers < 64 * 1024 * 1024, 'array buffers grew');
  });
});
