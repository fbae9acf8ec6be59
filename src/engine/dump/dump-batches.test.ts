import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { BATCH_CHARACTERS, BATCH_ROWS, BatchBuffer, OPEN_BATCHES } from './dump-batches.js';

/** A buffer whose statements read `target(flag): rows`. */
function buffer(): BatchBuffer {
  return new BatchBuffer(
    (target, rows, hasProperties) => `${target}(${String(hasProperties)}): ${rows.join(' ')}`,
  );
}

describe('BatchBuffer', () => {
  test('hands back a batch when it is full, keeping batches of different targets apart', () => {
    const batches = buffer();
    const completed: string[] = [];
    for (let row = 0; row < BATCH_ROWS; row++) {
      completed.push(...batches.add('A', true, 'a'), ...batches.add('B', false, 'b'));
    }
    assert.deepEqual(completed, [
      `A(true): ${Array(BATCH_ROWS).fill('a').join(' ')}`,
      `B(false): ${Array(BATCH_ROWS).fill('b').join(' ')}`,
    ]);
    assert.deepEqual(batches.drain(), []);
  });

  test('keeps rows with and without properties of one target in separate batches', () => {
    const batches = buffer();
    batches.add('T', true, '1');
    batches.add('T', false, '2');
    batches.add('T', true, '3');
    assert.deepEqual(batches.drain(), ['T(true): 1 3', 'T(false): 2']);
  });

  test('cuts a batch at the character budget', () => {
    const batches = buffer();
    const big = 'x'.repeat(BATCH_CHARACTERS / 2);
    assert.deepEqual(batches.add('A', true, big), []);
    assert.equal(batches.add('A', true, big).length, 1);
  });

  test('writes out the oldest batch when one more target than it may hold open appears', () => {
    const batches = buffer();
    const completed: string[] = [];
    for (let target = 0; target <= OPEN_BATCHES; target++)
      completed.push(...batches.add(`L${String(target)}`, true, 'r'));
    assert.deepEqual(completed, ['L0(true): r']);
    assert.equal(batches.drain().length, OPEN_BATCHES);
  });
});
