/**
 * PackStream encode/decode throughput: Quiver's codec against the official JS driver's codec
 * (neo4j-driver-bolt-connection 6.3.0) in the same rounds. Goals from the issue: encode ≥ 2x, decode ≥ 1.5x.
 *
 * Fairness: both encoders write into a reused buffer without a final copy; the driver gets its native inputs
 * (driver Integers, Int8Array, its own Structure), so it pays no conversion. Decoding compares with the
 * driver's default lossless mode (Integer objects, its fastest); a second row per case compares with its
 * `useBigInt` mode, which yields the same `bigint`s as Quiver.
 */
import { Packer, Structure, Unpacker, encode } from '../src/packstream/index.js';
import type { BenchResult } from './support/bench-result.js';
import { DriverDecoder, DriverEncoder, toDriverValue } from './support/driver-codec.js';
import { compare } from './support/measure.js';
import { seededRandom as random } from '../test/support/seeded-random.js';

const SUITE = 'packstream';
const ENCODE_GOAL = 2;
const DECODE_GOAL = 1.5;

function mixedInts(count: number): bigint[] {
  const next = random(1);
  const ranges: readonly (readonly [number, number])[] = [
    [-16, 127],
    [-128, -17],
    [-32768, 32767],
    [-2147483648, 2147483647],
  ];
  return Array.from({ length: count }, (_, index) => {
    if (index % 5 === 4) return BigInt(Math.floor((next() - 0.5) * 2 ** 53)) * 1024n;
    const [low, high] = ranges[index % 4]!;
    return BigInt(low + Math.floor(next() * (high - low + 1)));
  });
}

function asciiStrings(count: number): string[] {
  const next = random(2);
  const alphabet = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_';
  return Array.from({ length: count }, () => {
    let text = '';
    const length = 4 + Math.floor(next() * 20);
    for (let index = 0; index < length; index++)
      text += alphabet.charAt(Math.floor(next() * alphabet.length));
    return text;
  });
}

function unicodeStrings(count: number): string[] {
  const next = random(3);
  const pieces = ['straße ', 'déjà vu ', 'Ωμέγα ', '東京都 ', 'график ', '🙂 ', 'naïve ', 'plain words '];
  return Array.from({ length: count }, () => {
    let text = '';
    while (text.length < 200) text += pieces[Math.floor(next() * pieces.length)]!;
    return text;
  });
}

function personMaps(count: number): Record<string, unknown>[] {
  const next = random(4);
  const names = asciiStrings(count);
  return names.map((name) => ({
    name,
    age: BigInt(18 + Math.floor(next() * 70)),
    active: next() < 0.5,
    score: next() * 100,
    tags: ['graph', next() < 0.5 ? 'admin' : 'user'],
  }));
}

function nodes(count: number): Structure[] {
  return personMaps(count).map(
    (props, index) => new Structure(0x4e, [BigInt(1000 + index), ['Person'], props, `4:db:${1000 + index}`]),
  );
}

interface Case {
  readonly name: string;
  readonly value: unknown;
}

function runCase(testCase: Case): BenchResult[] {
  const packer = new Packer({ initialCapacity: 1 << 16 });
  const driverEncoder = new DriverEncoder(1 << 20);
  const driverValue = toDriverValue(testCase.value);
  const bytes = encode(testCase.value);
  const unpacker = new Unpacker();
  const driverDecoder = new DriverDecoder({ useBigInt: false });
  const driverBigIntDecoder = new DriverDecoder({ useBigInt: true });
  const wrapped = DriverDecoder.wrap(bytes);
  return [
    compare(
      { suite: SUITE, name: `encode ${testCase.name}`, goal: ENCODE_GOAL },
      {
        name: 'quiver',
        fn: () => {
          packer.reset();
          packer.packValue(testCase.value);
          return packer.length;
        },
      },
      { name: 'driver', fn: () => driverEncoder.encodeInPlace(driverValue) },
    ),
    compare(
      { suite: SUITE, name: `decode ${testCase.name}`, goal: DECODE_GOAL },
      { name: 'quiver', fn: () => unpacker.unpack(bytes, 0) },
      { name: 'driver', fn: () => driverDecoder.decodeFromStart(wrapped) },
    ),
    compare(
      { suite: SUITE, name: `decode ${testCase.name}`, goal: DECODE_GOAL },
      { name: 'quiver', fn: () => unpacker.unpack(bytes, 0) },
      { name: 'driver useBigInt', fn: () => driverBigIntDecoder.decodeFromStart(wrapped) },
    ),
  ];
}

/** Runs the PackStream cases (see the module comment). */
// eslint-disable-next-line @typescript-eslint/require-await -- the bench module contract is async
export async function run(): Promise<BenchResult[]> {
  const cases: Case[] = [
    { name: '1000 mixed ints', value: mixedInts(1000) },
    { name: '100 short ASCII strings', value: asciiStrings(100) },
    { name: '20 unicode strings (200 chars)', value: unicodeStrings(20) },
    { name: '100 maps {name,age,active,score,tags}', value: personMaps(100) },
    { name: '100 Node structs', value: nodes(100) },
  ];
  return cases.flatMap(runCase);
}
