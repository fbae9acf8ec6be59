import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CypherArgumentError } from '../../errors/index.js';
import { NANOS_PER_DAY } from './calendar.js';
import { LocalTime } from './local-time.js';
import { Time } from './time.js';

test("a local time prints like Neo4j's toString: seconds always, fraction without trailing zeros", () => {
  assert.equal(LocalTime.fromFields(21, 40).toString(), '21:40:00');
  assert.equal(LocalTime.fromFields(21, 40, 32, 142_000_000).toString(), '21:40:32.142');
  assert.equal(LocalTime.fromFields(12, 0, 0, 1).toString(), '12:00:00.000000001');
  assert.equal(LocalTime.fromFields(12, 31, 14, 645_876_123).toString(), '12:31:14.645876123');
  assert.equal(LocalTime.fromFields(0, 0, 0, 100_000_000).toString(), '00:00:00.1');
  assert.equal(new LocalTime(NANOS_PER_DAY - 1).toString(), '23:59:59.999999999');
});

test('the compact form omits zero seconds and groups the fraction by three digits, as the TCK expects', () => {
  assert.equal(LocalTime.fromFields(21, 40).toCompactString(), '21:40');
  assert.equal(LocalTime.fromFields(21, 40, 32).toCompactString(), '21:40:32');
  assert.equal(LocalTime.fromFields(21, 40, 32, 142_000_000).toCompactString(), '21:40:32.142');
  assert.equal(LocalTime.fromFields(12, 31, 14, 645_876_000).toCompactString(), '12:31:14.645876');
  assert.equal(LocalTime.fromFields(0, 0, 0, 100_000_000).toCompactString(), '00:00:00.100');
  assert.equal(LocalTime.fromFields(0, 0, 0, 1).toCompactString(), '00:00:00.000000001');
});

test('a zoned time appends its offset, Z for UTC and seconds when present', () => {
  assert.equal(new Time(1, 0).toString(), '00:00:00.000000001Z');
  assert.equal(Time.fromFields(12, 0, 0, 1, 0).toString(), '12:00:00.000000001Z');
  assert.equal(Time.fromFields(12, 31, 14, 645_876_123, 3600).toString(), '12:31:14.645876123+01:00');
  assert.equal(Time.fromFields(21, 40, 0, 0, -5400).toString(), '21:40:00-01:30');
  assert.equal(Time.fromFields(21, 40, 0, 0, -5400).toCompactString(), '21:40-01:30');
  assert.equal(Time.fromFields(21, 0, 0, 0, 64_800).toCompactString(), '21:00+18:00');
  assert.equal(Time.fromFields(1, 2, 3, 0, -75).toString(), '01:02:03-00:01:15');
});

test('the UTC nanosecond of day of a zoned time subtracts the offset without wrapping', () => {
  assert.equal(Time.fromFields(0, 30, 0, 0, 3600).utcNanosecondOfDay, -1_800_000_000_000);
});

test('times outside one day, or offsets beyond ±18:00, are rejected', () => {
  assert.throws(() => new LocalTime(NANOS_PER_DAY), CypherArgumentError);
  assert.throws(() => new LocalTime(-1n), CypherArgumentError);
  assert.throws(() => LocalTime.fromFields(24, 0), CypherArgumentError);
  assert.throws(() => LocalTime.fromFields(0, 60), CypherArgumentError);
  assert.throws(() => new Time(0, 64_801), CypherArgumentError);
  assert.throws(() => new Time(0, -64_801n), CypherArgumentError);
});
