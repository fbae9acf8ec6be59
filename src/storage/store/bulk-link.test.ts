import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import type { CypherValue } from '../../values/index.js';
import { Adjacency } from '../graph/adjacency.js';
import { linkInBulk } from './bulk-link.js';
import { GraphStore } from './graph-store.js';

interface Graph {
  readonly nodes: { readonly labels: number[]; readonly age: bigint | undefined; readonly name: string }[];
  readonly relationships: { readonly type: number; readonly start: number; readonly end: number }[];
}

/** Small random graphs: few nodes (so lists collide and grow), three types, two labels. */
const graphs: fc.Arbitrary<Graph> = fc.integer({ min: 1, max: 12 }).chain((nodeCount) =>
  fc.record({
    nodes: fc.array(
      fc.record({
        labels: fc.uniqueArray(fc.integer({ min: 0, max: 1 }), { maxLength: 2 }),
        age: fc.option(fc.bigInt({ min: -5n, max: 99n }), { nil: undefined }),
        name: fc.string({ maxLength: 3 }),
      }),
      { minLength: nodeCount, maxLength: nodeCount },
    ),
    relationships: fc.array(
      fc.record({
        type: fc.integer({ min: 0, max: 2 }),
        start: fc.integer({ min: 0, max: nodeCount - 1 }),
        end: fc.integer({ min: 0, max: nodeCount - 1 }),
      }),
      { maxLength: 60 },
    ),
  }),
);

/** Every list of every node as `node side type: rel>other …`, in chain and list order. */
function describeAdjacency(adjacency: Adjacency, nodeCount: number): string[] {
  const lines: string[] = [];
  for (let node = 0; node < nodeCount; node++) {
    for (const side of [0, 1] as const) {
      for (let header = adjacency.firstHeader(node, side); header !== -1;) {
        const page = adjacency.pageOfHeader(header);
        const offset = adjacency.headerOffset[header] ?? 0;
        const entries: string[] = [];
        for (let index = 0; index < (adjacency.headerLength[header] ?? 0); index++) {
          entries.push(`${page[offset + index * 2]}>${page[offset + index * 2 + 1]}`);
        }
        lines.push(`${node} ${side} ${adjacency.headerType[header]}: ${entries.join(' ')}`);
        header = adjacency.headerNext[header] ?? -1;
      }
    }
  }
  return lines;
}

test('linking in bulk builds the same lists, in the same order, as adding relationships one by one', () => {
  fc.assert(
    fc.property(graphs, ({ nodes, relationships }) => {
      const one = new Adjacency();
      const links = new Int32Array(relationships.length * 4);
      relationships.forEach(({ type, start, end }, id) => {
        one.add(start, 0, type, id, end);
        one.add(end, 1, type, id, start);
        links.set([id, type, start, end], id * 4);
      });
      const bulk = new Adjacency();
      linkInBulk(bulk, links, relationships.length, nodes.length);
      assert.deepEqual(describeAdjacency(bulk, nodes.length), describeAdjacency(one, nodes.length));
    }),
    { numRuns: 300 },
  );
});

test('a run appended to a list that already has entries grows its block once and keeps the old ones', () => {
  const adjacency = new Adjacency();
  adjacency.add(0, 0, 7, 100, 1);
  const pairs = Int32Array.from(Array.from({ length: 40 }, (_, index) => [200 + index, 2 + index]).flat());
  adjacency.addRun(0, 0, 7, pairs, 5, 30);
  adjacency.add(0, 0, 7, 300, 9);
  const header = adjacency.findHeader(0, 0, 7);
  assert.equal(adjacency.headerLength[header], 32);
  const page = adjacency.pageOfHeader(header);
  const offset = adjacency.headerOffset[header] ?? 0;
  const ids = Array.from({ length: 32 }, (_, index) => page[offset + index * 2]);
  assert.deepEqual(ids, [100, ...Array.from({ length: 30 }, (_, index) => 205 + index), 300]);
  assert.equal(adjacency.entryCount(0, 0), 32);
});

/** Loads `graph` into a new store through the bulk loader (tokens: labels L0/L1, types T0-T2, keys). */
function bulkLoaded(graph: Graph): GraphStore {
  const store = new GraphStore();
  const loader = store.beginBulkLoad();
  for (const [kind, names] of [
    ['LABEL', ['L0', 'L1']],
    ['RELATIONSHIP_TYPE', ['T0', 'T1', 'T2']],
    ['PROPERTY_KEY', ['age', 'name']],
  ] as const) {
    names.forEach((name, id) => {
      loader.restoreToken({ kind, id, name });
    });
  }
  graph.nodes.forEach((node, id) => {
    loader.addNode(id, node.labels, propertiesOf(node));
  });
  graph.relationships.forEach(({ type, start, end }, id) => {
    loader.addRelationship(id, type, start, end, id % 2 === 0 ? [0, BigInt(id)] : []);
  });
  loader.finish({
    commitTs: 1,
    nodeHighWaterMark: 0,
    relationshipHighWaterMark: 0,
    indexes: [],
    constraints: [],
  });
  return store;
}

