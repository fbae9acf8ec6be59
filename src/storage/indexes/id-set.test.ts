import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { IdSet } from './id-set.js';

function members(set: IdSet, from = 0): number[] {
  const result: number[] = [];
  for (let id = set.nextFrom(from); id !== -1; id = set.nextFrom(id + 1)) result.push(id);
  return result;
}

test('an id set iterates its members in order across word and chunk boundaries', () => {
  const set = new IdSet();
  for (const id of [0, 31, 32, 63, 65_535, 65_536, 200_000, 2 ** 31 - 1]) set.add(id);
  assert.deepEqual(members(set), [0, 31, 32, 63, 65_535, 65_536, 200_000, 2 ** 31 - 1]);
  assert.deepEqual(members(set, 33), [63, 65_535, 65_536, 200_000, 2 ** 31 - 1]);
  assert.equal(set.size, 8);
  assert.equal(set.add(31), false);
  assert.equal(set.delete(31), true);
  assert.equal(set.delete(31), false);
  assert.equal(set.has(32), true);
  assert.equal(set.has(31), false);
  assert.equal(set.nextFrom(2 ** 31), -1);
});

test('an id set behaves like a Set of numbers', () => {
  const operation = fc.tuple(
    fc.boolean(),
    fc.oneof(fc.integer({ min: 0, max: 300 }), fc.integer({ min: 0, max: 300_000 })),
  );
  fc.assert(
    fc.property(
      fc.array(operation, { maxLength: 200 }),
      fc.integer({ min: 0, max: 300_000 }),
      (operations, from) => {
        const set = new IdSet();
        const model = new Set<number>();
        for (const [isAdd, id] of operations) {
          assert.equal(isAdd ? set.add(id) : set.delete(id), isAdd ? !model.has(id) : model.has(id));
          if (isAdd) model.add(id);
          else model.delete(id);
        }
        assert.equal(set.size, model.size);
        const sorted = [...model].sort((a, b) => a - b);
        assert.deepEqual(members(set), sorted);
        assert.deepEqual(
          members(set, from),
          sorted.filter((id) => id >= from),
        );
      },
    ),
  );
});
