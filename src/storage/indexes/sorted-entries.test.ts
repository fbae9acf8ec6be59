import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { orderCompare, type CypherValue } from '../../values/index.js';
import { SortedEntries } from './sorted-entries.js';

function entries(list: SortedEntries): [CypherValue, number][] {
  const result: [CypherValue, number][] = [];
  list.forEach((value, id) => result.push([value, id]));
  return result;
}

test('entries stay sorted by value then id, without duplicates', () => {
  const list = new SortedEntries(orderCompare);
  assert.equal(list.insert(2n, 5), true);
  assert.equal(list.insert('a', 1), true);
  assert.equal(list.insert(1.5, 9), true);
  assert.equal(list.insert(2n, 3), true);
  assert.equal(list.insert(2.0, 5), false, '2 and 2.0 are the same key');
  assert.deepEqual(entries(list), [
    ['a', 1],
    [1.5, 9],
    [2n, 3],
    [2n, 5],
  ]);
  assert.equal(list.remove(2.0, 3), true);
  assert.equal(list.remove(2n, 3), false);
  assert.equal(list.size, 3);
});

test('lowerBound finds the first entry a monotone predicate rejects', () => {
  const list = new SortedEntries(orderCompare);
  for (let id = 0; id < 2000; id++) list.insert(BigInt(id % 100), id);
  const position = list.lowerBound((value) => orderCompare(value, 42n) < 0);
  assert.equal(list.valueAt(position.block, position.index), 42n);
  assert.equal(list.idAt(position.block, position.index), 42);
  let count = 0;
  while (!list.isEnd(position) && list.valueAt(position.block, position.index) === 42n) {
    count++;
    list.advance(position);
  }
  assert.equal(count, 20);
  assert.equal(list.isEnd(list.lowerBound(() => true)), true);
});

test('a sorted entry list behaves like a sorted array of unique pairs', () => {
  const operation = fc.tuple(fc.boolean(), fc.integer({ min: 0, max: 40 }), fc.integer({ min: 0, max: 30 }));
  fc.assert(
    fc.property(fc.array(operation, { maxLength: 1500 }), (operations) => {
      const list = new SortedEntries(orderCompare);
      const model = new Map<string, [number, number]>();
      for (const [isInsert, value, id] of operations) {
        const key = `${value}:${id}`;
        const changed = isInsert ? list.insert(BigInt(value), id) : list.remove(BigInt(value), id);
        assert.equal(changed, isInsert ? !model.has(key) : model.has(key));
        if (isInsert) model.set(key, [value, id]);
        else model.delete(key);
      }
      const expected = [...model.values()].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
      assert.deepEqual(
        entries(list).map(([value, id]) => [Number(value), id]),
        expected,
      );
      assert.equal(list.size, expected.length);
    }),
    { numRuns: 60 },
  );
});

test('insertMany adds a batch like inserting its entries one by one, merged or not', () => {
  const pair = fc.tuple(fc.integer({ min: 0, max: 40 }), fc.integer({ min: 0, max: 30 }));
  fc.assert(
    fc.property(fc.array(pair, { maxLength: 600 }), fc.array(pair, { maxLength: 600 }), (before, batch) => {
      const list = new SortedEntries(orderCompare);
      const expected = new SortedEntries(orderCompare);
      for (const [value, id] of before) {
        list.insert(BigInt(value), id);
        expected.insert(BigInt(value), id);
      }
      let added = 0;
      for (const [value, id] of batch) if (expected.insert(BigInt(value), id)) added++;
      const modifications = list.modifications;
      assert.equal(
        list.insertMany(
          batch.map(([value]) => BigInt(value)),
          batch.map(([, id]) => id),
        ),
        added,
      );
      assert.deepEqual(entries(list), entries(expected));
      assert.equal(list.size, expected.size);
      if (batch.length > 0) assert.ok(list.modifications > modifications);
      // Still a working list: inserts and removes after a merge.
      assert.equal(list.insert(100n, 1), true);
      assert.equal(list.remove(100n, 1), true);
    }),
    { numRuns: 100 },
  );
});
