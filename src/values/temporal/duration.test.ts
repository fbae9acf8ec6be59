import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { CypherArgumentError } from '../../errors/index.js';
import { INT64_MAX, INT64_MIN } from '../int64.js';
import { Duration } from './duration.js';

/** Builds a duration from the unit fields of Cypher's `duration({…})` map, for integer amounts. */
function duration(fields: {
  years?: number;
  months?: number;
  days?: number;
  hours?: number;
  minutes?: number;
  seconds?: number;
  milliseconds?: number;
  nanoseconds?: number;
}): Duration {
  const months = (fields.years ?? 0) * 12 + (fields.months ?? 0);
  const seconds = (fields.hours ?? 0) * 3600 + (fields.minutes ?? 0) * 60 + (fields.seconds ?? 0);
  const nanoseconds = (fields.milliseconds ?? 0) * 1_000_000 + (fields.nanoseconds ?? 0);
  return new Duration(months, fields.days ?? 0, seconds, nanoseconds);
}

test('durations print exactly as the TCK (Temporal6) expects', () => {
  const cases: [Parameters<typeof duration>[0], string][] = [
    [
      { years: 12, months: 5, days: 14, hours: 16, minutes: 12, seconds: 70, nanoseconds: 1 },
      'P12Y5M14DT16H13M10.000000001S',
    ],
    [{ years: 12, months: 5, days: -14, hours: 16 }, 'P12Y5M-14DT16H'],
    [{ minutes: 12, seconds: -60 }, 'PT11M'],
    [{ seconds: 2, milliseconds: -1 }, 'PT1.999S'],
    [{ seconds: -2, milliseconds: 1 }, 'PT-1.999S'],
    [{ seconds: -2, milliseconds: -1 }, 'PT-2.001S'],
    [{ days: 1, milliseconds: 1 }, 'P1DT0.001S'],
    [{ days: 1, milliseconds: -1 }, 'P1DT-0.001S'],
    [{ seconds: -60, milliseconds: 1 }, 'PT-59.999S'],
    [{ days: 14, hours: 16, minutes: 12 }, 'P14DT16H12M'],
    [{}, 'PT0S'],
  ];
  for (const [fields, expected] of cases) assert.equal(duration(fields).toString(), expected);
});

test('negative time parts carry the sign on every unit, and years come from months', () => {
  assert.equal(new Duration(-14, 0, -3661, 0).toString(), 'P-1Y-2MT-1H-1M-1S');
  assert.equal(new Duration(12 * 12 + 4, 28, 1440, 1).toString(), 'P12Y4M28DT24M0.000000001S');
  assert.equal(new Duration(-(12 * 12 + 4), -28, -1440, -1).toString(), 'P-12Y-4M-28DT-24M-0.000000001S');
  assert.equal(new Duration(0, 0, -3600, -500_000_000).toString(), 'PT-1H-0.5S');
  assert.equal(new Duration(24, 0, 0, 0).toString(), 'P2Y');
});

test('nanoseconds are normalised into 0..999,999,999 with the carry in seconds', () => {
  const value = new Duration(0, 0, 0, -1);
  assert.deepEqual([value.seconds, value.nanoseconds], [-1n, 999_999_999]);
  const big = new Duration(0, 0, 5, 3_500_000_000n);
  assert.deepEqual([big.seconds, big.nanoseconds], [8n, 500_000_000]);
});

test('normalisation keeps the total length exactly', () => {
  fc.assert(
    fc.property(
      fc.bigInt({ min: -(10n ** 15n), max: 10n ** 15n }),
      fc.bigInt({ min: -(10n ** 17n), max: 10n ** 17n }),
      (seconds, nanos) => {
        const value = new Duration(0n, 0n, seconds, nanos);
        assert.equal(
          value.seconds * 1_000_000_000n + BigInt(value.nanoseconds),
          seconds * 1_000_000_000n + nanos,
        );
        assert.ok(value.nanoseconds >= 0 && value.nanoseconds < 1_000_000_000);
      },
    ),
  );
});

test('components keep the full int64 range; overflow of the seconds is rejected', () => {
  const extreme = new Duration(INT64_MAX, INT64_MIN, INT64_MAX, 999_999_999);
  assert.deepEqual([extreme.months, extreme.days, extreme.seconds], [INT64_MAX, INT64_MIN, INT64_MAX]);
  assert.throws(() => new Duration(0, 0, INT64_MAX, 1_000_000_000), CypherArgumentError);
  assert.throws(() => new Duration(INT64_MAX + 1n, 0, 0, 0), CypherArgumentError);
  assert.throws(() => new Duration(0.5, 0, 0, 0), CypherArgumentError);
});

test('the average length uses 2,629,746 seconds per month and 86,400 per day', () => {
  assert.equal(new Duration(1, 1, 1, 0).averageLengthInSeconds, 2_629_746n + 86_400n + 1n);
});
