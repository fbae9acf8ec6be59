import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { GraphStore } from '../../storage/index.js';
import type { CypherValue } from '../../values/index.js';
import { PropertyShapes } from './property-shapes.js';

function tokensWith(names: readonly string[]): { shapes: PropertyShapes; keys: number[] } {
  const store = new GraphStore();
  const keys = names.map((name) => store.tokens.propertyKeys.getOrCreate(name));
  return { shapes: new PropertyShapes(store.tokens), keys };
}

test('a built map has the names of its key tokens, in the order given, with the values given', () => {
  const { shapes, keys } = tokensWith(['name', 'age', 'active']);
  const map = shapes.build([keys[1] ?? 0, keys[0] ?? 0], [42n, 'Ada'], 2);
  assert.deepEqual(Object.keys(map), ['age', 'name']);
  assert.deepEqual(map, { age: 42n, name: 'Ada' });
});

test('maps of one key sequence are separate objects: filling one leaves the template and the others alone', () => {
  const { shapes, keys } = tokensWith(['a', 'b']);
  const first = shapes.build(keys, [1n, 2n], 2);
  const second = shapes.build(keys, [3n, 4n], 2);
  first['a'] = 'changed';
  assert.deepEqual(second, { a: 3n, b: 4n });
  assert.deepEqual(shapes.build(keys, [5n, 6n], 2), { a: 5n, b: 6n });
});

test('only the first `size` entries count (the scratch arrays may hold more)', () => {
  const { shapes, keys } = tokensWith(['a', 'b', 'c']);
  assert.deepEqual(shapes.build(keys, [1n, 2n, 3n], 2), { a: 1n, b: 2n });
  assert.deepEqual(shapes.build(keys, [1n, 2n, 3n], 0), {});
});

test('a __proto__ key stays an own data property and the prototype stays Object.prototype', () => {
  const { shapes, keys } = tokensWith(['__proto__', 'a']);
  const map = shapes.build(keys, [1n, 2n], 2);
  assert.deepEqual(Object.keys(map), ['__proto__', 'a']);
  assert.equal(Object.getPrototypeOf(map), Object.prototype);
  assert.equal(Object.getOwnPropertyDescriptor(map, '__proto__')?.value, 1n);
});

test('any sequence of distinct keys builds the same map as setting the entries one by one', () => {
  const names = ['a', 'b', 'c', 'd', 'e', '__proto__', 'constructor'];
  const { shapes, keys } = tokensWith(names);
  fc.assert(
    fc.property(
      fc.uniqueArray(fc.nat({ max: names.length - 1 }), { maxLength: names.length }),
      fc.array(fc.oneof(fc.bigInt(), fc.string(), fc.constant(null)), {
        minLength: names.length,
        maxLength: names.length,
      }),
      (order, values: CypherValue[]) => {
        const map = shapes.build(
          order.map((index) => keys[index] ?? 0),
          values,
          order.length,
        );
        const expected: Record<string, CypherValue> = {};
        order.forEach((index, position) => {
          Object.defineProperty(expected, names[index] ?? '', {
            value: values[position] ?? null,
            enumerable: true,
            writable: true,
            configurable: true,
          });
        });
        assert.deepEqual(Object.keys(map), Object.keys(expected));
        for (const key of Object.keys(expected)) {
          assert.equal(Object.getOwnPropertyDescriptor(map, key)?.value, expected[key]);
        }
        assert.equal(Object.getPrototypeOf(map), Object.prototype);
      },
    ),
    { numRuns: 300 },
  );
});

test('past the shape limit maps are still built correctly (key by key)', () => {
  const names = Array.from({ length: 70 }, (_, index) => `k${String(index)}`);
  const { shapes, keys } = tokensWith(names);
  // Pairs of keys in every order: 70 + 70 * 69 shapes, more than the limit keeps.
  for (const first of keys) {
    for (const second of keys) {
      if (first === second) continue;
      const map = shapes.build([first, second], [1n, 2n], 2);
      assert.deepEqual(Object.keys(map), [names[keys.indexOf(first)], names[keys.indexOf(second)]]);
      assert.deepEqual(Object.values(map), [1n, 2n]);
    }
  }
});
