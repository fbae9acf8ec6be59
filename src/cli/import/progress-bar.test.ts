import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatDuration, formatSummary } from './import-summary.js';
import { formatCount, ProgressBar } from './progress-bar.js';

test('the bar redraws at most every 200 ms with the share read, rows and rows/s, one line per stage', () => {
  let now = 0;
  const written: string[] = [];
  const bar = new ProgressBar({ write: (text) => written.push(text) > 0 }, () => now);
  bar.stage('Nodes', 1000);
  now = 100;
  bar.advance(250, 10);
  assert.equal(written.length, 1, 'no redraw within 200 ms');
  now = 1000;
  bar.advance(250, 90_000);
  assert.equal(
    written.at(-1),
    `\rNodes         [${'#'.repeat(15)}${'-'.repeat(15)}]  50% 90.0k rows, 90.0k rows/s\u001b[K`,
  );
  bar.stage('Relationships', 0);
  assert.equal(written.at(-2), '\n');
  bar.done();
  assert.equal(written.at(-1), '\n');
  bar.done();
  assert.equal(written.filter((text) => text === '\n').length, 2, 'done twice ends the line once');
});

test('counts read as plain numbers, thousands and millions', () => {
  assert.deepEqual(
    [formatCount(950), formatCount(12_345), formatCount(1_450_000)],
    ['950', '12.3k', '1.45M'],
  );
});

test('durations read like neo4j-admin', () => {
  assert.deepEqual(
    [formatDuration(345), formatDuration(1234), formatDuration(123_004)],
    ['345ms', '1s 234ms', '2m 3s 4ms'],
  );
});

test('the summary counts imported entities and names every kind of skipped row', () => {
  const counts = { format: 2, 'duplicate-node': 0, 'missing-node': 1 };
  const figures = { durationMs: 1234, nodes: 3, relationships: 4, properties: 5, reportFile: 'r.txt' };
  assert.equal(
    formatSummary({
      ...figures,
      badRows: 0,
      badRowCounts: { format: 0, 'duplicate-node': 0, 'missing-node': 0 },
    }),
    'IMPORT DONE in 1s 234ms. Imported: 3 nodes, 4 relationships, 5 properties',
  );
  assert.equal(
    formatSummary({ ...figures, badRows: 3, badRowCounts: counts }),
    'IMPORT DONE in 1s 234ms. Imported: 3 nodes, 4 relationships, 5 properties\n' +
      'Skipped 3 bad rows (2 malformed, 1 relationships to missing nodes); see r.txt',
  );
});
