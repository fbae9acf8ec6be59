import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import {
  CypherDate,
  Duration,
  LocalDateTime,
  Point,
  Uuid,
  Vector,
  type CypherValue,
} from '../../values/index.js';
import { DatabaseEngine } from '../database-engine.js';
import { canonical, run } from './canonical.fixture.js';
import { renderName, renderValue } from './cypher-literal.js';

const engine = new DatabaseEngine();

/** Evaluates a rendered literal with `RETURN` and returns the value. */
async function evaluate(text: string): Promise<CypherValue> {
  const [[value]] = (await run(engine, `RETURN ${text} AS v`)) as [[CypherValue]];
  return value;
}

const uuid = fc.uint8Array({ minLength: 16, maxLength: 16 }).map((bytes) => new Uuid(bytes));
const int64 = fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n });
const scalar: fc.Arbitrary<CypherValue> = fc.oneof(
  int64,
  fc.double(),
  fc.string({ unit: 'binary' }),
  fc.boolean(),
  fc.integer({ min: -999_999_999, max: 999_999_999 }).map((day) => new CypherDate(day)),
  fc
    .record({ seconds: fc.bigInt({ min: -(10n ** 12n), max: 10n ** 12n }), nanos: fc.nat(999_999_999) })
    .map(({ seconds, nanos }) => new LocalDateTime(seconds, nanos)),
  fc
    .tuple(int64, int64, int64, fc.nat(999_999_999))
    .map(
      ([months, days, seconds, nanos]) =>
        new Duration(months % 10n ** 9n, days % 10n ** 9n, seconds % 10n ** 12n, nanos),
    ),
  fc.tuple(fc.double({ noNaN: true }), fc.double({ noNaN: true })).map(([x, y]) => new Point(7203, x, y)),
  uuid,
);

describe('renderValue', () => {
  it('renders values that evaluate back to exactly the same value', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(scalar, fc.array(int64), fc.array(fc.string()), fc.array(uuid)),
        async (value) => {
          const text = renderValue(value);
          assert.ok(text !== undefined);
          assert.equal(canonical(await evaluate(text)), canonical(value));
        },
      ),
      { numRuns: 300, interruptAfterTimeLimit: 5000 },
    );
  });

  it('keeps NaN, the infinities and negative zero as floats', async () => {
    for (const value of [Number.NaN, Infinity, -Infinity, -0, 0, 1]) {
      assert.equal(canonical(await evaluate(renderValue(value) ?? '')), canonical(value));
    }
  });

  it('renders vectors of every element type with vector(…), exactly', async () => {
    const vectors = [
      new Vector(Float32Array.of(0.1, -2.5, 3e-7)),
      new Vector(Float64Array.of(0.1, Number.MAX_VALUE, -0)),
      new Vector(Int8Array.of(-128, 0, 127)),
      new Vector(Int16Array.of(-32768, 32767)),
      new Vector(Int32Array.of(-2147483648, 2147483647)),
      new Vector(BigInt64Array.of(-(2n ** 63n), 2n ** 63n - 1n)),
    ];
    for (const vector of vectors) {
      const text = renderValue(vector);
      assert.ok(text !== undefined);
      assert.equal(canonical(await evaluate(text)), canonical(vector), text);
    }
  });

  it('leaves out what Cypher cannot construct: bytes, and vectors with NaN or an infinity', () => {
    assert.equal(renderValue(new Uint8Array([1, 2])), undefined);
    assert.equal(renderValue(new Vector(Float64Array.of(1, Number.NaN))), undefined);
    assert.equal(renderValue(new Vector(Float32Array.of(Number.POSITIVE_INFINITY))), undefined);
  });
});

describe('renderName', () => {
  it('escapes names that are not plain identifiers and keeps plain ones bare', () => {
    assert.equal(renderName('Person'), 'Person');
    assert.equal(renderName('two words'), '`two words`');
    assert.equal(renderName('back`tick'), '`back``tick`');
    assert.equal(renderName('MATCH'), '`MATCH`');
  });
});
