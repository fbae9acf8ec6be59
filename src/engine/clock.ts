import type { StatementClock } from '../execution/index.js';

/** Nanoseconds since the Unix epoch, from the wall clock with the sub-millisecond part of the monotonic one. */
export function epochNanosNow(): bigint {
  const millis = Date.now();
  const subMillisNanos = Math.floor((performance.now() % 1) * 1_000_000);
  return BigInt(millis) * 1_000_000n + BigInt(subMillisNanos);
}

/** The clock of one statement inside a transaction that started at `transactionEpochNanos`. */
export function statementClock(transactionEpochNanos: bigint): StatementClock {
  return {
    statementEpochNanos: epochNanosNow(),
    transactionEpochNanos,
    realtimeEpochNanos: epochNanosNow,
  };
}
