import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { CypherArgumentError } from '../../errors/index.js';
import { MAX_LOCAL_EPOCH_SECONDS, MIN_LOCAL_EPOCH_SECONDS } from './calendar.js';
import { DateTime } from './date-time.js';
import { LocalDateTime } from './local-date-time.js';

function local(year: number, month: number, day: number, hour: number, minute: number, second = 0): bigint {
  return LocalDateTime.fromFields(year, month, day, hour, minute, second).epochSeconds;
}

test("a zoned date-time prints like Neo4j's toString, with the zone id in brackets", () => {
  const london = DateTime.fromLocal(local(2015, 7, 21, 21, 40, 32), 142_000_000, 'Europe/London');
  assert.equal(london.toString(), '2015-07-21T21:40:32.142+01:00[Europe/London]');
  const stockholm = DateTime.fromLocal(local(2017, 8, 8, 12, 31, 14), 645_876_123, 'Europe/Stockholm');
  assert.equal(stockholm.toString(), '2017-08-08T12:31:14.645876123+02:00[Europe/Stockholm]');
});

test('a fixed-offset date-time has no brackets and prints UTC as Z', () => {
  assert.equal(new DateTime(0n, 0, 0).toString(), '1970-01-01T00:00:00Z');
  assert.equal(
    DateTime.fromLocal(local(2015, 7, 21, 21, 40), 0, -5400).toString(),
    '2015-07-21T21:40:00-01:30',
  );
  assert.equal(DateTime.fromLocal(local(2015, 7, 20, 21, 40), 0, 0).toCompactString(), '2015-07-20T21:40Z');
});

test('the Bolt worked example: 1970-01-01T02:15:00.000000042+01:00 is UTC second 4500', () => {
  const value = new DateTime(4500n, 42, 3600);
  assert.equal(value.toString(), '1970-01-01T02:15:00.000000042+01:00');
  assert.equal(value.localEpochSeconds, 8100n);
  assert.equal(DateTime.fromLocal(8100n, 42, 3600).epochSeconds, 4500n);
});

test('zone offsets are resolved at the instant, following daylight saving time', () => {
  assert.equal(new DateTime(local(2019, 1, 15, 12, 0), 0, 'Europe/London').offsetSeconds, 0);
  assert.equal(new DateTime(local(2019, 7, 15, 12, 0), 0, 'Europe/London').offsetSeconds, 3600);
  assert.equal(new DateTime(local(2019, 7, 15, 12, 0), 0, 'Asia/Kathmandu').offsetSeconds, 20_700);
});

test('historic local mean time offsets keep their seconds, as in the TCK', () => {
  const value = DateTime.fromLocal(local(1818, 7, 21, 21, 40, 32), 142_000_000, 'Europe/Stockholm');
  assert.equal(value.toString(), '1818-07-21T21:40:32.142+00:53:28[Europe/Stockholm]');
});

test('a local time in a DST gap moves later by the gap, as java.time does', () => {
  const value = DateTime.fromLocal(local(2019, 3, 31, 1, 30), 0, 'Europe/London');
  assert.equal(value.toString(), '2019-03-31T02:30:00+01:00[Europe/London]');
});

test('a local time in a DST overlap takes the earlier offset', () => {
  const value = DateTime.fromLocal(local(2019, 10, 27, 1, 30), 0, 'Europe/London');
  assert.equal(value.toString(), '2019-10-27T01:30:00+01:00[Europe/London]');
  const later = new DateTime(value.epochSeconds + 3600n, 0, 'Europe/London');
  assert.equal(later.toString(), '2019-10-27T01:30:00Z[Europe/London]');
});

test('instants at the ends of the range resolve zone offsets without Intl range errors', () => {
  const last = new DateTime(MAX_LOCAL_EPOCH_SECONDS - 86_400n, 0, 'Europe/London');
  assert.equal(last.toString(), '+999999999-12-30T23:59:59Z[Europe/London]');
  const first = new DateTime(MIN_LOCAL_EPOCH_SECONDS + 86_400n, 0, 'Europe/London');
  assert.equal(first.offsetSeconds, -75);
});

test('fromLocal and localEpochSeconds are inverse outside transitions', () => {
  fc.assert(
    fc.property(
      fc.bigInt({ min: -5_000_000_000n, max: 5_000_000_000n }),
      fc.constantFrom('Europe/London', 'America/New_York', 'Asia/Kolkata', 'UTC'),
      (localSeconds, zone) => {
        const value = DateTime.fromLocal(localSeconds, 0, zone);
        const shift = value.localEpochSeconds - localSeconds;
        // Equal, or moved forward by a DST gap (at most two hours in any of these zones).
        assert.ok(shift >= 0n && shift <= 7200n);
        assert.equal(new DateTime(value.epochSeconds, 0, zone).offsetSeconds, value.offsetSeconds);
      },
    ),
    { numRuns: 150 },
  );
});

test('unknown zones, out-of-range offsets and instants are rejected', () => {
  assert.throws(() => new DateTime(0n, 0, 'Mars/Olympus_Mons'), CypherArgumentError);
  assert.throws(() => new DateTime(0n, 0, 64_801), CypherArgumentError);
  assert.throws(() => new DateTime(0n, 1_000_000_000, 0), CypherArgumentError);
  assert.throws(() => new DateTime(MAX_LOCAL_EPOCH_SECONDS, 0, 3600), CypherArgumentError);
  assert.throws(() => new DateTime(2n ** 63n, 0, 0), CypherArgumentError);
});
