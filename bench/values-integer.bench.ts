/**
 * Measures what the value-model ADR (docs/adr/0001-value-model.md) decides on: INTEGER as bigint vs number
 * (the "hybrid" keeps safe integers as numbers) vs a boxed Int64 class (neo4j-driver's `Integer`), MAP as
 * plain object vs `Map`, and string length in code points vs UTF-16 units.
 * Run: `npx tsc -b && node build/bench/values-integer.bench.js` (prints a table; `--json` prints JSON).
 * Each case runs once to warm up, then ROUNDS times; the table shows the fastest and the median round in
 * ns per operation (the minimum is the steadier figure on a shared, loaded machine).
 * The hot loops are indexed `for` loops: V8 runs `for..of` with some bodies several times slower, which would
 * blur the comparison. Not a CI gate: numbers vary with the machine and its load.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import neo4j from 'neo4j-driver-6';
import { compareNumbers, INT64_MAX, INT64_MIN } from '../src/values/index.js';

const COUNT = 1_000_000;
const ROUNDS = 7;

setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

/** Results are folded into this so the JIT cannot drop the measured work. */
let sink = 0;

interface Row {
  readonly group: string;
  readonly variant: string;
  /** ns per operation (fastest round), or bytes per value for the heap rows. */
  readonly nsPerOp: number;
  readonly medianNsPerOp: number;
}

const rows: Row[] = [];

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
}

function measure(group: string, variant: string, operations: number, run: () => number): void {
  sink += run();
  const times: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const start = process.hrtime.bigint();
    sink += run();
    times.push(Number(process.hrtime.bigint() - start));
  }
  rows.push({
    group,
    variant,
    nsPerOp: Math.min(...times) / operations,
    medianNsPerOp: median(times) / operations,
  });
}

/** Heap bytes per element of an array of COUNT values made by `make`, after a full GC. */
function bytesPerValue(group: string, variant: string, make: (index: number) => unknown): void {
  collectGarbage();
  const before = process.memoryUsage().heapUsed;
  const values: unknown[] = new Array<unknown>(COUNT);
  for (let index = 0; index < COUNT; index++) values[index] = make(index);
  collectGarbage();
  const after = process.memoryUsage().heapUsed;
  sink += values.length;
  const bytes = (after - before) / COUNT;
  rows.push({ group, variant, nsPerOp: bytes, medianNsPerOp: bytes });
}

// --- data ---------------------------------------------------------------------------------------------
const numbers: number[] = Array.from({ length: COUNT }, (_, index) => (index * 7919) % 100_000);
const bigints: bigint[] = numbers.map((value) => BigInt(value));
const boxed = numbers.map((value) => neo4j.int(value));
const floats: number[] = numbers.map((value) => value + 0.5);

// --- integer arithmetic ----------------------------------------------------------------------------------
measure('sum 1M integers (with overflow check)', 'number (hybrid fast path)', COUNT, () => {
  let total = 0;
  for (let index = 0; index < COUNT; index++) {
    total += numbers[index] ?? 0;
    if (!Number.isSafeInteger(total)) throw new RangeError('overflow');
  }
  return total;
});
measure('sum 1M integers (with overflow check)', 'bigint', COUNT, () => {
  let total = 0n;
  for (let index = 0; index < COUNT; index++) {
    total += bigints[index] ?? 0n;
    if (total > INT64_MAX || total < INT64_MIN) throw new RangeError('overflow');
  }
  return Number(total);
});
measure('sum 1M integers (with overflow check)', 'boxed Int64 (driver Integer)', COUNT, () => {
  let total = neo4j.int(0);
  for (let index = 0; index < COUNT; index++) total = total.add(boxed[index] ?? 0);
  return total.toNumber();
});

/** What a hybrid model needs: with safe integers as numbers, FLOAT values must be told apart by a box. */
class BoxedFloat {
  readonly value: number;
  constructor(value: number) {
    this.value = value;
  }
}
const boxedFloats = floats.map((value) => new BoxedFloat(value));
measure('sum 1M FLOATs', 'number (bigint model)', COUNT, () => {
  let total = 0;
  for (let index = 0; index < COUNT; index++) total += floats[index] ?? 0;
  return total;
});
measure('sum 1M FLOATs', 'boxed float (hybrid model)', COUNT, () => {
  let total = new BoxedFloat(0);
  for (let index = 0; index < COUNT; index++)
    total = new BoxedFloat(total.value + (boxedFloats[index]?.value ?? 0));
  return total.value;
});

