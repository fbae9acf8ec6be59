import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { PropertyKeyTokens, type PropertyKeyRegistry } from './property-key-tokens.js';

/** A registry that hands out dense tokens and counts its lookups. */
function registry(): PropertyKeyRegistry & { lookups: number; ids: Map<string, number> } {
  const ids = new Map<string, number>();
  return {
    ids,
    lookups: 0,
    getOrCreate(name: string): number {
      this.lookups++;
      const existing = ids.get(name);
      if (existing !== undefined) return existing;
      ids.set(name, ids.size);
      return ids.size - 1;
    },
  };
}

test('maps with the same keys in the same order look each key up once', () => {
  const names = registry();
  const tokens = new PropertyKeyTokens(names);
  for (let row = 0; row < 100; row++) {
    assert.deepEqual(
      ['name', 'age', 'k'].map((key, position) => tokens.tokenOf(key, position)),
      [0, 1, 2],
    );
  }
  assert.equal(names.lookups, 3);
});

test('whatever keys arrive at whatever positions, the token is the registry token of the key', () => {
  const key = fc.constantFrom('a', 'b', 'c', 'name', '__proto__', '');
  fc.assert(
    fc.property(fc.array(fc.array(key, { maxLength: 5 }), { maxLength: 20 }), (rows) => {
      const names = registry();
      const tokens = new PropertyKeyTokens(names);
      for (const keys of rows) {
        keys.forEach((name, position) => {
          assert.equal(tokens.tokenOf(name, position), names.ids.get(name));
        });
      }
    }),
    { numRuns: 200 },
  );
});
