import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { CsvRecord, type CsvField } from './csv-record.js';

/** A record over `text` with the fields at the given `[start, end)` positions (-1: absent). */
function recordOf(text: string, positions: readonly (readonly [number, number])[]): CsvRecord {
  const record = new CsvRecord();
  record.reset(text);
  for (const [start, end] of positions) record.add(start, end);
  return record;
}

test('fields are read from their positions, and an absent field has no text', () => {
  const record = recordOf('12,ab,,x', [
    [0, 2],
    [3, 5],
    [-1, -1],
    [7, 8],
  ]);
  assert.equal(record.count, 4);
  assert.deepEqual(record.fields(), ['12', 'ab', undefined, 'x']);
  assert.equal(record.isAbsent(2), true);
  assert.equal(record.isAbsent(4), true, 'past the last field');
  assert.equal(record.field(9), undefined);
});

test('assigned fields keep the difference between an empty quoted field and an absent one', () => {
  const record = new CsvRecord();
  const fields: CsvField[] = ['a,b', '', undefined, 'say "hi"'];
  record.assign(fields);
  assert.deepEqual(record.fields(), fields);
  assert.equal(record.isAbsent(1), false);
  assert.equal(record.isAbsent(2), true);
});

test('a record grows past its first capacity and is reused from the start after a reset', () => {
  const record = new CsvRecord();
  const many = Array.from({ length: 200 }, (_, index) => String(index));
  record.assign(many);
  assert.deepEqual(record.fields(), many);
  record.assign(['x']);
  assert.deepEqual(record.fields(), ['x']);
});

test('digitsValue reads plain digits as their number and anything else as -1', () => {
  const cases: [string, number, number][] = [
    // text, value, canonical value
    ['0', 0, 0],
    ['42', 42, 42],
    ['007', 7, -1],
    ['999999999999999', 999_999_999_999_999, 999_999_999_999_999],
    ['1000000000000000', -1, -1],
    ['', -1, -1],
    ['-1', -1, -1],
    ['+1', -1, -1],
    [' 1', -1, -1],
    ['1.0', -1, -1],
    ['1e3', -1, -1],
    ['٣', -1, -1],
  ];
  for (const [text, value, canonical] of cases) {
    const record = new CsvRecord();
    record.assign([text]);
    assert.equal(record.digitsValue(0), value, text);
    assert.equal(record.digitsValue(0, true), canonical, `${text} (canonical)`);
  }
  const absent = new CsvRecord();
  absent.assign([undefined]);
  assert.equal(absent.digitsValue(0), -1);
  assert.equal(absent.digitsValue(3), -1);
});

test('digitsValue agrees with Number for every text it accepts', () => {
  fc.assert(
    fc.property(
      fc.string({ unit: fc.constantFrom('0', '1', '7', '9', '-', '+', ' ', '.', 'e'), maxLength: 17 }),
      (text) => {
        const record = new CsvRecord();
        record.reset(`,${text},`);
        record.add(1, 1 + text.length);
        const value = record.digitsValue(0);
        if (value >= 0) assert.equal(value, Number(text));
        else assert.ok(!/^\d{1,15}$/.test(text), text);
      },
    ),
  );
});
