import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DriverMatrix } from './matrix-report.js';
import { SCENARIO_IDS } from './scenario-list.js';

function matrixWithOneRow(): DriverMatrix {
  const matrix = new DriverMatrix();
  matrix.addRow({ id: 'row', client: 'some driver 1.0', transport: 'TCP' });
  return matrix;
}

describe('the driver matrix report', () => {
  it('lists every cell that was never recorded', () => {
    const matrix = matrixWithOneRow();
    matrix.record('row', 'verify', { status: 'pass' });
    assert.equal(matrix.missingCells().length, SCENARIO_IDS.length - 1);
    assert.ok(!matrix.missingCells().includes('row/verify'));
    assert.equal(matrix.totals().missing, SCENARIO_IDS.length - 1);
  });

  it('renders passes, notes, skips and failures with numbered footnotes shared by equal texts', () => {
    const matrix = matrixWithOneRow();
    matrix.setBolt('row', '4.4');
    matrix.record('row', 'verify', { status: 'pass', note: 'checked with RETURN 1' });
    matrix.record('row', 'run', { status: 'pass', note: 'checked with RETURN 1' });
    matrix.record('row', 'database', { status: 'skip', reason: 'no multi-database API' });
    matrix.record('row', 'auth', {
      status: 'fail',
      reason: 'Neo.ClientError.Security.Unauthorized: nope\nstack',
    });
    const markdown = matrix.toMarkdown();
    const row = markdown.split('\n').find((line) => line.startsWith('| some driver 1.0 |')) ?? '';
    const cells = row.split(' | ');
    assert.equal(cells[2], '4.4');
    assert.equal(cells[3 + SCENARIO_IDS.indexOf('verify')], 'pass[1]');
    assert.equal(cells[3 + SCENARIO_IDS.indexOf('run')], 'pass[1]');
    assert.equal(cells[3 + SCENARIO_IDS.indexOf('database')], 'skip[2]');
    assert.equal(cells[3 + SCENARIO_IDS.indexOf('auth')], '**FAIL**[3] |');
    assert.equal(cells[3 + SCENARIO_IDS.indexOf('retry')], 'MISSING');
    assert.match(markdown, /^1\. checked with RETURN 1$/m);
    assert.match(markdown, /^2\. skipped: no multi-database API$/m);
    assert.match(markdown, /^3\. FAIL: Neo\.ClientError\.Security\.Unauthorized: nope$/m);
    assert.ok(markdown.includes(`2 pass, 1 fail, 1 skip, ${SCENARIO_IDS.length - 4} missing`));
  });

  it('lists the failures with their reasons', () => {
    const matrix = matrixWithOneRow();
    matrix.record('row', 'retry', { status: 'fail', reason: 'attempts 1' });
    assert.deepEqual(matrix.failures(), [{ row: 'row', scenario: 'retry', reason: 'attempts 1' }]);
  });
});
