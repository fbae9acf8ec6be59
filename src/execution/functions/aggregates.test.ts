import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CypherArgumentError, CypherArithmeticError } from '../../errors/index.js';
import { Duration, type CypherValue } from '../../values/index.js';
import { lookupAggregate } from './registry.js';

function aggregate(
  name: string,
  rows: readonly CypherValue[],
  options: { distinct?: boolean; extra?: CypherValue } = {},
): CypherValue {
  const definition = lookupAggregate(name);
  if (definition === undefined) throw new RangeError(name);
  const aggregator = definition.create(options.distinct ?? false);
  for (const value of rows) aggregator.add(options.extra === undefined ? [value] : [value, options.extra]);
  return aggregator.result();
}

test('count counts non-null values, and rows without arguments; DISTINCT by equivalence', () => {
  assert.equal(aggregate('count', [1n, null, 2n]), 2n);
  assert.equal(aggregate('COUNT', [1n, 1.0, 2n], { distinct: true }), 2n);
  assert.equal(aggregate('count', []), 0n);
  const rows = lookupAggregate('count')?.create(false);
  rows?.add([]);
  rows?.add([]);
  assert.equal(rows?.result(), 2n);
});

test('sum keeps INTEGERs exact, turns FLOAT on mixing and adds durations', () => {
  assert.equal(aggregate('sum', [1n, 2n, null]), 3n);
  assert.equal(aggregate('sum', [1n, 0.5]), 1.5);
  assert.equal(aggregate('sum', []), 0n);
  assert.throws(() => aggregate('sum', [9223372036854775807n, 1n]), CypherArithmeticError);
  const day = new Duration(0n, 1n, 0n, 0);
  const total = aggregate('sum', [day, day]);
  assert.ok(total instanceof Duration && total.days === 2n);
});

test('avg is a FLOAT, null without values, and averages durations', () => {
  assert.equal(aggregate('avg', [1n, 2n]), 1.5);
  assert.equal(aggregate('avg', [null]), null);
  const average = aggregate('avg', [new Duration(0n, 2n, 0n, 0), new Duration(0n, 4n, 0n, 0)]);
  assert.ok(average instanceof Duration && average.days === 3n);
});

test('min and max order mixed values like ORDER BY', () => {
  assert.equal(aggregate('max', [1n, 2.5, null]), 2.5);
  assert.equal(aggregate('min', [1n, 'a', 0.2]), 'a');
  assert.equal(aggregate('max', [1n, 'a', 0.2, 'b']), 1n);
  assert.deepEqual(aggregate('max', [[1n], [1n, 2n], [0n, 5n]]), [1n, 2n]);
  assert.equal(aggregate('min', []), null);
});

test('collect skips nulls and DISTINCT keeps the first of equivalent values', () => {
  assert.deepEqual(aggregate('collect', [1n, null, 2n]), [1n, 2n]);
  assert.deepEqual(aggregate('collect', [1n, 1n, null, 2n], { distinct: true }), [1n, 2n]);
});

test('stDev and stDevP', () => {
  assert.equal(aggregate('stDev', [2n, 4n, 4n, 4n, 5n, 5n, 7n, 9n]), Math.sqrt(32 / 7));
  assert.equal(aggregate('stDevP', [2n, 4n, 4n, 4n, 5n, 5n, 7n, 9n]), 2);
  assert.equal(aggregate('stDev', [1n]), 0);
  assert.equal(aggregate('stDev', []), 0);
});

test('percentiles interpolate (cont) or pick (disc), and reject a percentile outside [0, 1]', () => {
  const prices = [10n, 20n, 30n];
  assert.equal(aggregate('percentileDisc', prices, { extra: 0.0 }), 10n);
  assert.equal(aggregate('percentileDisc', prices, { extra: 0.5 }), 20n);
  assert.equal(aggregate('percentileDisc', prices, { extra: 1.0 }), 30n);
  assert.equal(aggregate('percentileCont', prices, { extra: 0.0 }), 10.0);
  assert.equal(aggregate('percentileCont', prices, { extra: 0.5 }), 20.0);
  assert.equal(aggregate('percentileCont', prices, { extra: 0.25 }), 15.0);
  for (const bad of [1000n, -1n, 1.1]) {
    assert.throws(
      () => aggregate('percentileCont', prices, { extra: bad }),
      (e: unknown) => e instanceof CypherArgumentError && e.detail === 'NumberOutOfRange',
    );
  }
});