measure('compare 1M integer pairs (a < b)', 'number', COUNT, () => {
  let count = 0;
  for (let index = 1; index < COUNT; index++) if ((numbers[index - 1] ?? 0) < (numbers[index] ?? 0)) count++;
  return count;
});
measure('compare 1M integer pairs (a < b)', 'bigint', COUNT, () => {
  let count = 0;
  for (let index = 1; index < COUNT; index++)
    if ((bigints[index - 1] ?? 0n) < (bigints[index] ?? 0n)) count++;
  return count;
});
measure('compare 1M integer pairs (a < b)', 'boxed Int64 (driver Integer)', COUNT, () => {
  let count = 0;
  for (let index = 1; index < COUNT; index++)
    if (boxed[index - 1]?.lessThan(boxed[index] ?? 0) === true) count++;
  return count;
});
measure('compare 1M INTEGER vs FLOAT', 'number vs number', COUNT, () => {
  let count = 0;
  for (let index = 0; index < COUNT; index++) if ((numbers[index] ?? 0) < (floats[index] ?? 0)) count++;
  return count;
});
measure('compare 1M INTEGER vs FLOAT', 'compareNumbers(bigint, float), exact', COUNT, () => {
  let count = 0;
  for (let index = 0; index < COUNT; index++)
    if (compareNumbers(bigints[index] ?? 0n, floats[index] ?? 0) < 0) count++;
  return count;
});

measure('create 1M small integers', 'number', COUNT, () => {
  const out = new Array<number>(COUNT);
  for (let index = 0; index < COUNT; index++) out[index] = index & 0xffff;
  return out.length;
});
measure('create 1M small integers', 'bigint: BigInt(n)', COUNT, () => {
  const out = new Array<bigint>(COUNT);
  for (let index = 0; index < COUNT; index++) out[index] = BigInt(index & 0xffff);
  return out.length;
});
const SMALL_CACHE = Array.from({ length: 256 }, (_, index) => BigInt(index - 128));
measure('create 1M small integers', 'bigint: cached -128..127', COUNT, () => {
  const out = new Array<bigint>(COUNT);
  for (let index = 0; index < COUNT; index++) out[index] = SMALL_CACHE[index & 0xff] ?? 0n;
  return out.length;
});
measure('create 1M small integers', 'boxed Int64 (driver Integer)', COUNT, () => {
  const out = new Array<unknown>(COUNT);
  for (let index = 0; index < COUNT; index++) out[index] = neo4j.int(index & 0xffff);
  return out.length;
});
const wire = new DataView(new ArrayBuffer(8 * 1024));
for (let index = 0; index < 1024; index++) wire.setBigInt64(index * 8, BigInt(index * 1_000_003));
measure('decode 1M INT_64 fields', 'getBigInt64 -> bigint', COUNT, () => {
  let count = 0;
  for (let index = 0; index < COUNT; index++) if (wire.getBigInt64((index & 1023) * 8) > 5n) count++;
  return count;
});
measure('decode 1M INT_64 fields', 'two getInt32 -> number (hybrid)', COUNT, () => {
  let count = 0;
  for (let index = 0; index < COUNT; index++) {
    const offset = (index & 1023) * 8;
    if (wire.getInt32(offset) * 4_294_967_296 + wire.getUint32(offset + 4) > 5) count++;
  }
  return count;
});

// --- memory --------------------------------------------------------------------------------------------
bytesPerValue('heap bytes per array element (1M)', 'number, small int (Smi)', (index) => index & 0xffff);
bytesPerValue(
  'heap bytes per array element (1M)',
  'number, float (unboxed double array)',
  (index) => index + 0.5,
);
// A CypherValue[] row or list holds mixed types, so V8 boxes its floats as HeapNumbers.
bytesPerValue('heap bytes per array element (1M)', 'number, float in a mixed array', (index) =>
  index === 0 ? 'mixed' : index + 0.5,
);
bytesPerValue('heap bytes per array element (1M)', 'bigint, small', (index) => BigInt(index & 0xffff));
bytesPerValue('heap bytes per array element (1M)', 'bigint, ~2^60', (index) => 2n ** 60n + BigInt(index));
bytesPerValue('heap bytes per array element (1M)', 'boxed Int64 (driver Integer)', (index) =>
  neo4j.int(index),
);

