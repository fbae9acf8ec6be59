import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CypherArgumentError } from '../../errors/index.js';
import { MAX_EPOCH_DAY, MIN_EPOCH_DAY } from './calendar.js';
import { CypherDate } from './date.js';

test('a date prints as ISO-8601 with a 4-digit year', () => {
  assert.equal(CypherDate.fromFields(1984, 10, 11).toString(), '1984-10-11');
  assert.equal(new CypherDate(0).toString(), '1970-01-01');
  assert.equal(CypherDate.fromFields(5, 1, 2).toString(), '0005-01-02');
});

test('years outside 0..9999 print with a sign, as java.time does', () => {
  assert.equal(CypherDate.fromFields(10_000, 1, 1).toString(), '+10000-01-01');
  assert.equal(CypherDate.fromFields(-1, 12, 31).toString(), '-0001-12-31');
  assert.equal(CypherDate.fromFields(-12_345, 6, 7).toString(), '-12345-06-07');
  assert.equal(new CypherDate(MIN_EPOCH_DAY).toString(), '-999999999-01-01');
  assert.equal(new CypherDate(MAX_EPOCH_DAY).toString(), '+999999999-12-31');
});

test('a date exposes its calendar fields', () => {
  const date = CypherDate.fromFields(2015, 7, 21);
  assert.deepEqual([date.year, date.month, date.day, date.epochDay], [2015, 7, 21, 16637]);
});

test('a date accepts a bigint epoch day, as Bolt decodes it', () => {
  assert.equal(new CypherDate(16637n).epochDay, 16637);
});

test('dates outside the java.time range or with invalid fields are rejected', () => {
  assert.throws(() => new CypherDate(MAX_EPOCH_DAY + 1), CypherArgumentError);
  assert.throws(() => new CypherDate(BigInt(MIN_EPOCH_DAY) - 1n), CypherArgumentError);
  assert.throws(() => new CypherDate(1.5), CypherArgumentError);
  assert.throws(() => CypherDate.fromFields(2023, 2, 29), CypherArgumentError);
  assert.throws(() => CypherDate.fromFields(2023, 13, 1), CypherArgumentError);
  assert.throws(() => CypherDate.fromFields(2023, 4, 31), CypherArgumentError);
});
