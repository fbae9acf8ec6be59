import { CypherArgumentError } from '../../errors/index.js';
import { Duration, hashKey, orderCompare, type CypherValue } from '../../values/index.js';
import { add, checkedInteger } from '../expressions/arithmetic.js';
import type { AggregateFunctionDefinition, Aggregator } from './function-definition.js';
import { typeMismatch } from './type-errors.js';
import { AverageAggregator, CountAggregator, distinctIf, ExtremeAggregator } from './value-aggregators.js';

/*
 * The aggregate functions. Every aggregator ignores rows whose first argument is null; with DISTINCT it
 * also ignores rows whose first argument is equivalent (`hashKey`) to one seen before.
 */

type Accumulate = (value: CypherValue, args: readonly CypherValue[]) => void;

function aggregator(distinct: boolean, accumulate: Accumulate, result: () => CypherValue): Aggregator {
  if (!distinct) {
    // The common case, called once per row: no DISTINCT check at all.
    return {
      add(args) {
        const value = args[0] ?? null;
        if (value !== null) accumulate(value, args);
      },
      result,
    };
  }
  const seen = new Set<string>();
  return {
    add(args) {
      const value = args[0] ?? null;
      if (value === null) return;
      const key = hashKey(value);
      if (seen.has(key)) return;
      seen.add(key);
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
    (d) => distinctIf(d, new CountAggregator()),
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
    (d) => distinctIf(d, new AverageAggregator()),
  ),
  definition('min', 'min(input :: ANY) :: ANY', 'Returns the smallest value.', (d) =>
    distinctIf(d, new ExtremeAggregator(-1)),
  ),
  definition('max', 'max(input :: ANY) :: ANY', 'Returns the largest value.', (d) =>
    distinctIf(d, new ExtremeAggregator(1)),
  ),
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
