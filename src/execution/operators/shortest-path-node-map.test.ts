import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { ABSENT, NodeEntryMap } from './shortest-path-node-map.js';

type Operation =
  | { readonly op: 'set'; readonly node: number; readonly value: number }
  | { readonly op: 'get'; readonly node: number }
  | { readonly op: 'clear' };

const node = fc.oneof(fc.nat(2000), fc.integer({ min: 0, max: 0x7fffffff }));
const operation: fc.Arbitrary<Operation> = fc.oneof(
  {
    arbitrary: fc.record({ op: fc.constant('set' as const), node, value: fc.integer({ min: -2, max: 1e9 }) }),
    weight: 6,
  },
  { arbitrary: fc.record({ op: fc.constant('get' as const), node }), weight: 4 },
  { arbitrary: fc.record({ op: fc.constant('clear' as const) }), weight: 1 },
);

describe('NodeEntryMap', () => {
  it('answers like a Map through sets, growth and clears', () => {
    fc.assert(
      fc.property(fc.array(operation, { maxLength: 2000 }), (operations) => {
        const map = new NodeEntryMap();
        const model = new Map<number, number>();
        for (const step of operations) {
          if (step.op === 'set') {
            if (step.value === ABSENT) continue;
            map.set(step.node, step.value);
            model.set(step.node, step.value);
          } else if (step.op === 'get') {
            assert.equal(map.get(step.node), model.get(step.node) ?? ABSENT);
          } else {
            map.clear();
            model.clear();
          }
          assert.equal(map.size, model.size);
        }
        for (const [key, value] of model) assert.equal(map.get(key), value);
      }),
      { numRuns: 200 },
    );
  });

  it('keeps every one of many consecutive refs after growing', () => {
    const map = new NodeEntryMap();
    for (let ref = 0; ref < 50_000; ref++) map.set(ref, ref * 2);
    for (let ref = 0; ref < 50_000; ref++) assert.equal(map.get(ref), ref * 2);
    assert.equal(map.get(50_000), ABSENT);
    map.clear();
    assert.equal(map.get(7), ABSENT);
    assert.equal(map.size, 0);
  });
});