// --- maps ----------------------------------------------------------------------------------------------
const MAPS = 100_000;
const KEYS = ['name', 'age', 'city', 'email', 'score'] as const;
measure('create 100k maps of 5 keys', 'plain object {}', MAPS, () => {
  let count = 0;
  for (let index = 0; index < MAPS; index++) {
    const map: Record<string, unknown> = {};
    for (const key of KEYS) map[key] = index;
    count += Object.keys(map).length;
  }
  return count;
});
measure('create 100k maps of 5 keys', 'null-prototype object', MAPS, () => {
  let count = 0;
  for (let index = 0; index < MAPS; index++) {
    const map = Object.create(null) as Record<string, unknown>;
    for (const key of KEYS) map[key] = index;
    count += Object.keys(map).length;
  }
  return count;
});
measure('create 100k maps of 5 keys', 'Map', MAPS, () => {
  let count = 0;
  for (let index = 0; index < MAPS; index++) {
    const map = new Map<string, unknown>();
    for (const key of KEYS) map.set(key, index);
    count += map.size;
  }
  return count;
});
const objects = Array.from({ length: MAPS }, (_, index) =>
  Object.fromEntries(KEYS.map((key) => [key, index])),
);
const maps = objects.map((object) => new Map(Object.entries(object)));
measure('iterate 100k maps of 5 keys', 'plain object: Object.keys + index', MAPS, () => {
  let total = 0;
  for (let index = 0; index < MAPS; index++) {
    const object = objects[index] ?? {};
    for (const key of Object.keys(object)) total += object[key] ?? 0;
  }
  return total;
});
measure('iterate 100k maps of 5 keys', 'Map: for..of entries', MAPS, () => {
  let total = 0;
  for (let index = 0; index < MAPS; index++) for (const [, value] of maps[index] ?? []) total += value;
  return total;
});
measure('look up 1 key in 100k maps', 'plain object: Object.hasOwn + index', MAPS, () => {
  let total = 0;
  for (let index = 0; index < MAPS; index++) {
    const object = objects[index] ?? {};
    if (Object.hasOwn(object, 'city')) total += object['city'] ?? 0;
  }
  return total;
});
measure('look up 1 key in 100k maps', 'Map: get', MAPS, () => {
  let total = 0;
  for (let index = 0; index < MAPS; index++) total += maps[index]?.get('city') ?? 0;
  return total;
});

// --- strings -------------------------------------------------------------------------------------------
const STRINGS = 100_000;
const ascii = Array.from({ length: STRINGS }, (_, index) => `name-${index}-`.padEnd(40, 'x'));
const SURROGATE = /[\uD800-\uDFFF]/;
function codePointLength(text: string): number {
  if (!SURROGATE.test(text)) return text.length;
  let length = 0;
  for (const character of text) length += character.length > 0 ? 1 : 0;
  return length;
}
measure('size() of 100k 40-char ASCII strings', 'UTF-16 units: s.length', STRINGS, () => {
  let total = 0;
  for (let index = 0; index < STRINGS; index++) total += ascii[index]?.length ?? 0;
  return total;
});
measure('size() of 100k 40-char ASCII strings', 'code points, surrogate fast path', STRINGS, () => {
  let total = 0;
  for (let index = 0; index < STRINGS; index++) total += codePointLength(ascii[index] ?? '');
  return total;
});
measure('size() of 100k 40-char ASCII strings', 'code points, Array.from(s).length', STRINGS, () => {
  let total = 0;
  for (let index = 0; index < STRINGS; index++) total += Array.from(ascii[index] ?? '').length;
  return total;
});

// --- report --------------------------------------------------------------------------------------------
if (process.argv.includes('--json')) {
  console.log(JSON.stringify({ node: process.version, rows }, null, 2));
} else {
  console.log(
    `values-integer bench: Node ${process.version}, median of ${ROUNDS} rounds (sink ${sink % 10})`,
  );
  let group = '';
  let baseline = 0;
  for (const row of rows) {
    if (row.group !== group) {
      group = row.group;
      baseline = row.nsPerOp;
      const unit = group.startsWith('heap') ? 'bytes' : 'ns/op';
      const header =
        unit === 'bytes' ? 'bytes'.padStart(10) : `${'min ns/op'.padStart(10)} ${'median'.padStart(8)}`;
      console.log(`\n${group}\n  ${'variant'.padEnd(40)} ${header}  relative`);
    }
    const relative = baseline === 0 ? '' : `${(row.nsPerOp / baseline).toFixed(2)}x`;
    const median = group.startsWith('heap') ? '' : ` ${row.medianNsPerOp.toFixed(2).padStart(8)}`;
    console.log(`  ${row.variant.padEnd(40)} ${row.nsPerOp.toFixed(2).padStart(10)}${median}  ${relative}`);
  }
}
