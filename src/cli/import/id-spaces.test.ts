import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { CsvRecord } from './csv-record.js';
import { IdGroup } from './id-group.js';
import { IdSpaces, stringIdKey, type IdKey } from './id-spaces.js';

test('canonical integer text becomes a number key, any other text stays text', () => {
  assert.equal(stringIdKey('0'), 0);
  assert.equal(stringIdKey('123456789'), 123456789);
  for (const text of ['', '007', '+1', '-1', '1.0', '1234567890', 'a1', ' 1']) {
    assert.equal(stringIdKey(text), text, text);
  }
});

test('string id keys are one-to-one: different texts never share a key', () => {
  fc.assert(
    fc.property(
      fc.string({ unit: fc.constantFrom('0', '1', '9', '-', 'a') }),
      fc.string({ unit: fc.constantFrom('0', '1', '9', '-', 'a') }),
      (a, b) => {
        if (a !== b) assert.notEqual(stringIdKey(a), stringIdKey(b));
      },
    ),
  );
});

test('integer ids compare as numbers, and actual ids must be node ids', () => {
  const integer = new IdSpaces('integer');
  assert.equal(integer.keyOf('007'), 7);
  assert.equal(integer.keyOf(' -3 '), -3);
  assert.equal(integer.keyOf('-0'), 0);
  assert.throws(() => integer.keyOf('x1'), /is not an integer \(--id-type=integer\)/);
  const actual = new IdSpaces('actual');
  assert.equal(actual.keyOf('12'), 12);
  assert.throws(() => actual.keyOf('-1'), /not a node id/);
  assert.equal(actual.group('A'), actual.group('B'));
  assert.notEqual(integer.group('A'), integer.group('B'));
});

test('the id property keeps the text for string ids and is an INTEGER otherwise', () => {
  assert.equal(new IdSpaces('string').propertyValue(stringIdKey('42'), '42'), '42');
  assert.equal(new IdSpaces('integer').propertyValue(42, '042'), 42n);
});

test('an id group finds every id it was given, dense, sparse, negative or text', () => {
  fc.assert(
    fc.property(
      fc.uniqueArray(
        fc.oneof(fc.nat({ max: 5000 }), fc.integer({ min: -10, max: 2 ** 40 }), fc.string({ maxLength: 3 })),
        { maxLength: 300 },
      ),
      (keys) => {
        const group = new IdGroup();
        keys.forEach((key, index) => {
          assert.equal(group.get(key), undefined);
          group.set(key, index);
        });
        keys.forEach((key, index) => {
          assert.equal(group.get(key), index);
        });
        assert.equal(group.size, keys.length);
        assert.equal(group.has(-99), false);
        assert.equal(group.has('missing-key'), false);
      },
    ),
  );
});

test('an id group keeps huge ids out of its array and moves them in when the array grows past them', () => {
  const group = new IdGroup();
  group.set(100_000_000, 1);
  group.set(3_000, 2);
  assert.equal(group.get(100_000_000), 1);
  for (let id = 0; id < 200_000; id++) group.set(10_000 + id, 10 + id);
  assert.equal(group.get(3_000), 2);
  assert.equal(group.get(209_999), 200_009);
  assert.equal(group.get(100_000_000), 1);
  assert.equal(group.size, 200_002);
});

test('the key read straight from a record field is the key of its text, or the same error', () => {
  const outcome = (read: () => IdKey): string => {
    try {
      return `${typeof read()}:${String(read())}`;
    } catch (error) {
      return `error:${error instanceof Error ? error.message : String(error)}`;
    }
  };
  fc.assert(
    fc.property(
      fc.constantFrom('string', 'integer', 'actual'),
      fc.oneof(
        fc.string({ unit: fc.constantFrom('0', '1', '9', '-', '+', ' ', 'a'), minLength: 1, maxLength: 18 }),
        fc.nat().map(String),
        fc.constantFrom('2147483647', '2147483648', '999999999', '1000000000', '0000000001'),
      ),
      (idType, text) => {
        const spaces = new IdSpaces(idType);
        const record = new CsvRecord();
        record.assign(['x', text]);
        assert.equal(
          outcome(() => spaces.keyOfField(record, 1)),
          outcome(() => spaces.keyOf(text)),
        );
      },
    ),
    { numRuns: 1000 },
  );
});
