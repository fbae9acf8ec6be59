import assert from 'node:assert/strict';
import { test } from 'node:test';
import { MGBENCH_QUERIES } from './queries.js';
import { QuiverSide } from './quiver-side.js';
import { TINY_EXPECTATIONS, TINY_GRAPH } from './tiny-graph.js';

test('Quiver returns the records Cypher semantics give for every mgbench query on the tiny graph', async () => {
  const side = await QuiverSide.open();
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
