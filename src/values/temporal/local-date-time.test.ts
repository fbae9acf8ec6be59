import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CypherArgumentError } from '../../errors/index.js';
import { MAX_LOCAL_EPOCH_SECONDS, MIN_LOCAL_EPOCH_SECONDS } from './calendar.js';
import { LocalDateTime } from './local-date-time.js';

test("a local date-time prints like Neo4j's toString", () => {
  assert.equal(
    LocalDateTime.fromFields(1984, 10, 11, 12, 31, 14, 645_876_123).toString(),
    '1984-10-11T12:31:14.645876123',
  );
  assert.equal(
    LocalDateTime.fromFields(2015, 7, 21, 21, 40, 32, 142_000_000).toString(),
    '2015-07-21T21:40:32.142',
  );
  assert.equal(LocalDateTime.fromFields(2015, 7, 20, 21, 40).toString(), '2015-07-20T21:40:00');
  assert.equal(new LocalDateTime(-1n, 999_999_999).toString(), '1969-12-31T23:59:59.999999999');
});

test('the compact form matches the TCK rendering', () => {
  assert.equal(LocalDateTime.fromFields(2015, 7, 20, 21, 40).toCompactString(), '2015-07-20T21:40');
  assert.equal(LocalDateTime.fromFields(2015, 1, 1, 21, 40, 32).toCompactString(), '2015-01-01T21:40:32');
});

test('local epoch seconds cover years ±999,999,999 exactly, beyond 2^53', () => {
  assert.equal(new LocalDateTime(MIN_LOCAL_EPOCH_SECONDS).toString(), '-999999999-01-01T00:00:00');
  assert.equal(
    new LocalDateTime(MAX_LOCAL_EPOCH_SECONDS, 999_999_999).toString(),
    '+999999999-12-31T23:59:59.999999999',
  );
  assert.ok(MAX_LOCAL_EPOCH_SECONDS > BigInt(Number.MAX_SAFE_INTEGER));
  assert.equal(LocalDateTime.fromFields(1970, 1, 1, 0, 0, 1).epochSeconds, 1n);
});

test('out-of-range seconds or nanoseconds are rejected', () => {
  assert.throws(() => new LocalDateTime(MAX_LOCAL_EPOCH_SECONDS + 1n), CypherArgumentError);
  assert.throws(() => new LocalDateTime(MIN_LOCAL_EPOCH_SECONDS - 1n), CypherArgumentError);
  assert.throws(() => new LocalDateTime(0n, 1_000_000_000), CypherArgumentError);
  assert.throws(() => new LocalDateTime(0n, -1), CypherArgumentError);
  assert.throws(() => new LocalDateTime(2n ** 64n), CypherArgumentError);
});
