import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { formatCounters, formatFooter } from './summary-text.js';

describe('summary text', () => {
  test('the footer gives the row count and the two timings as cypher-shell does', () => {
    assert.equal(
      formatFooter(1, 3, 0),
      '1 row\nready to start consuming query after 3 ms, results consumed after another 0 ms',
    );
    assert.equal(formatFooter(0, 0, 0).split('\n')[0], '0 rows');
  });

  test('counters use cypher-shell’s wording and order and skip zeros', () => {
    assert.equal(
      formatCounters({
        'labels-added': 1n,
        'properties-set': 2n,
        'nodes-created': 1n,
        'nodes-deleted': 0n,
        'contains-updates': true,
      }),
      'Added 1 nodes, Set 2 properties, Added 1 labels',
    );
    assert.equal(
      formatCounters({ 'relationships-created': 3, 'indexes-added': 1n }),
      'Created 3 relationships, Added 1 indexes',
    );
    assert.equal(formatCounters(undefined), '');
    assert.equal(formatCounters({}), '');
  });
});
