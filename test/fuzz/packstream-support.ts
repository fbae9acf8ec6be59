/**
 * Test support for the PackStream codec: fast-check arbitraries for PackStream values and an independent,
 * deliberately simple reference encoder written from the spec tables (bolt-spec-digest §4.2, §4.3). The
 * reference encoder can pick any legal width for every header (`widen`), which gives non-canonical but
 * valid encodings for the "accept every width" properties; with the default it must equal Quiver's output.
 */
import fc from 'fast-check';
import { Structure } from '../../src/packstream/index.js';

export const INT64_MIN = -(2n ** 63n);
export const INT64_MAX = 2n ** 63n - 1n;

/** Every integer range boundary of the canonical table, and its neighbours. */
export const INTEGER_BOUNDARIES: readonly bigint[] = [
  INT64_MIN,
  INT64_MIN + 1n,
  -2147483649n,
  -2147483648n,
  -32769n,
  -32768n,
  -129n,
  -128n,
  -17n,
  -16n,
  -1n,
  0n,
  1n,
  127n,
  128n,
  32767n,
  32768n,
  2147483647n,
  2147483648n,
  INT64_MAX - 1n,
  INT64_MAX,
];

export const int64Arbitrary: fc.Arbitrary<bigint> = fc.oneof(
  fc.bigInt(INT64_MIN, INT64_MAX),
  fc.integer({ min: -200, max: 200 }).map(BigInt),
  fc.constantFrom(...INTEGER_BOUNDARIES),
);

export const floatArbitrary: fc.Arbitrary<number> = fc.oneof(
  fc.double(),
  fc.constantFrom(Number.NaN, -0, 0, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, 1.23, 2 ** 53),
);

/** Unicode strings of any code point (astral included, lone surrogates excluded: they cannot round-trip). */
export const stringArbitrary: fc.Arbitrary<string> = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
  fc.string({ unit: 'grapheme-ascii', maxLength: 40 }),
  fc.constantFrom('', '\u{1F600}', '\uFEFFbom', 'é'.repeat(8), 'x'.repeat(300)),
);

export const bytesArbitrary: fc.Arbitrary<Uint8Array> = fc.uint8Array({ maxLength: 40 });

export const leafArbitrary: fc.Arbitrary<unknown> = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  int64Arbitrary,
  floatArbitrary,
  stringArbitrary,
  bytesArbitrary,
);

/** Map keys, including names an object could inherit (`__proto__`, `constructor`, `toString`). */
export const keyArbitrary: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: stringArbitrary },
  {
    weight: 1,
    arbitrary: fc.constantFrom('__proto__', 'constructor', 'toString', 'hasOwnProperty', '0', '10'),
  },
);

/** Builds a plain map the way the decoder does (so `__proto__` stays an own key). */
export function plainMap(entries: readonly (readonly [string, unknown])[]): Record<string, unknown> {
  const map: Record<string, unknown> = {};
  for (const [key, value] of entries) {
    Object.defineProperty(map, key, { value, writable: true, enumerable: true, configurable: true });
  }
  return map;
}

/** Any PackStream value: leaves, lists, maps and generic structures (tags 0…127, ≤ 15 fields), nested. */
export const packValueArbitrary: fc.Arbitrary<unknown> = fc.letrec<{
  value: unknown;
  list: unknown[];
  map: Record<string, unknown>;
  struct: Structure;
}>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    leafArbitrary,
    tie('list'),
    tie('map'),
    tie('struct'),
  ),
  list: fc.array(tie('value'), { maxLength: 12 }),
  map: fc.array(fc.tuple(keyArbitrary, tie('value')), { maxLength: 8 }).map(plainMap),
  struct: fc
    .tuple(fc.integer({ min: 0, max: 127 }), fc.array(tie('value'), { maxLength: 15 }))
    .map(([tag, fields]) => new Structure(tag, fields)),
})).value;

/** Picks one of `count` legal header forms, smallest first. */
export type Widen = (count: number) => number;
const smallest: Widen = () => 0;

/** A deterministic width chooser from a seed (mulberry32), for non-canonical encodings. */
export function randomWiden(seed: number): Widen {
  let state = seed >>> 0;
  return (count) => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) % count;
  };
}

const encoder = new TextEncoder();

