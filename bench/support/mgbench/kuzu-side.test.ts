import assert from 'node:assert/strict';
import { test } from 'node:test';
import { KuzuSide } from './kuzu-side.js';
import { MGBENCH_QUERIES } from './queries.js';
import { TINY_EXPECTATIONS, TINY_GRAPH } from './tiny-graph.js';

test('Kuzu returns the records Cypher semantics give for every mgbench query on the tiny graph', async () => {
  const side = new KuzuSide();
  try {
    await side.load(TINY_GRAPH);
    for (const query of MGBENCH_QUERIES) {
      const expected = TINY_EXPECTATIONS[query.name];
      assert.ok(expected !== undefined, `no expectation for ${query.name}`);
      assert.equal(await side.execute(query, expected.params), expected.rows, query.name);
    }
  } finally {
    await side.close();
  }
});

test('Kuzu computes the aggregates and the shortest path length of the tiny graph', async () => {
  const side = new KuzuSide();
  const named = (name: string) => MGBENCH_QUERIES.find((query) => query.name === name)!;
  try {
    await side.load(TINY_GRAPH);
    assert.deepEqual(await side.rows(named('aggregate_count'), {}), [[4]]);
    assert.deepEqual(await side.rows(named('min_max_avg'), {}), [[15, 30, 21.25]]);
    assert.deepEqual(await side.rows(named('shortest_path'), { from: 0, to: 3 }), [[3]]);
  } finally {
    await side.close();
  }
});
