import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { History, HISTORY_SIZE, historyPath } from './history.js';

const dir = mkdtempSync(join(tmpdir(), 'quiver-history-'));
after(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('History', () => {
  test('entered lines are appended to the file at once, without blanks or repeats', () => {
    const path = join(dir, 'a');
    const history = History.load(path);
    for (const line of ['RETURN 1;', '', 'RETURN 1;', ':exit']) history.add(line);
    assert.equal(readFileSync(path, 'utf8'), 'RETURN 1;\n:exit\n');
    assert.deepEqual(History.load(path).entries, ['RETURN 1;', ':exit']);
  });

  test('loading trims the file to the newest lines', () => {
    const path = join(dir, 'b');
    writeFileSync(path, Array.from({ length: HISTORY_SIZE + 5 }, (_, index) => `line ${index}\n`).join(''));
    const history = History.load(path);
    assert.equal(history.entries.length, HISTORY_SIZE);
    assert.equal(history.entries[0], 'line 5');
    assert.equal(readFileSync(path, 'utf8').split('\n').length, HISTORY_SIZE + 1);
  });

  test('QUIVER_SHELL_HISTORY moves the file, and empty turns history off', () => {
    assert.equal(historyPath({ QUIVER_SHELL_HISTORY: '/tmp/h' }), '/tmp/h');
    assert.equal(historyPath({ QUIVER_SHELL_HISTORY: '' }), null);
    assert.match(historyPath({}) ?? '', /\.quiver_shell_history$/);
  });
});
