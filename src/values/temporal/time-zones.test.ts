import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CypherArgumentError } from '../../errors/index.js';
import { epochDayFromCivil } from './calendar.js';
import { canonicalZoneId, isKnownZoneId, zoneOffsetAt, zoneOffsetForLocal } from './time-zones.js';

test('zone offsets come from the runtime tz data with second precision', () => {
  assert.equal(zoneOffsetAt('UTC', 0n), 0);
  assert.equal(zoneOffsetAt('Asia/Kolkata', 0n), 19_800);
  assert.equal(zoneOffsetAt('America/New_York', 1_562_500_000n), -4 * 3600);
  assert.equal(zoneOffsetAt('Europe/London', -5_364_662_400n), -75);
});

function secondsAt(year: number, month: number, day: number): bigint {
  return BigInt(epochDayFromCivil(year, month, day)) * 86_400n + 43_200n;
}

test('far future instants use the last recurring rule, far past ones the first', () => {
  assert.equal(zoneOffsetAt('Europe/London', secondsAt(500_000_000, 7, 1)), 3600);
  assert.equal(zoneOffsetAt('Europe/London', secondsAt(500_000_000, 1, 1)), 0);
  assert.equal(zoneOffsetAt('Europe/London', secondsAt(-500_000_000, 7, 1)), -75);
  assert.equal(zoneOffsetAt('Asia/Kolkata', secondsAt(999_999_999, 12, 31)), 19_800);
});

test('aliases and case variants share one canonical id', () => {
  assert.equal(canonicalZoneId('Asia/Calcutta'), canonicalZoneId('Asia/Kolkata'));
  assert.equal(canonicalZoneId('europe/london'), canonicalZoneId('Europe/London'));
  assert.notEqual(canonicalZoneId('Europe/London'), canonicalZoneId('Europe/Paris'));
});

test('unknown zone ids are reported, offsets are not zone ids', () => {
  assert.equal(isKnownZoneId('Europe/London'), true);
  assert.equal(isKnownZoneId('Nowhere/Special'), false);
  assert.equal(isKnownZoneId('+01:00'), false);
  assert.throws(() => zoneOffsetAt('Nowhere/Special', 0n), CypherArgumentError);
  assert.throws(() => canonicalZoneId('Nowhere/Special'), CypherArgumentError);
});

test('local times resolve to the earlier offset in overlaps and the pre-gap offset in gaps', () => {
  const overlap = 1_572_139_800n; // 2019-10-27T01:30 as if UTC: London repeats 01:00-02:00
  assert.equal(zoneOffsetForLocal('Europe/London', overlap), 3600);
  const gap = 1_553_995_800n; // 2019-03-31T01:30 as if UTC: London skips 01:00-02:00
  assert.equal(zoneOffsetForLocal('Europe/London', gap), 0);
  assert.equal(zoneOffsetForLocal('Asia/Kolkata', 0n), 19_800);
});