function propertiesOf(node: Graph['nodes'][number]): (number | CypherValue)[] {
  return node.age === undefined ? [1, node.name] : [0, node.age, 1, node.name];
}

/** The same graph written by one ordinary transaction. */
async function transactionallyLoaded(graph: Graph): Promise<GraphStore> {
  const store = new GraphStore();
  const tx = store.begin();
  // The same token ids as the bulk load: created in the same order.
  for (const name of ['L0', 'L1']) store.tokens.labels.getOrCreate(name);
  for (const name of ['T0', 'T1', 'T2']) store.tokens.relationshipTypes.getOrCreate(name);
  for (const name of ['age', 'name']) store.tokens.propertyKeys.getOrCreate(name);
  for (const node of graph.nodes) {
    const properties = propertiesOf(node);
    const entries: [number, CypherValue][] = [];
    for (let index = 0; index < properties.length; index += 2) {
      entries.push([Number(properties[index]), properties[index + 1] ?? null]);
    }
    tx.createNode(node.labels, entries);
  }
  graph.relationships.forEach(({ type: relationshipType, start, end }, id) => {
    tx.createRelationship(relationshipType, start, end, id % 2 === 0 ? [[0, BigInt(id)]] : []);
  });
  await tx.commit();
  return store;
}

/** What reads through a transaction see: every node with labels, properties and expansions; label counts. */
function answers(store: GraphStore): unknown {
  const tx = store.begin({ readOnly: true });
  const nodes: unknown[] = [];
  const cursor = tx.scanNodes();
  for (let id = cursor.next(); id !== -1; id = cursor.next()) {
    const properties: unknown[] = [];
    tx.forEachNodeProperty(id, (key, value) => properties.push([key, value]));
    const expansions: string[] = [];
    for (const direction of ['OUTGOING', 'INCOMING'] as const) {
      const expand = tx.expand(id, direction, undefined);
      for (let relationship = expand.next(); relationship !== -1; relationship = expand.next()) {
        const since = tx.relationshipProperty(relationship, 0);
        expansions.push(
          `${direction} ${relationship} ${expand.type} ${expand.otherNode} ${scalarText(since)}`,
        );
      }
    }
    nodes.push({ id, labels: [...tx.nodeLabels(id)].sort(), properties, expansions });
  }
  const byLabel = [0, 1].map((label) => {
    const scan = tx.scanNodesByLabel(label);
    let count = 0;
    while (scan.next() !== -1) count++;
    return count;
  });
  const byType = [0, 1, 2].map((type) => {
    const scan = tx.scanRelationshipsByType(type);
    let count = 0;
    while (scan.next() !== -1) count++;
    return count;
  });
  tx.rollback();
  return { nodes, byLabel, byType, lastCommitTs: store.lastCommitTs };
}

test('a bulk-loaded store answers like one loaded by a transaction, before and after further writes', async () => {
  await fc.assert(
    fc.asyncProperty(graphs, fc.nat(), async (graph, pick) => {
      const bulk = bulkLoaded(graph);
      const transactional = await transactionallyLoaded(graph);
      assert.deepEqual(bulk.verifyConsistency(), []);
      assert.deepEqual(answers(bulk), answers(transactional));
      // The same writes on both: a new node linked to an old one, and an old node deleted with its edges.
      for (const store of [bulk, transactional]) {
        const tx = store.begin();
        const created = tx.createNode([1], [[1, 'new']]);
        tx.createRelationship(2, created, pick % graph.nodes.length);
        tx.detachDeleteNode((pick + 1) % graph.nodes.length);
        await tx.commit();
        store.collectGarbage();
      }
      assert.deepEqual(bulk.verifyConsistency(), []);
      assert.deepEqual(answers(bulk), answers(transactional));
    }),
    { numRuns: 150 },
  );
});

/** A number, integer or absent value as text (the only kinds these graphs give relationships). */
function scalarText(value: CypherValue | undefined): string {
  if (value === undefined) return '-';
  assert.ok(typeof value === 'number' || typeof value === 'bigint', `unexpected ${typeof value}`);
  return `${typeof value} ${value}`;
}
