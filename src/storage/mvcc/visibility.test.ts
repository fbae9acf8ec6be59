import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CommitStamp, Delta, DeltaAction } from './delta.js';
import { canWrite, firstVisible, seesChange, type Snapshot } from './visibility.js';

function committedAt(ts: number): CommitStamp {
  const stamp = new CommitStamp();
  stamp.commitTs = ts;
  return stamp;
}

function change(stamp: CommitStamp, command = 0, next?: Delta): Delta {
  return new Delta(DeltaAction.NODE_PROPERTY_SET, stamp, command, 0, 0, undefined, next);
}

const reader: Snapshot = { stamp: new CommitStamp(), readTs: 10, command: 2 };

test('changes committed at or before the snapshot are seen in both views', () => {
  for (const view of ['OLD', 'NEW'] as const) {
    assert.equal(seesChange(change(committedAt(10)), reader, view), true);
    assert.equal(seesChange(change(committedAt(3)), reader, view), true);
  }
});

test('changes committed after the snapshot or not committed are never seen', () => {
  for (const view of ['OLD', 'NEW'] as const) {
    assert.equal(seesChange(change(committedAt(11)), reader, view), false);
    assert.equal(seesChange(change(new CommitStamp()), reader, view), false);
  }
});

test('own changes: NEW sees all, OLD only those of earlier commands', () => {
  assert.equal(seesChange(change(reader.stamp, 2), reader, 'NEW'), true);
  assert.equal(seesChange(change(reader.stamp, 2), reader, 'OLD'), false);
  assert.equal(seesChange(change(reader.stamp, 1), reader, 'OLD'), true);
});

test('a writer may overwrite only its own or snapshot-visible changes (first updater wins)', () => {
  assert.equal(canWrite(undefined, reader), true);
  assert.equal(canWrite(change(reader.stamp, 5), reader), true);
  assert.equal(canWrite(change(committedAt(9)), reader), true);
  assert.equal(canWrite(change(committedAt(12)), reader), false);
  assert.equal(canWrite(change(new CommitStamp()), reader), false);
});

test('firstVisible skips the changes a snapshot must undo', () => {
  const old = change(committedAt(5));
  const later = change(committedAt(20), 0, old);
  const mine = change(reader.stamp, 2, later);
  assert.equal(firstVisible(mine, reader, 'NEW'), mine);
  assert.equal(firstVisible(mine, reader, 'OLD'), old);
  assert.equal(firstVisible(undefined, reader, 'OLD'), undefined);
});
