import assert from 'node:assert/strict';
import { test } from 'node:test';
import { TestGraph } from '../../../test/storage/fixtures.js';
import type { CommitLog, CommitRecord } from '../commit-log.js';

/** A log that keeps records and answers when told to (for group-commit tests). */
class ManualLog implements CommitLog {
  readonly records: CommitRecord[] = [];
  readonly waiting: { resolve: () => void; reject: (error: Error) => void }[] = [];

  append(record: CommitRecord): Promise<void> {
    this.records.push(record);
    return new Promise((resolve, reject) => this.waiting.push({ resolve, reject }));
  }
}

test('a commit record lists final states in replay order, with the tokens it uses', async () => {
  const records: CommitRecord[] = [];
  const graph = new TestGraph({ commitLog: { append: (record) => void records.push(record) } });
  const [person, name, age, knows] = [
    graph.label('Person'),
    graph.key('name'),
    graph.key('age'),
    graph.type('KNOWS'),
  ];
  const setup = graph.store.begin();
  const a = setup.createNode([person], [[name, 'Ada']]);
  const b = setup.createNode([]);
  const r = setup.createRelationship(knows, a, b, [[age, 3n]]);
  const gone = setup.createNode([]);
  setup.deleteNode(gone);
  await setup.commit();
  assert.deepEqual(records[0], {
    commitTs: 1,
    tokens: [
      { kind: 'LABEL', id: person, name: 'Person' },
      { kind: 'PROPERTY_KEY', id: name, name: 'name' },
      { kind: 'RELATIONSHIP_TYPE', id: knows, name: 'KNOWS' },
      { kind: 'PROPERTY_KEY', id: age, name: 'age' },
    ],
    changes: [
      { kind: 'CreateNode', id: a, labels: [person], properties: [[name, 'Ada']] },
      { kind: 'CreateNode', id: b, labels: [], properties: [] },
      { kind: 'CreateRelationship', id: r, type: knows, start: a, end: b, properties: [[age, 3n]] },
    ],
  });
  const update = graph.store.begin();
  update.setNodeProperty(a, name, 'Ada L');
  update.setNodeProperty(a, name, 'Ada Lovelace');
  update.removeLabel(a, person);
  update.setNodeProperty(b, age, 1n);
  update.removeNodeProperty(b, age);
  update.setRelationshipProperty(r, age, 4n);
  update.lockNode(b);
  await update.commit();
  assert.deepEqual(records[1]?.changes, [
    { kind: 'RemoveLabel', id: a, label: person },
    { kind: 'SetNodeProperty', id: a, key: name, value: 'Ada Lovelace' },
    { kind: 'SetNodeProperty', id: b, key: age, value: null },
    { kind: 'SetRelationshipProperty', id: r, key: age, value: 4n },
  ]);
  const removal = graph.store.begin();
  removal.detachDeleteNode(a);
  await removal.commit();
  assert.deepEqual(records[2]?.changes, [
    { kind: 'DeleteRelationship', id: r },
    { kind: 'DeleteNode', id: a },
  ]);
  const readOnly = graph.store.begin();
  readOnly.nodeExists(b);
  await readOnly.commit();
  assert.equal(records.length, 3, 'a transaction without writes logs nothing');
});

test('with a synchronous log a commit is visible as soon as commit() returns', () => {
  const graph = new TestGraph({ commitLog: { append: () => undefined } });
  const tx = graph.store.begin();
  const id = tx.createNode([]);
  const done = tx.commit();
  assert.equal(graph.store.begin().nodeExists(id), true);
  return done;
});

test('commit() returns no promise when it is published at once: nothing written, or a synchronous log', () => {
  const graph = new TestGraph({ commitLog: { append: () => undefined } });
  const reader = graph.store.begin({ readOnly: true });
  assert.equal(reader.commit(), undefined);
  assert.equal(reader.status, 'COMMITTED');
  const writer = graph.store.begin();
  const id = writer.createNode([]);
  assert.equal(writer.commit(), undefined);
  assert.equal(writer.status, 'COMMITTED');
  assert.equal(graph.store.begin().nodeExists(id), true);
});

test('a commit waiting behind an unacknowledged one returns a promise even when its own log write is synchronous', async () => {
  const acknowledgements: (() => void)[] = [];
  let asynchronous = true;
  const graph = new TestGraph({
    commitLog: {
      append: () =>
        asynchronous ? new Promise<void>((resolve) => acknowledgements.push(resolve)) : undefined,
    },
  });
  const first = graph.store.begin();
  first.createNode([]);
  const firstDone = first.commit();
  assert.ok(firstDone instanceof Promise);
  asynchronous = false;
  const second = graph.store.begin();
  const id = second.createNode([]);
  const secondDone = second.commit();
  // Published in commit order: the second waits for the first's acknowledgement.
  assert.ok(secondDone instanceof Promise);
  assert.equal(graph.store.begin().nodeExists(id), false);
  acknowledgements[0]?.();
  await Promise.all([firstDone, secondDone]);
  assert.equal(graph.store.begin().nodeExists(id), true);
});

