import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { Adjacency, type ListSide } from './adjacency.js';

/** Every entry of one node side, grouped by type in chain order: `type:relationship>other`. */
function listEntries(adjacency: Adjacency, node: number, side: ListSide): string[] {
  const result: string[] = [];
  for (
    let header = adjacency.firstHeader(node, side);
    header !== -1;
    header = adjacency.headerNext[header] ?? -1
  ) {
    const page = adjacency.pageOfHeader(header);
    const offset = adjacency.headerOffset[header] ?? 0;
    for (let index = 0; index < (adjacency.headerLength[header] ?? 0); index++) {
      result.push(
        `${adjacency.headerType[header]}:${page[offset + index * 2]}>${page[offset + index * 2 + 1]}`,
      );
    }
  }
  return result;
}

test('lists are kept per node, side and type, in insertion order within a type', () => {
  const adjacency = new Adjacency();
  adjacency.add(0, 0, 7, 100, 1);
  adjacency.add(0, 0, 8, 101, 2);
  adjacency.add(0, 0, 7, 102, 3);
  adjacency.add(1, 1, 7, 100, 0);
  assert.deepEqual(listEntries(adjacency, 0, 0), ['7:100>1', '7:102>3', '8:101>2']);
  assert.deepEqual(listEntries(adjacency, 0, 1), []);
  assert.deepEqual(listEntries(adjacency, 1, 1), ['7:100>0']);
  assert.equal(adjacency.entryCount(0, 0), 3);
  assert.equal(adjacency.entryCount(0, 0, 8), 1);
  assert.equal(adjacency.findHeader(0, 0, 9), -1);
  assert.equal(
    adjacency.someEntry(0, (relationship) => relationship === 101),
    true,
  );
  assert.equal(
    adjacency.someEntry(0, (relationship) => relationship === 100 + 50),
    false,
  );
});

test('compaction removes dead entries, keeps order and headers, and bumps the epoch', () => {
  const adjacency = new Adjacency();
  for (let relationship = 0; relationship < 10; relationship++)
    adjacency.add(5, 0, relationship % 2, relationship, 6);
  const epoch = adjacency.epoch;
  adjacency.compact(5, (relationship) => relationship % 3 === 0);
  assert.deepEqual(listEntries(adjacency, 5, 0), ['0:2>6', '0:4>6', '0:8>6', '1:1>6', '1:5>6', '1:7>6']);
  assert.ok(adjacency.epoch > epoch);
  adjacency.compact(5, () => true);
  assert.deepEqual(listEntries(adjacency, 5, 0), []);
  assert.notEqual(adjacency.firstHeader(5, 0), -1, 'emptied headers stay for open cursors');
  adjacency.dropNode(5);
  assert.equal(adjacency.firstHeader(5, 0), -1);
});

test('a list longer than a page gets a page of its own and neighbours keep their blocks', () => {
  const adjacency = new Adjacency();
  adjacency.add(1, 0, 0, 0, 9);
  const count = 600_000;
  for (let relationship = 1; relationship <= count; relationship++)
    adjacency.add(2, 1, 3, relationship, relationship % 50);
  adjacency.add(1, 0, 0, count + 1, 9);
  assert.equal(adjacency.entryCount(2, 1, 3), count);
  assert.deepEqual(listEntries(adjacency, 1, 0), ['0:0>9', `0:${count + 1}>9`]);
  const header = adjacency.findHeader(2, 1, 3);
  const page = adjacency.pageOfHeader(header);
  const offset = adjacency.headerOffset[header] ?? 0;
  assert.equal(page[offset + (count - 1) * 2], count);
  assert.equal(page[offset + (count - 1) * 2 + 1], count % 50);
});

test('adjacency behaves like a map from (node, side, type) to a list of pairs', () => {
  const add = fc.record({
    kind: fc.constant('add' as const),
    node: fc.integer({ min: 0, max: 5 }),
    side: fc.constantFrom(0 as const, 1 as const),
    type: fc.integer({ min: 0, max: 3 }),
    other: fc.integer({ min: 0, max: 5 }),
  });
  const compact = fc.record({
    kind: fc.constant('compact' as const),
    node: fc.integer({ min: 0, max: 5 }),
    modulus: fc.integer({ min: 2, max: 4 }),
  });
  const drop = fc.record({ kind: fc.constant('drop' as const), node: fc.integer({ min: 0, max: 5 }) });
  fc.assert(
    fc.property(
      fc.array(fc.oneof({ arbitrary: add, weight: 8 }, compact, drop), { maxLength: 300 }),
      (operations) => {
        const adjacency = new Adjacency();
        const model = new Map<string, string[]>();
        // The order in which types got their list at a node side: kept through compaction, reset by drop.
        const typeOrders = new Map<string, string[]>();
        let nextRelationship = 0;
        for (const operation of operations) {
          if (operation.kind === 'add') {
            const relationship = nextRelationship++;
            adjacency.add(operation.node, operation.side, operation.type, relationship, operation.other);
            const key = `${operation.node}/${operation.side}`;
            model.set(key, [
              ...(model.get(key) ?? []),
              `${operation.type}:${relationship}>${operation.other}`,
            ]);
            const order = typeOrders.get(key) ?? [];
            if (!order.includes(String(operation.type)))
              typeOrders.set(key, [...order, String(operation.type)]);
          } else if (operation.kind === 'compact') {
            adjacency.compact(operation.node, (relationship) => relationship % operation.modulus === 0);
            for (const side of [0, 1]) {
              const key = `${operation.node}/${side}`;
              model.set(
                key,
                (model.get(key) ?? []).filter(
                  (entry) => Number(entry.split(':')[1]?.split('>')[0]) % operation.modulus !== 0,
                ),
              );
            }
          } else {
            adjacency.dropNode(operation.node);
            for (const side of [0, 1]) {
              model.delete(`${operation.node}/${side}`);
              typeOrders.delete(`${operation.node}/${side}`);
            }
          }
        }
        for (let node = 0; node <= 5; node++) {
          for (const side of [0, 1] as const) {
            const expected = model.get(`${node}/${side}`) ?? [];
            // Lists come grouped by type, in the order each type got its list; inside a type, insertion order.
            const typeOrder = typeOrders.get(`${node}/${side}`) ?? [];
            const grouped = typeOrder.flatMap((type) =>
              expected.filter((entry) => entry.startsWith(`${type}:`)),
            );
            assert.deepEqual(listEntries(adjacency, node, side), grouped);
          }
        }
      },
    ),
    { numRuns: 80 },
  );
});
