import assert from 'node:assert/strict';
import { test } from 'node:test';
import { TransactionManager } from './transaction-manager.js';

test('snapshots take the newest published commit and the oldest running snapshot is tracked', () => {
  const manager = new TransactionManager();
  const first = manager.begin(false);
  assert.equal(first.readTs, 0);
  manager.assignCommitTs(first);
  const entry = manager.enqueue(
    first,
    () => undefined,
    () => undefined,
  );
  const reader = manager.begin(true);
  assert.equal(reader.readTs, 0, 'a prepared commit is not visible yet');
  manager.acknowledge(entry, true);
  assert.equal(first.stamp.commitTs, 1);
  assert.equal(first.status, 'COMMITTED');
  assert.equal(manager.begin(false).readTs, 1);
  assert.equal(manager.oldestReadTs(), 0, 'the reader still holds snapshot 0');
  manager.end(reader);
  assert.equal(manager.oldestReadTs(), 1);
});

test('commits are published in timestamp order even when the log answers out of order', () => {
  const manager = new TransactionManager();
  const published: number[] = [];
  const failed: number[] = [];
  const transactions = [manager.begin(false), manager.begin(false), manager.begin(false)];
  const entries = transactions.map((tx) => {
    const ts = manager.assignCommitTs(tx);
    return manager.enqueue(
      tx,
      () => published.push(ts),
      () => failed.push(ts),
    );
  });
  manager.acknowledge(entries[2]!, true);
  assert.deepEqual(published, []);
  assert.equal(manager.committingCount, 3);
  manager.acknowledge(entries[1]!, false);
  assert.deepEqual(published, []);
  manager.acknowledge(entries[0]!, true);
  assert.deepEqual(published, [1, 3]);
  assert.deepEqual(failed, [2]);
  assert.equal(manager.publishedTs, 3);
  assert.equal(manager.activeCount, 0);
  assert.throws(
    () => {
      manager.acknowledge(entries[0]!, true);
    },
    { name: 'InternalError' },
  );
});

test('an immediate publication takes the next timestamp when nothing waits', () => {
  const manager = new TransactionManager();
  assert.equal(manager.publishImmediately(), 1);
  const tx = manager.begin(false);
  manager.assignCommitTs(tx);
  manager.enqueue(
    tx,
    () => undefined,
    () => undefined,
  );
  assert.throws(() => manager.publishImmediately(), { name: 'InternalError' });
});
