import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import {
  civilFromEpochDay,
  epochDayFromCivil,
  floorDivBig,
  MAX_EPOCH_DAY,
  MIN_EPOCH_DAY,
  splitEpochSeconds,
} from './calendar.js';

test('epoch day 0 is 1970-01-01 and known dates convert both ways', () => {
  const cases: [number, number, number, number][] = [
    [0, 1970, 1, 1],
    [-1, 1969, 12, 31],
    [11016, 2000, 2, 29],
    [11017, 2000, 3, 1],
    [16637, 2015, 7, 21],
    [-719528, 0, 1, 1],
    [-141427, 1582, 10, 15],
  ];
  for (const [epochDay, year, month, day] of cases) {
    assert.deepEqual(civilFromEpochDay(epochDay), { year, month, day });
    assert.equal(epochDayFromCivil(year, month, day), epochDay);
  }
});

test("the supported range is java.time's LocalDate.MIN to LocalDate.MAX", () => {
  assert.equal(epochDayFromCivil(-999_999_999, 1, 1), MIN_EPOCH_DAY);
  assert.equal(epochDayFromCivil(999_999_999, 12, 31), MAX_EPOCH_DAY);
});

test('the calendar is proleptic Gregorian: 1900 is no leap year, 2000 and 1600 are', () => {
  assert.deepEqual(civilFromEpochDay(epochDayFromCivil(1900, 2, 28) + 1), { year: 1900, month: 3, day: 1 });
  assert.deepEqual(civilFromEpochDay(epochDayFromCivil(1600, 2, 28) + 1), { year: 1600, month: 2, day: 29 });
  assert.deepEqual(civilFromEpochDay(epochDayFromCivil(-4, 2, 28) + 1), { year: -4, month: 2, day: 29 });
});

test('epoch day to civil date and back is the identity over the whole range', () => {
  fc.assert(
    fc.property(fc.integer({ min: MIN_EPOCH_DAY, max: MAX_EPOCH_DAY }), (epochDay) => {
      const { year, month, day } = civilFromEpochDay(epochDay);
      assert.equal(epochDayFromCivil(year, month, day), epochDay);
      assert.ok(month >= 1 && month <= 12 && day >= 1 && day <= 31);
    }),
  );
});

test('consecutive epoch days are consecutive calendar days', () => {
  fc.assert(
    fc.property(fc.integer({ min: MIN_EPOCH_DAY, max: MAX_EPOCH_DAY - 1 }), (epochDay) => {
      const today = civilFromEpochDay(epochDay);
      const tomorrow = civilFromEpochDay(epochDay + 1);
      if (tomorrow.day === 1) {
        assert.ok(tomorrow.month === (today.month % 12) + 1 && today.day >= 28);
      } else {
        assert.deepEqual(tomorrow, { ...today, day: today.day + 1 });
      }
    }),
  );
});

test('floor division of bigints rounds toward negative infinity', () => {
  assert.equal(floorDivBig(7n, 2n), 3n);
  assert.equal(floorDivBig(-7n, 2n), -4n);
  assert.equal(floorDivBig(-6n, 2n), -3n);
  assert.equal(floorDivBig(7n, -2n), -4n);
  assert.deepEqual(splitEpochSeconds(-1n), { epochDay: -1, secondOfDay: 86_399 });
  assert.deepEqual(splitEpochSeconds(86_400n), { epochDay: 1, secondOfDay: 0 });
});
