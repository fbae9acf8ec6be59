import type { StatementClock } from '../execution/index.js';

/** A moment as the two numbers it is read from: cheap to take, converted to nanoseconds only when asked. */
export interface ClockReading {
  readonly millis: number;
  readonly monotonic: number;
}

/** Reads the wall clock and the monotonic one (for the sub-millisecond part). */
export function readClock(): ClockReading {
  return { millis: Date.now(), monotonic: performance.now() };
}

/** Nanoseconds since the Unix epoch of a reading (wall-clock milliseconds, monotonic sub-milliseconds). */
export function epochNanosOf(reading: ClockReading): bigint {
  const subMillisNanos = Math.floor((reading.monotonic % 1) * 1_000_000);
  return BigInt(reading.millis) * 1_000_000n + BigInt(subMillisNanos);
}

/** Nanoseconds since the Unix epoch, now (wall-clock milliseconds, monotonic sub-milliseconds). */
export function epochNanosNow(): bigint {
  return epochNanosOf(readClock());
}

/**
 * The clock of one statement inside a transaction that started at `transaction`. The statement's moment is
 * read at once, but turned into a bigint only if a temporal function asks: most statements never do, and
 * the conversions are a measurable part of a `RETURN 1` round trip.
 */
class LazyStatementClock implements StatementClock {
  private readonly statement: ClockReading;
  private readonly transaction: ClockReading;
  private statementNanos: bigint | undefined;
  private transactionNanos: bigint | undefined;

  constructor(transaction: ClockReading) {
    this.statement = readClock();
    this.transaction = transaction;
  }

  get statementEpochNanos(): bigint {
    this.statementNanos ??= epochNanosOf(this.statement);
    return this.statementNanos;
  }

  get transactionEpochNanos(): bigint {
    this.transactionNanos ??= epochNanosOf(this.transaction);
    return this.transactionNanos;
  }

  realtimeEpochNanos(): bigint {
    return epochNanosNow();
  }
}

/** The clock of one statement inside a transaction that started at `transaction` (see LazyStatementClock). */
export function statementClock(transaction: ClockReading): StatementClock {
  return new LazyStatementClock(transaction);
}
