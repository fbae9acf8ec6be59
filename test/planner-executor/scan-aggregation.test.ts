import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { GraphStore } from '../../src/storage/index.js';
import type { CypherValue } from '../../src/values/index.js';
import { runText } from './query-runner.js';

interface NodeSpec {
  readonly labels: readonly ('A' | 'B')[];
  readonly number: bigint | number | undefined;
  readonly mixed: bigint | number | string | boolean | undefined;
}

const numberValue = fc.oneof(
  fc.bigInt({ min: -1000n, max: 1000n }),
  fc.bigInt({ min: -(2n ** 62n), max: 2n ** 62n }),
  fc.double({ noNaN: true, min: -1e6, max: 1e6 }),
);
const nodeSpec: fc.Arbitrary<NodeSpec> = fc.record({
  labels: fc.subarray(['A', 'B'] as const),
  number: fc.option(numberValue, { nil: undefined }),
  mixed: fc.option(fc.oneof(numberValue, fc.string({ maxLength: 3 }), fc.boolean()), { nil: undefined }),
});

function storeOf(nodes: readonly NodeSpec[]): GraphStore {
  const store = new GraphStore();
  const tx = store.begin();
  const labels = { A: store.tokens.labels.getOrCreate('A'), B: store.tokens.labels.getOrCreate('B') };
  const numberKey = store.tokens.propertyKeys.getOrCreate('x');
  const mixedKey = store.tokens.propertyKeys.getOrCreate('m');
  for (const node of nodes) {
    const properties: [number, CypherValue][] = [];
    if (node.number !== undefined) properties.push([numberKey, node.number]);
    if (node.mixed !== undefined) properties.push([mixedKey, node.mixed]);
    const id = tx.createNode(node.labels.map((label) => labels[label]));
    for (const [key, value] of properties) tx.setNodeProperty(id, key, value);
  }
  void tx.commit();
  return store;
}

/** The rows of a query, or the error it fails with (an integer sum may overflow, as it should). */
function outcome(store: GraphStore, text: string, profile: boolean): string[] {
  try {
    return runText(store, text, {}, profile).rows.map((row) =>
      JSON.stringify(row, (_key, value: unknown) => (typeof value === 'bigint' ? `${value}n` : value)),
    );
  } catch (error) {
    return [`${(error as Error).name}: ${(error as Error).message}`];
  }
}

/** The outcome of a query run fused (normally) and unfused (PROFILE runs every operator on its own). */
function bothWays(store: GraphStore, text: string): [string[], string[]] {
  return [outcome(store, text, false), outcome(store, text, true)];
}

const QUERIES = [
  'MATCH (n) RETURN min(n.x), max(n.x), avg(n.x), sum(n.x), count(n.x), count(*), stDev(n.x)',
  'MATCH (n:A) RETURN count(*) AS c, min(n.m) AS lo, max(n.m) AS hi, count(n.m) AS k',
  'MATCH (n:B) RETURN avg(n.x) AS a, stDevP(n.x) AS s, max(n.x) AS m',
  'MATCH (n:Missing) RETURN count(*), min(n.x), avg(n.x), sum(n.x)',
  'MATCH (n) RETURN min(n.nope), count(n.nope)',
];

const GROUPED = [
  'MATCH (n:A) RETURN n.m AS key, count(*) AS c, max(n.x) AS hi',
  'MATCH (n) RETURN n.x AS key, collect(n.m) AS ms, count(DISTINCT n.m) AS d',
];

describe('fused scan aggregation', () => {
  it('returns what the unfused plan returns on random graphs', () => {
    fc.assert(
      fc.property(fc.array(nodeSpec, { maxLength: 40 }), (nodes) => {
        const store = storeOf(nodes);
        for (const query of QUERIES) {
          const [fused, plain] = bothWays(store, query);
          assert.deepEqual(fused, plain, query);
        }
        for (const query of GROUPED) {
          const [fused, plain] = bothWays(store, query);
          assert.deepEqual([...fused].sort(), [...plain].sort(), query);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('reads batches past the first thousand nodes', () => {
    const nodes = Array.from({ length: 2500 }, (_, index) => ({
      labels: ['A' as const],
      number: BigInt(index % 97),
      mixed: undefined,
    }));
    const store = storeOf(nodes);
    const { rows } = runText(store, 'MATCH (n:A) RETURN count(*), min(n.x), max(n.x), sum(n.x)');
    assert.deepEqual(rows, [[2500n, 0n, 96n, nodes.reduce((sum, node) => sum + node.number, 0n)]]);
  });

  it('fails like the unfused plan when avg meets a string', () => {
    const store = storeOf([{ labels: [], number: undefined, mixed: 'text' }]);
    const query = 'MATCH (n) RETURN avg(n.m)';
    assert.throws(() => runText(store, query), { name: 'CypherTypeError' });
    assert.throws(() => runText(store, query, {}, true), { name: 'CypherTypeError' });
  });

  it('keeps EagerAggregation over the scan in EXPLAIN', () => {
    const store = storeOf([]);
    const { plan } = runText(store, 'MATCH (n) RETURN min(n.x)');
    const names: string[] = [];
    for (let node = plan.describe(); ;) {
      names.push(node.operatorType);
      const [child] = node.children;
      if (child === undefined) break;
      node = child;
    }
    assert.deepEqual(names.slice(-2), ['EagerAggregation', 'AllNodesScan']);
  });
});
