import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { collect, neighbours, TestGraph } from '../../../test/storage/fixtures.js';
import { interleave, type TransactionProgram } from '../../../test/storage/interleave.js';
import type { CypherValue } from '../../values/index.js';
import type { CommitRecord } from '../commit-log.js';
import { GraphStore } from '../index.js';

/** Everything observable about a store's committed state, by names, for comparison. */
function dump(store: GraphStore): unknown {
  const tx = store.begin({ readOnly: true });
  const names = store.tokens;
  const properties = (
    visit: (fn: (key: number, value: CypherValue) => void) => void,
  ): Record<string, CypherValue> => {
    const result: Record<string, CypherValue> = {};
    visit((key, value) => {
      result[names.propertyKeys.nameOf(key)] = value;
    });
    return result;
  };
  const nodes = collect(tx.scanNodes()).map((id) => ({
    id,
    labels: tx
      .nodeLabels(id)
      .map((label) => names.labels.nameOf(label))
      .sort(),
    properties: properties((fn) => {
      tx.forEachNodeProperty(id, fn);
    }),
    // Expansion order follows insertion, and replay inserts in commit order: compare as sets.
    out: neighbours(tx, id, 'OUTGOING').sort((x, y) => x[0] - y[0]),
  }));
  const relationships = collect(tx.scanRelationships()).map((id) => ({
    id,
    type: names.relationshipTypes.nameOf(tx.relationshipType(id)),
    properties: properties((fn) => {
      tx.forEachRelationshipProperty(id, fn);
    }),
  }));
  const indexes = store.indexes().map((index) => ({
    name: index.name,
    state: index.state,
    entries: collect(
      index.entity === 'NODE'
        ? tx.seekNodes(index.name, { kind: 'EXISTS' })
        : tx.seekRelationships(index.name, { kind: 'EXISTS' }),
    ),
  }));
  const constraints = store.constraints().map((constraint) => ({ ...constraint, id: 0 }));
  tx.rollback();
  return { nodes, relationships, indexes, constraints, lastCommitTs: store.lastCommitTs };
}

test('replaying the commit log rebuilds the same graph, ids, tokens and schema', async () => {
  const step = fc.record({
    kind: fc.constantFrom('create', 'set', 'label', 'unlabel', 'relate', 'unrelate', 'delete'),
    a: fc.nat(20),
    b: fc.nat(20),
    value: fc.oneof(fc.bigInt(0n, 3n), fc.constantFrom('x', 'y'), fc.constant(null)),
  });
  await fc.assert(
    fc.asyncProperty(
      fc.array(fc.array(step, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 8 }),
      fc.nat(),
      async (programs, seed) => {
        const records: CommitRecord[] = [];
        const graph = new TestGraph({ commitLog: { append: (record) => void records.push(record) } });
        const [a, b, k, t] = [graph.label('A'), graph.label('B'), graph.key('k'), graph.type('T')];
        await graph.store.createIndex({ name: 'ak', entity: 'NODE', token: a, properties: [k] });
        await graph.store.createIndex({ name: 'tk', entity: 'RELATIONSHIP', token: t, properties: [k] });
        await graph.store.createConstraint({
          name: 'bk',
          kind: 'PROPERTY_TYPE',
          entity: 'NODE',
          token: b,
          properties: [k],
          types: ['INTEGER', 'STRING'],
        });
        const setup = graph.store.begin();
        for (let index = 0; index < 4; index++) setup.createNode([a], [[k, BigInt(index)]]);
        await setup.commit();
        const writers = programs.map(
          (steps, number): TransactionProgram =>
            function* writer(tx) {
              for (const { kind, a: first, b: second, value } of steps) {
                const nodes = collect(tx.scanNodes());
                const rels = collect(tx.scanRelationships());
                const node = nodes[first % Math.max(1, nodes.length)];
                const other = nodes[second % Math.max(1, nodes.length)];
                const rel = rels[first % Math.max(1, rels.length)];
                if (kind === 'create') tx.createNode(first % 2 === 0 ? [a] : [a, b], [[k, value]]);
                else if (node !== undefined && kind === 'set') tx.setNodeProperty(node, k, value);
                else if (node !== undefined && kind === 'label') tx.addLabel(node, b);
                else if (node !== undefined && kind === 'unlabel') tx.removeLabel(node, a);
                else if (node !== undefined && other !== undefined && kind === 'relate')
                  tx.createRelationship(t, node, other, [[k, value]]);
                else if (rel !== undefined && kind === 'unrelate') tx.deleteRelationship(rel);
                else if (node !== undefined && kind === 'delete') tx.detachDeleteNode(node);
                yield;
              }
              return number % 4 === 3 ? 'rollback' : 'commit';
            },
        );
        await interleave(graph.store, writers, seed);
        await graph.store.dropIndex('tk');
        const copy = new GraphStore({ databaseId: graph.store.databaseId });
        for (const record of records) copy.replay(record);
        assert.deepEqual(dump(copy), dump(graph.store));
        const more = copy.begin();
        more.createNode([a], [[k, 7n]]);
        await more.commit();
        assert.equal(copy.lastCommitTs, graph.store.lastCommitTs + 1);
      },
    ),
    { numRuns: 60 },
  );
});

test('replay refuses to run while a transaction is open, and refuses stale timestamps', () => {
  const store = new GraphStore();
  store.replay({
    commitTs: 5,
    tokens: [{ kind: 'LABEL', id: 0, name: 'L' }],
    changes: [{ kind: 'CreateNode', id: 3, labels: [0], properties: [] }],
  });
  assert.equal(store.lastCommitTs, 5);
  assert.throws(
    () => {
      store.replay({ commitTs: 5, tokens: [], changes: [] });
    },
    { name: 'InternalError' },
  );
  const tx = store.begin();
  assert.deepEqual(collect(tx.scanNodesByLabel(0)), [3]);
  assert.throws(
    () => {
      store.replay({ commitTs: 6, tokens: [], changes: [] });
    },
    { name: 'InternalError' },
  );
  tx.rollback();
});