test('commit() failures are always rejected promises, never synchronous throws', async () => {
  const graph = new TestGraph({
    commitLog: {
      append: () => {
        throw new Error('disk gone');
      },
    },
  });
  const tx = graph.store.begin();
  tx.createNode([]);
  const failed = tx.commit();
  assert.ok(failed instanceof Promise);
  await assert.rejects(failed, { code: 'Neo.DatabaseError.Transaction.TransactionLogError' });
  const again = tx.commit();
  assert.ok(again instanceof Promise);
  await assert.rejects(again);
});

test('a commit becomes visible only after the log acknowledges it, and conflicts meanwhile', async () => {
  const log = new ManualLog();
  const graph = new TestGraph({ commitLog: log });
  const key = graph.key('k');
  const tx = graph.store.begin();
  const id = tx.createNode([], [[key, 1n]]);
  let settled = false;
  const done = Promise.resolve(tx.commit()).then(() => {
    settled = true;
  });
  assert.equal(tx.status, 'COMMITTING');
  assert.equal(graph.store.begin().nodeExists(id), false);
  await Promise.resolve();
  assert.equal(settled, false);
  log.waiting[0]?.resolve();
  await done;
  assert.equal(tx.status, 'COMMITTED');
  const reader = graph.store.begin();
  assert.equal(reader.nodeProperty(id, key), 1n);

  const writer = graph.store.begin();
  writer.setNodeProperty(id, key, 2n);
  const pending = writer.commit();
  const rival = graph.store.begin();
  assert.throws(
    () => {
      rival.setNodeProperty(id, key, 3n);
    },
    { name: 'TransactionConflictError' },
  );
  log.waiting[1]?.resolve();
  await pending;
});

test('commits acknowledged out of order by a group flush are published in commit order', async () => {
  const log = new ManualLog();
  const graph = new TestGraph({ commitLog: log });
  const transactions = [graph.store.begin(), graph.store.begin(), graph.store.begin()];
  const ids = transactions.map((tx) => tx.createNode([]));
  const order: number[] = [];
  const commits = transactions.map((tx, index) => Promise.resolve(tx.commit()).then(() => order.push(index)));
  assert.deepEqual(
    log.records.map((record) => record.commitTs),
    [1, 2, 3],
  );
  log.waiting[2]?.resolve();
  log.waiting[1]?.resolve();
  await new Promise((resolve) => setImmediate(resolve));
  assert.deepEqual(order, []);
  assert.equal(graph.store.begin().nodeExists(ids[2]!), false, 'commit 3 waits for commit 1');
  log.waiting[0]?.resolve();
  await Promise.all(commits);
  assert.deepEqual(order, [0, 1, 2]);
  assert.equal(graph.store.lastCommitTs, 3);
});

test('a failed log write rolls the transaction back and rejects with TransactionLogError', async () => {
  const log = new ManualLog();
  const graph = new TestGraph({ commitLog: log });
  const key = graph.key('k');
  const first = graph.store.begin();
  const lost = first.createNode([], [[key, 'lost']]);
  const failing = Promise.resolve(first.commit());
  const second = graph.store.begin();
  const kept = second.createNode([]);
  const succeeding = second.commit();
  log.waiting[1]?.resolve();
  log.waiting[0]?.reject(new Error('disk full'));
  await assert.rejects(failing, { code: 'Neo.DatabaseError.Transaction.TransactionLogError' });
  await succeeding;
  assert.equal(first.status, 'ABORTED');
  const check = graph.store.begin();
  assert.equal(check.nodeExists(lost), false);
  assert.equal(check.nodeExists(kept), true);
  assert.equal(graph.store.activeTransactions, 1);
});

test('a log that throws synchronously fails the commit the same way, and its DatabaseErrors pass through', async () => {
  const { TransactionConflictError } = await import('../../errors/index.js');
  let error: Error = new Error('boom');
  const graph = new TestGraph({
    commitLog: {
      append: () => {
        throw error;
      },
    },
  });
  const tx = graph.store.begin();
  const id = tx.createNode([]);
  await assert.rejects(async () => tx.commit(), {
    code: 'Neo.DatabaseError.Transaction.TransactionLogError',
  });
  assert.equal(graph.store.begin().nodeExists(id), false);
  error = new TransactionConflictError('busy');
  const again = graph.store.begin();
  again.createNode([]);
  await assert.rejects(async () => again.commit(), { name: 'TransactionConflictError', message: 'busy' });
});
