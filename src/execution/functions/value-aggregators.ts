import { Duration, hashKey, orderCompare, type CypherValue } from '../../values/index.js';
import { add } from '../expressions/arithmetic.js';
import type { Aggregator } from './function-definition.js';
import { divideDuration } from './temporal/index.js';
import { typeMismatch } from './type-errors.js';

/*
 * The aggregators called for every row of the common aggregations (count, min, max, avg), as classes with
 * their state in fields: one monomorphic method call per row, and the null check inline. (Closures over
 * `let` variables cost a context access per field and an extra call through the generic wrapper.)
 */

/** Keeps only the rows whose first argument is new (by `hashKey`), for `agg(DISTINCT x)`. */
class DistinctAggregator implements Aggregator {
  private readonly inner: Aggregator;
  private readonly seen = new Set<string>();

  constructor(inner: Aggregator) {
    this.inner = inner;
  }

  add(args: readonly CypherValue[]): void {
    const value = args[0] ?? null;
    if (value === null) return;
    const key = hashKey(value);
    if (this.seen.has(key)) return;
    this.seen.add(key);
    this.inner.add(args);
  }

  result(): CypherValue {
    return this.inner.result();
  }
}

/** count(x): the non-null values; count() without arguments counts rows, like count(*). */
export class CountAggregator implements Aggregator {
  // A number, not a bigint: incrementing a bigint allocates one per row.
  private count = 0;

  add(args: readonly CypherValue[]): void {
    if (args.length === 0 || (args[0] ?? null) !== null) this.count++;
  }

  addValues(values: readonly CypherValue[], count: number): void {
    let counted = 0;
    for (let index = 0; index < count; index++) if (values[index] !== null) counted++;
    this.count += counted;
  }

  result(): CypherValue {
    return BigInt(this.count);
  }
}

/** min (`sign` -1) or max (1) in the ORDER BY order of all values, which ranks mixed types. */
export class ExtremeAggregator implements Aggregator {
  private readonly sign: 1 | -1;
  private best: CypherValue = null;

  constructor(sign: 1 | -1) {
    this.sign = sign;
  }

  add(args: readonly CypherValue[]): void {
    this.addValue(args[0] ?? null);
  }

  addValues(values: readonly CypherValue[], count: number): void {
    let index = 0;
    let best = this.best;
    // The run of INTEGERs in a batch is compared in a local; anything else goes the general way.
    if (typeof best === 'bigint') {
      const sign = this.sign;
      for (; index < count; index++) {
        const value = values[index];
        if (typeof value !== 'bigint') break;
        if (sign > 0 ? value > best : value < best) best = value;
      }
      this.best = best;
    }
    for (; index < count; index++) this.addValue(values[index] ?? null);
  }

  private addValue(value: CypherValue): void {
    if (value === null) return;
    const best = this.best;
    if (best === null) this.best = value;
    // Same-type INTEGERs compare directly (the common case); the rest in ORDER BY order.
    else if (typeof value === 'bigint' && typeof best === 'bigint') {
      if (this.sign > 0 ? value > best : value < best) this.best = value;
    } else if (this.sign * orderCompare(value, best) > 0) this.best = value;
  }

  result(): CypherValue {
    return this.best;
  }
}

/**
 * avg: a FLOAT for numbers, a DURATION for durations. INTEGERs are summed exactly: in a double while the sum
 * stays a safe integer (no allocation per row), the rest in a bigint, so that a long run of large values
 * does not lose precision.
 */
export class AverageAggregator implements Aggregator {
  private count = 0;
  private smallSum = 0;
  private integerSum = 0n;
  private floatSum = 0;
  private durationSum: CypherValue = null;

  add(args: readonly CypherValue[]): void {
    this.addValue(args[0] ?? null);
  }

  addValues(values: readonly CypherValue[], count: number): void {
    let index = 0;
    let sum = this.smallSum;
    // A run of small INTEGERs is summed in a local double, exactly while the sum stays a safe integer.
    for (; index < count; index++) {
      const value = values[index];
      if (typeof value !== 'bigint') break;
      const small = Number(value);
      const next = sum + small;
      if (!Number.isSafeInteger(next) || !Number.isSafeInteger(small)) break;
      sum = next;
    }
    this.count += index;
    this.smallSum = sum;
    for (; index < count; index++) this.addValue(values[index] ?? null);
  }

  private addValue(value: CypherValue): void {
    if (value === null) return;
    this.count++;
    // INTEGER first: the common case pays for no other type test.
    if (typeof value === 'bigint') {
      const small = Number(value);
      const next = this.smallSum + small;
      if (Number.isSafeInteger(next) && Number.isSafeInteger(small)) this.smallSum = next;
      else this.integerSum += value;
    } else if (typeof value === 'number') {
      this.floatSum += value;
    } else if (value instanceof Duration) {
      this.durationSum = this.durationSum === null ? value : add(this.durationSum, value);
    } else {
      throw typeMismatch('Integer or Float', value);
    }
  }

  result(): CypherValue {
    const count = this.count;
    if (count === 0) return null;
    if (this.durationSum !== null) return divideDuration(this.durationSum, BigInt(count)) ?? null;
    return (Number(this.integerSum + BigInt(this.smallSum)) + this.floatSum) / count;
  }
}

/** `aggregator` wrapped in a DISTINCT filter when asked. */
export function distinctIf(distinct: boolean, aggregator: Aggregator): Aggregator {
  return distinct ? new DistinctAggregator(aggregator) : aggregator;
}
