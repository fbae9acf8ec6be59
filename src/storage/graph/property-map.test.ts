import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import {
  copyProperties,
  getProperty,
  hasProperty,
  propertyCount,
  putProperty,
  type PropertyMap,
} from './property-map.js';

test('putProperty adds, replaces and removes keys, keeping the order of the others', () => {
  let map = putProperty(undefined, 3, 'a');
  map = putProperty(map, 1, 2n);
  map = putProperty(map, 3, 'b');
  assert.deepEqual(map, [3, 'b', 1, 2n]);
  map = putProperty(map, 9, 1.5);
  map = putProperty(map, 3, undefined);
  assert.deepEqual(map, [1, 2n, 9, 1.5]);
  assert.equal(putProperty(undefined, 1, undefined), undefined);
  assert.equal(propertyCount(map), 2);
  assert.equal(hasProperty(map, 1), true);
  assert.equal(hasProperty(undefined, 1), false);
  const copy = copyProperties(map);
  putProperty(copy, 1, undefined);
  assert.equal(getProperty(map, 1), 2n);
});

test('a property map behaves like a Map from key to value', () => {
  const operation = fc.tuple(fc.integer({ min: 0, max: 6 }), fc.option(fc.integer(), { nil: undefined }));
  fc.assert(
    fc.property(fc.array(operation, { maxLength: 40 }), (operations) => {
      let map: PropertyMap | undefined;
      const model = new Map<number, number>();
      for (const [key, value] of operations) {
        map = putProperty(map, key, value === undefined ? undefined : BigInt(value));
        if (value === undefined) model.delete(key);
        else model.set(key, value);
      }
      assert.equal(propertyCount(map), model.size);
      for (let key = 0; key <= 6; key++) {
        const expected = model.get(key);
        assert.deepEqual(getProperty(map, key), expected === undefined ? undefined : BigInt(expected));
      }
      // Insertion order of surviving keys is the Map's order too.
      const keys = (map ?? []).filter((_, index) => index % 2 === 0);
      assert.deepEqual(keys, [...model.keys()]);
    }),
  );
});