/**
 * The reference encoder. Integers: forms tiny/C8/C9/CA/CB that can hold the value; sizes: the tiny form
 * (where the type has one) and the 8/16/32-bit forms that can hold the size; structs: tiny, DC, DD.
 */
export function referenceEncode(value: unknown, widen: Widen = smallest): Uint8Array {
  const out: number[] = [];
  writeReference(out, value, widen);
  return Uint8Array.from(out);
}

function pushAll(out: number[], bytes: Uint8Array): void {
  for (const byte of bytes) out.push(byte);
}

function pushBigEndian(out: number[], value: bigint, bytes: number): void {
  const unsigned = BigInt.asUintN(bytes * 8, value);
  for (let index = bytes - 1; index >= 0; index--) out.push(Number((unsigned >> BigInt(index * 8)) & 0xffn));
}

function integerForms(value: bigint): [number | undefined, number][] {
  const forms: [number | undefined, number][] = [];
  if (value >= -16n && value <= 127n) forms.push([undefined, 1]);
  if (value >= -128n && value <= 127n) forms.push([0xc8, 1]);
  if (value >= -32768n && value <= 32767n) forms.push([0xc9, 2]);
  if (value >= -2147483648n && value <= 2147483647n) forms.push([0xca, 4]);
  forms.push([0xcb, 8]);
  return forms;
}

function writeSize(out: number[], size: number, tiny: number | undefined, wide: number, widen: Widen): void {
  const forms: [number, number][] = [];
  if (tiny !== undefined && size <= 15) forms.push([tiny | size, 0]);
  if (size <= 0xff) forms.push([wide, 1]);
  if (size <= 0xffff) forms.push([wide + 1, 2]);
  forms.push([wide + 2, 4]);
  const [marker, bytes] = forms[widen(forms.length)]!;
  out.push(marker);
  pushBigEndian(out, BigInt(size), bytes);
}

function writeReference(out: number[], value: unknown, widen: Widen): void {
  if (value === null) {
    out.push(0xc0);
  } else if (typeof value === 'boolean') {
    out.push(value ? 0xc3 : 0xc2);
  } else if (typeof value === 'bigint') {
    const forms = integerForms(value);
    const [marker, bytes] = forms[widen(forms.length)]!;
    if (marker === undefined) out.push(Number(BigInt.asUintN(8, value)));
    else {
      out.push(marker);
      pushBigEndian(out, value, bytes);
    }
  } else if (typeof value === 'number') {
    const scratch = new DataView(new ArrayBuffer(8));
    scratch.setFloat64(0, value);
    out.push(0xc1);
    pushAll(out, new Uint8Array(scratch.buffer));
  } else if (typeof value === 'string') {
    const bytes = encoder.encode(value);
    writeSize(out, bytes.length, 0x80, 0xd0, widen);
    pushAll(out, bytes);
  } else if (value instanceof Uint8Array) {
    writeSize(out, value.length, undefined, 0xcc, widen);
    pushAll(out, value);
  } else if (Array.isArray(value)) {
    writeSize(out, value.length, 0x90, 0xd4, widen);
    for (const item of value as unknown[]) writeReference(out, item, widen);
  } else if (value instanceof Structure) {
    const form = widen(3);
    if (form === 0) out.push(0xb0 | value.fields.length);
    else if (form === 1) out.push(0xdc, value.fields.length);
    else out.push(0xdd, 0, value.fields.length);
    out.push(value.tag);
    for (const field of value.fields) writeReference(out, field, widen);
  } else if (typeof value === 'object') {
    const keys = Object.keys(value);
    writeSize(out, keys.length, 0xa0, 0xd8, widen);
    for (const key of keys) {
      writeReference(out, key, widen);
      writeReference(out, (value as Record<string, unknown>)[key], widen);
    }
  } else {
    throw new TypeError(`reference encoder: unsupported ${typeof value}`);
  }
}

/**
 * fast-check parameters: a fixed seed keeps CI deterministic; set QUIVER_FC_SEED to explore other seeds
 * (a failure report prints the seed and path to replay).
 */
export function propertyParameters(numRuns: number): fc.Parameters<unknown> {
  const seedText = process.env['QUIVER_FC_SEED'];
  const seed = seedText === undefined ? 0x5eed : Number(seedText);
  return { numRuns, seed };
}
