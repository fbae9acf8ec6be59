import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import type { CypherValue } from '../../values/index.js';
import type { Aggregator } from './function-definition.js';
import { AverageAggregator, CountAggregator, ExtremeAggregator } from './value-aggregators.js';

const value: fc.Arbitrary<CypherValue> = fc.oneof(
  fc.constant(null),
  fc.bigInt({ min: -100n, max: 100n }),
  fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n }),
  fc.double({ noNaN: true }),
  fc.string({ maxLength: 2 }),
);
const numeric: fc.Arbitrary<CypherValue> = fc.oneof(
  fc.constant(null),
  fc.bigInt({ min: -100n, max: 100n }),
  fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n }),
  fc.double({ noNaN: true, min: -1e9, max: 1e9 }),
);

/** Feeds `values` row by row to one aggregator and in batches to another; both must agree. */
function agree(make: () => Aggregator, values: readonly CypherValue[], batch: number): void {
  const byRow = make();
  for (const element of values) byRow.add([element]);
  const byColumn = make();
  for (let start = 0; start < values.length; start += batch) {
    const chunk = values.slice(start, start + batch);
    byColumn.addValues?.(chunk, chunk.length);
  }
  assert.deepEqual(byColumn.result(), byRow.result());
}

describe('column-at-a-time aggregators', () => {
  it('min, max and count give the same result by column as by row', () => {
    fc.assert(
      fc.property(fc.array(value, { maxLength: 30 }), fc.integer({ min: 1, max: 8 }), (values, batch) => {
        agree(() => new ExtremeAggregator(-1), values, batch);
        agree(() => new ExtremeAggregator(1), values, batch);
        agree(() => new CountAggregator(), values, batch);
      }),
    );
  });

  it('avg gives the same result by column as by row, large integers included', () => {
    fc.assert(
      fc.property(fc.array(numeric, { maxLength: 30 }), fc.integer({ min: 1, max: 8 }), (values, batch) => {
        agree(() => new AverageAggregator(), values, batch);
      }),
    );
  });

  it('avg of integers is exact beyond 2^53', () => {
    const average = new AverageAggregator();
    average.addValues([2n ** 60n, 2n ** 60n, 2n], 3);
    assert.equal(average.result(), Number(2n ** 61n + 2n) / 3);
  });
});
