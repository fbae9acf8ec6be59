import { CypherArgumentError } from '../../errors/index.js';
import { Duration, hashKey, orderCompare, type CypherValue } from '../../values/index.js';
import { add, checkedInteger } from '../expressions/arithmetic.js';
import type { AggregateFunctionDefinition, Aggregator } from './function-definition.js';
import { divideDuration } from './temporal/index.js';
import { typeMismatch } from './type-errors.js';

/*
 * The aggregate functions. Every aggregator ignores rows whose first argument is null; with DISTINCT it
 * also ignores rows whose first argument is equivalent (`hashKey`) to one seen before.
 */

type Accumulate = (value: CypherValue, args: readonly CypherValue[]) => void;

function aggregator(distinct: boolean, accumulate: Accumulate, result: () => CypherValue): Aggregator {
  const seen = distinct ? new Set<string>() : undefined;
  return {
    add(args) {
      const value = args[0] ?? null;
      if (value === null) return;
      if (seen !== undefined) {
        const key = hashKey(value);
        if (seen.has(key)) return;
        seen.add(key);
      }
      accumulate(value, args);
    },
    result,
  };
}

function definition(
  name: string,
  signature: string,
  description: string,
  create: (distinct: boolean) => Aggregator,
  minArgs = 1,
  maxArgs = minArgs,
): AggregateFunctionDefinition {
  return { name, minArgs, maxArgs, signature, description, create };
}

function numeric(value: CypherValue): bigint | number {
  if (typeof value === 'bigint' || typeof value === 'number') return value;
  throw typeMismatch('Integer or Float', value);
}

function createCount(distinct: boolean): Aggregator {
  let count = 0;
  const counter = aggregator(
    distinct,
    () => count++,
    () => BigInt(count),
  );
  return {
    add(args) {
      // count() without arguments counts rows, like count(*).
      if (args.length === 0) count++;
      else counter.add(args);
    },
    result: () => counter.result(),
  };
}

/** INTEGERs sum exactly (overflow is an error); a FLOAT turns the sum into a FLOAT; durations add up. */
function createSum(distinct: boolean): Aggregator {
  let sum: CypherValue = 0n;
  let sawDuration = false;
  return aggregator(
    distinct,
    (value) => {
      if (value instanceof Duration) {
        sum = sawDuration ? add(sum, value) : value;
        sawDuration = true;
        return;
      }
      const number = numeric(value);
      if (sawDuration) throw typeMismatch('Duration', number);
      sum =
        typeof sum === 'bigint' && typeof number === 'bigint'
          ? checkedInteger(sum + number)
          : Number(sum) + Number(number);
    },
    () => sum,
  );
}

function createAverage(distinct: boolean): Aggregator {
  let count = 0;
  // INTEGERs are summed exactly: in a double while the sum stays a safe integer (no allocation per row),
  // the rest in a bigint, so that a long run of large values does not lose precision.
  let smallSum = 0;
  let integerSum = 0n;
  let floatSum = 0;
  let durationSum: CypherValue = null;
  return aggregator(
    distinct,
    (value) => {
      count++;
      if (value instanceof Duration) {
        durationSum = durationSum === null ? value : add(durationSum, value);
        return;
      }
      const number = numeric(value);
      if (typeof number === 'bigint') {
        const small = Number(number);
        const next = smallSum + small;
        if (Number.isSafeInteger(small) && Number.isSafeInteger(next)) smallSum = next;
        else integerSum += number;
      } else floatSum += number;
    },
    () => {
      if (count === 0) return null;
      if (durationSum !== null) return divideDuration(durationSum, BigInt(count)) ?? null;
      return (Number(integerSum + BigInt(smallSum)) + floatSum) / count;
    },
  );
}

/** min/max in the ORDER BY order of all values, which ranks mixed types (strings before numbers…). */
function createExtreme(distinct: boolean, sign: 1 | -1): Aggregator {
  let best: CypherValue = null;
  return aggregator(
    distinct,
    (value) => {
      if (best === null) best = value;
      // Same-type numbers and strings compare directly (the common case); the rest in ORDER BY order.
      else if (typeof value === 'bigint' && typeof best === 'bigint') {
        if (sign > 0 ? value > best : value < best) best = value;
      } else if (sign * orderCompare(value, best) > 0) best = value;
    },
    () => best,
  );
}

