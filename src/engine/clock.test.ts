import assert from 'node:assert/strict';
import { test } from 'node:test';
import { epochNanosNow, epochNanosOf, readClock, statementClock } from './clock.js';

test('a reading converts to the nanoseconds of its wall-clock milliseconds plus the sub-millisecond part', () => {
  assert.equal(epochNanosOf({ millis: 1_700_000_000_123, monotonic: 5.25 }), 1_700_000_000_123_250_000n);
  assert.equal(epochNanosOf({ millis: 2, monotonic: 10 }), 2_000_000n);
});

test('the statement and transaction moments are fixed when the clock is made, however late they are read', async () => {
  const transaction = readClock();
  const before = epochNanosNow();
  const clock = statementClock(transaction);
  const after = epochNanosNow();
  await new Promise((resolve) => setTimeout(resolve, 5));
  const statement = clock.statementEpochNanos;
  assert.ok(statement >= before - 1_000_000n && statement <= after + 1_000_000n);
  assert.equal(clock.statementEpochNanos, statement);
  assert.equal(clock.transactionEpochNanos, epochNanosOf(transaction));
  assert.ok(clock.realtimeEpochNanos() > after);
});

test('statements of one transaction share its transaction moment', () => {
  const transaction = readClock();
  assert.equal(
    statementClock(transaction).transactionEpochNanos,
    statementClock(transaction).transactionEpochNanos,
  );
});