function createCollect(distinct: boolean): Aggregator {
  const values: CypherValue[] = [];
  return aggregator(
    distinct,
    (value) => values.push(value),
    () => values,
  );
}

/** Standard deviation by Welford's method: sample (n - 1) or population (n); 0.0 for fewer than two rows. */
function createStandardDeviation(distinct: boolean, population: boolean): Aggregator {
  let count = 0;
  let mean = 0;
  let squares = 0;
  return aggregator(
    distinct,
    (value) => {
      const x = Number(numeric(value));
      count++;
      const delta = x - mean;
      mean += delta / count;
      squares += delta * (x - mean);
    },
    () => {
      const divisor = population ? count : count - 1;
      return divisor <= 0 ? 0 : Math.sqrt(squares / divisor);
    },
  );
}

function percentileOf(args: readonly CypherValue[]): number {
  const value = args[1] ?? null;
  const percentile = typeof value === 'bigint' ? Number(value) : value;
  if (typeof percentile !== 'number') throw typeMismatch('Float', value);
  if (!(percentile >= 0 && percentile <= 1)) {
    throw new CypherArgumentError(
      `Number out of range: ${percentile}; percentile must be between 0.0 and 1.0`,
      {
        detail: 'NumberOutOfRange',
      },
    );
  }
  return percentile;
}

/** percentileCont (interpolated, a FLOAT) or percentileDisc (the nearest value, its own type). */
function createPercentile(distinct: boolean, continuous: boolean): Aggregator {
  const values: (bigint | number)[] = [];
  let percentile = 0;
  return aggregator(
    distinct,
    (value, args) => {
      percentile = percentileOf(args);
      values.push(numeric(value));
    },
    () => {
      if (values.length === 0) return null;
      values.sort((a, b) => orderCompare(a, b));
      const count = values.length;
      if (!continuous) {
        const index = percentile === 0 ? 0 : Math.ceil(percentile * count) - 1;
        return values[Math.min(Math.max(index, 0), count - 1)] ?? null;
      }
      const position = percentile * (count - 1);
      const lower = Math.floor(position);
      const upper = Math.ceil(position);
      const low = Number(values[lower]);
      const high = Number(values[upper]);
      return lower === upper ? low : low + (high - low) * (position - lower);
    },
  );
}

export const AGGREGATE_FUNCTIONS: readonly AggregateFunctionDefinition[] = [
  definition(
    'count',
    'count(input :: ANY) :: INTEGER',
    'Returns the number of non-null values.',
    createCount,
    0,
    1,
  ),
  definition(
    'sum',
    'sum(input :: INTEGER | FLOAT | DURATION) :: INTEGER | FLOAT | DURATION',
    'Returns the sum.',
    createSum,
  ),
  definition(
    'avg',
    'avg(input :: INTEGER | FLOAT | DURATION) :: FLOAT | DURATION',
    'Returns the average.',
    createAverage,
  ),
  definition('min', 'min(input :: ANY) :: ANY', 'Returns the smallest value.', (d) => createExtreme(d, -1)),
  definition('max', 'max(input :: ANY) :: ANY', 'Returns the largest value.', (d) => createExtreme(d, 1)),
  definition(
    'collect',
    'collect(input :: ANY) :: LIST<ANY>',
    'Returns the list of non-null values.',
    createCollect,
  ),
  definition('stDev', 'stDev(input :: FLOAT) :: FLOAT', 'Returns the sample standard deviation.', (d) =>
    createStandardDeviation(d, false),
  ),
  definition('stDevP', 'stDevP(input :: FLOAT) :: FLOAT', 'Returns the population standard deviation.', (d) =>
    createStandardDeviation(d, true),
  ),
  definition(
    'percentileCont',
    'percentileCont(input :: FLOAT, percentile :: FLOAT) :: FLOAT',
    'Returns the interpolated percentile.',
    (d) => createPercentile(d, true),
    2,
  ),
  definition(
    'percentileDisc',
    'percentileDisc(input :: INTEGER | FLOAT, percentile :: FLOAT) :: INTEGER | FLOAT',
    'Returns the nearest-rank percentile.',
    (d) => createPercentile(d, false),
    2,
  ),
];
