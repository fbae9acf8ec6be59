import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isRetryable, TransactionConflictError } from '../../errors/index.js';
import { collect, TestGraph } from '../../../test/storage/fixtures.js';
import type { CommitLog } from '../commit-log.js';
import { ReadSet } from '../mvcc/read-set.js';
import { StoreContext } from './store-context.js';
import { StoreTransaction } from './store-transaction.js';

/** Rejects as serializable validation does: the retryable `Outdated` status. */
async function assertOutdated(commit: void | Promise<void>, what: RegExp): Promise<void> {
  await assert.rejects(Promise.resolve(commit), (error: unknown) => {
    assert.ok(error instanceof TransactionConflictError);
    assert.equal(error.code, 'Neo.TransientError.Transaction.Outdated');
    assert.equal(isRetryable(error.status.code), true);
    assert.equal(error.gqlStatus, '25N11');
    assert.match(error.message, what);
    return true;
  });
}

/** A graph with two persons a (x = 1) and b (x = 2), label Person, key x and y, type KNOWS. */
async function twoPersons(): Promise<{
  graph: TestGraph;
  a: number;
  b: number;
  person: number;
  x: number;
  y: number;
  knows: number;
}> {
  const graph = new TestGraph();
  const [person, x, y, knows] = [graph.label('Person'), graph.key('x'), graph.key('y'), graph.type('KNOWS')];
  const setup = graph.store.begin();
  const a = setup.createNode([person], [[x, 1n]]);
  const b = setup.createNode([person], [[x, 2n]]);
  await setup.commit();
  return { graph, a, b, person, x, y, knows };
}

/** Commits one write made by `write` in its own transaction. */
async function commitOne(graph: TestGraph, write: (tx: StoreTransaction) => void): Promise<void> {
  const tx = graph.store.begin();
  write(tx);
  await tx.commit();
}

test('a writer whose read property was changed by a later commit fails with a retryable Outdated error', async () => {
  const { graph, a, b, x } = await twoPersons();
  const tx = graph.store.begin();
  assert.equal(tx.nodeProperty(a, x), 1n);
  await commitOne(graph, (other) => {
    other.setNodeProperty(a, x, 10n);
  });
  tx.setNodeProperty(b, x, 20n);
  await assertOutdated(tx.commit(), new RegExp(`read node ${a},`));
  assert.equal(tx.status, 'ABORTED');
  const check = graph.store.begin({ readOnly: true });
  assert.equal(check.nodeProperty(b, x), 2n, 'the failed commit left nothing behind');
});

test('reads are tracked per node: any change to a read node fails the commit, a change elsewhere does not', async () => {
  const { graph, a, b, x, y } = await twoPersons();
  const unrelated = graph.store.begin();
  unrelated.nodeProperty(a, x);
  unrelated.setNodeProperty(a, y, 1n);
  await commitOne(graph, (other) => {
    other.setNodeProperty(b, x, 3n);
  });
  await unrelated.commit();

  const sameNode = graph.store.begin();
  sameNode.nodeProperty(a, x);
  await commitOne(graph, (other) => other.removeNodeProperty(a, y));
  sameNode.setNodeProperty(b, x, 5n);
  await assertOutdated(sameNode.commit(), new RegExp(`node ${a}`));
});

test('reading labels, existence or all properties of a node counts as reading it', async () => {
  const { graph, a, b, person, x } = await twoPersons();
  const other = graph.label('Other');
  const reads: ((tx: StoreTransaction) => unknown)[] = [
    (tx) => tx.nodeHasLabel(a, person),
    (tx) => tx.nodeLabels(a),
    (tx) => tx.nodeExists(a),
    (tx) => {
      tx.forEachNodeProperty(a, () => undefined);
    },
  ];
  for (const [index, read] of reads.entries()) {
    const tx = graph.store.begin();
    read(tx);
    await commitOne(graph, (writer) =>
      index % 2 === 0 ? writer.addLabel(a, other) : writer.removeLabel(a, other),
    );
    tx.setNodeProperty(b, x, BigInt(index));
    await assertOutdated(tx.commit(), new RegExp(`node ${a}`));
  }
});

test('reading existence, type, endpoints or properties of a relationship counts as reading it', async () => {
  const { graph, a, b, x, knows } = await twoPersons();
  let r = -1;
  await commitOne(graph, (writer) => (r = writer.createRelationship(knows, a, b)));
  const reads: ((tx: StoreTransaction) => unknown)[] = [
    (tx) => tx.relationshipExists(r),
    (tx) => tx.relationshipType(r),
    (tx) => tx.relationshipStart(r),
    (tx) => tx.relationshipEnd(r),
    (tx) => {
      tx.forEachRelationshipProperty(r, () => undefined);
    },
  ];
  for (const [index, read] of reads.entries()) {
    const tx = graph.store.begin();
    read(tx);
    await commitOne(graph, (writer) => {
      writer.setRelationshipProperty(r, x, BigInt(index));
    });
    tx.setNodeProperty(a, x, BigInt(index));
    await assertOutdated(tx.commit(), new RegExp(`relationship ${r}`));
  }
});

test('expanding a node reads which relationships it has: attaching one there fails the commit, elsewhere not', async () => {
  const { graph, a, b, x, knows } = await twoPersons();
  let c = -1;
  await commitOne(graph, (writer) => (c = writer.createNode([])));
  const elsewhere = graph.store.begin();
  assert.equal(elsewhere.degree(a, 'OUTGOING'), 0);
  await commitOne(graph, (writer) => writer.createRelationship(knows, b, c));
  elsewhere.setNodeProperty(a, x, 7n);
  await elsewhere.commit();

  // Either end, any type: the whole adjacency of the node is one item.
  const attachments: ((writer: StoreTransaction) => number)[] = [
    (writer) => writer.createRelationship(graph.type('OTHER'), c, a),
    (writer) => writer.createRelationship(knows, a, c),
  ];
  for (const attach of attachments) {
    const tx = graph.store.begin();
    tx.degree(a, 'INCOMING', [knows]);
    await commitOne(graph, attach);
    tx.setNodeProperty(b, x, 8n);
    await assertOutdated(tx.commit(), new RegExp(`the relationships of node ${a}`));
  }
});

test('expanding reads existence: deleting an expanded node without relationships fails the commit', async () => {
  const { graph, a, b, x } = await twoPersons();
  const tx = graph.store.begin();
  tx.expand(a, 'BOTH', undefined);
  await commitOne(graph, (writer) => {
    writer.deleteNode(a);
  });
  tx.setNodeProperty(b, x, 9n);
  await assertOutdated(tx.commit(), new RegExp(`the relationships of node ${a}`));
});

test('a property change on a relationship of an expanded node fails the commit only if the property was read', async () => {
  const { graph, a, b, x, knows } = await twoPersons();
  const weight = graph.key('weight');
  let r = -1;
  await commitOne(graph, (writer) => (r = writer.createRelationship(knows, a, b, [[weight, 1n]])));
  const onlyExpanded = graph.store.begin();
  assert.equal(onlyExpanded.degree(a, 'OUTGOING'), 1);
  await commitOne(graph, (writer) => {
    writer.setRelationshipProperty(r, weight, 2n);
  });
  onlyExpanded.setNodeProperty(a, x, 1n);
  await onlyExpanded.commit();

  const readWeight = graph.store.begin();
  const cursor = readWeight.expand(a, 'OUTGOING', undefined);
  assert.equal(readWeight.relationshipProperty(cursor.next(), weight), 2n);
  await commitOne(graph, (writer) => {
    writer.setRelationshipProperty(r, weight, 3n);
  });
  readWeight.setNodeProperty(a, x, 2n);
  await assertOutdated(readWeight.commit(), new RegExp(`relationship ${r}`));
});

test('label scan: a node created with the scanned label is a phantom that fails the commit', async () => {
  const { graph, a, person, x } = await twoPersons();
  const animal = graph.label('Animal');
  // A node with another label is no phantom for this scan.
  const clean = graph.store.begin();
  assert.equal(collect(clean.scanNodesByLabel(person)).length, 2);
  await commitOne(graph, (writer) => writer.createNode([animal]));
  clean.setNodeProperty(a, x, 4n);
  await clean.commit();

  const tx = graph.store.begin();
  assert.equal(collect(tx.scanNodesByLabel(person)).length, 2);
  await commitOne(graph, (writer) => writer.createNode([person]));
  tx.setNodeProperty(a, x, 5n);
  await assertOutdated(tx.commit(), /the nodes with label `Person`/);
});

test('label scan: a label added to or removed from an existing node, or a labelled node deleted, fails the commit', async () => {
  const { graph, a, b, person, x } = await twoPersons();
  const writes: ((writer: StoreTransaction) => void)[] = [
    (writer) => writer.removeLabel(a, person),
    (writer) => writer.addLabel(a, person),
    (writer) => {
      writer.deleteNode(a);
    },
  ];
  for (const write of writes) {
    const tx = graph.store.begin();
    collect(tx.scanNodesByLabel(person));
    await commitOne(graph, write);
    tx.setNodeProperty(b, x, 1n);
    await assertOutdated(tx.commit(), /the nodes with label `Person`/);
  }
});

test('label scan: a node created in scope by a concurrent commit is judged by the labels that commit gave it', async () => {
  const { graph, b, person, x } = await twoPersons();
  const tx = graph.store.begin();
  collect(tx.scanNodesByLabel(person));
  let created = -1;
  await commitOne(graph, (writer) => (created = writer.createNode([])));
  // A transaction still running puts the label on: not committed, so not a phantom for `tx`.
  const later = graph.store.begin();
  later.addLabel(created, person);
  tx.setNodeProperty(b, x, 1n);
  await tx.commit();
  later.rollback();
});

test('all-nodes, all-relationships and type scans fail the commit on a creation or deletion they would see', async () => {
  const { graph, a, b, x, knows } = await twoPersons();
  const likes = graph.type('LIKES');
  const cases: [(tx: StoreTransaction) => void, (writer: StoreTransaction) => void, RegExp][] = [
    [(tx) => collect(tx.scanNodes()), (writer) => writer.createNode([]), /all nodes/],
    [
      (tx) => collect(tx.scanRelationships()),
      (writer) => writer.createRelationship(likes, a, b),
      /all relationships/,
    ],
    [
      (tx) => collect(tx.scanRelationshipsByType(knows)),
      (writer) => writer.createRelationship(knows, b, a),
      /relationships of type `KNOWS`/,
    ],
  ];
  for (const [read, write, what] of cases) {
    const tx = graph.store.begin();
    read(tx);
    await commitOne(graph, write);
    tx.setNodeProperty(a, x, 3n);
    await assertOutdated(tx.commit(), what);
  }
  const otherType = graph.store.begin();
  collect(otherType.scanRelationshipsByType(knows));
  await commitOne(graph, (writer) => writer.createRelationship(likes, a, b));
  otherType.setNodeProperty(a, x, 4n);
  await otherType.commit();
});

test('index seek: an entity entering the sought index fails the commit; a key outside the index does not', async () => {
  const { graph, a, b, person, x, y } = await twoPersons();
  await graph.store.createIndex({ name: 'person_x', entity: 'NODE', token: person, properties: [x] });
  await graph.store.awaitIndexesOnline();
  const outside = graph.store.begin();
  assert.deepEqual(collect(outside.seekNodes('person_x', { kind: 'EQUALS', values: [5n] })), []);
  await commitOne(graph, (writer) => {
    writer.setNodeProperty(b, y, 5n);
  });
  await commitOne(graph, (writer) => writer.createNode([graph.label('Animal')], [[x, 5n]]));
  outside.setNodeProperty(a, y, 1n);
  await outside.commit();

  // Each write brings a new value into the index, sought before it arrives.
  let unlabelled = -1;
  await commitOne(graph, (writer) => (unlabelled = writer.createNode([], [[x, 13n]])));
  const writes: ((writer: StoreTransaction, value: bigint) => void)[] = [
    (writer, value) => {
      writer.setNodeProperty(b, x, value);
    },
    (writer, value) => writer.createNode([person], [[x, value]]),
    (writer, value) => writer.addLabel(writer.createNode([], [[x, value]]), person),
    (writer) => writer.addLabel(unlabelled, person),
  ];
  for (const [index, write] of writes.entries()) {
    const value = BigInt(10 + index);
    const tx = graph.store.begin();
    assert.deepEqual(collect(tx.seekNodes('person_x', { kind: 'EQUALS', values: [value] })), []);
    await commitOne(graph, (writer) => {
      write(writer, value);
    });
    tx.setNodeProperty(a, y, 2n);
    await assertOutdated(tx.commit(), /entries of index `person_x`/);
  }
});

test('relationship index seek: a relationship entering the index fails the commit; other keys and types do not', async () => {
  const { graph, a, b, x, knows } = await twoPersons();
  const [weight, note, likes] = [graph.key('weight'), graph.key('note'), graph.type('LIKES')];
  let r = -1;
  await commitOne(graph, (writer) => (r = writer.createRelationship(knows, a, b)));
  await graph.store.createIndex({
    name: 'knows_weight',
    entity: 'RELATIONSHIP',
    token: knows,
    properties: [weight],
  });
  await graph.store.awaitIndexesOnline();
  const seek = (tx: StoreTransaction, value: bigint): number[] =>
    collect(tx.seekRelationships('knows_weight', { kind: 'EQUALS', values: [value] }));
  const outside = graph.store.begin();
  assert.deepEqual(seek(outside, 1n), []);
  await commitOne(graph, (writer) => {
    writer.setRelationshipProperty(r, note, 'n');
  });
  await commitOne(graph, (writer) => writer.createRelationship(likes, b, a, [[weight, 1n]]));
  outside.setNodeProperty(a, x, 1n);
  await outside.commit();

  const writes: ((writer: StoreTransaction, value: bigint) => void)[] = [
    (writer, value) => {
      writer.setRelationshipProperty(r, weight, value);
    },
    (writer, value) => writer.createRelationship(knows, b, a, [[weight, value]]),
  ];
  for (const [index, write] of writes.entries()) {
    const value = BigInt(10 + index);
    const tx = graph.store.begin();
    assert.deepEqual(seek(tx, value), []);
    await commitOne(graph, (writer) => {
      write(writer, value);
    });
    tx.setNodeProperty(a, x, 2n);
    await assertOutdated(tx.commit(), /entries of index `knows_weight`/);
  }
});

test('read-only transactions and transactions that wrote nothing always commit, whatever changed', async () => {
  const { graph, a, x } = await twoPersons();
  for (const readOnly of [true, false]) {
    const tx = graph.store.begin({ readOnly });
    tx.nodeProperty(a, x);
    collect(tx.scanNodes());
    await commitOne(graph, (writer) => {
      writer.setNodeProperty(a, x, 5n);
      writer.createNode([]);
    });
    await tx.commit();
    assert.equal(tx.status, 'COMMITTED');
  }
});

test('own writes are never conflicts: reading what the transaction itself wrote or locked', async () => {
  const { graph, a, b, x } = await twoPersons();
  const tx = graph.store.begin();
  const mine = tx.createNode([], [[x, 1n]]);
  tx.setNodeProperty(a, x, 5n);
  tx.lockNode(b);
  assert.equal(tx.nodeProperty(mine, x), 1n);
  assert.equal(tx.nodeProperty(a, x), 5n);
  assert.equal(tx.nodeProperty(b, x), 2n);
  assert.equal(tx.degree(mine, 'BOTH'), 0);
  await commitOne(graph, (writer) => writer.createNode([graph.label('Elsewhere')]));
  await tx.commit();
  assert.equal(tx.status, 'COMMITTED');
});

test('a lock committed by another transaction does not change what this one read', async () => {
  const { graph, a, b, x, knows } = await twoPersons();
  let r = -1;
  await commitOne(graph, (writer) => (r = writer.createRelationship(knows, a, b)));
  const tx = graph.store.begin();
  tx.nodeProperty(a, x);
  tx.relationshipProperty(r, x);
  await commitOne(graph, (writer) => {
    writer.lockNode(a);
    writer.lockRelationship(r);
  });
  tx.setNodeProperty(b, x, 1n);
  await tx.commit();
});

test('commits before the snapshot never conflict, and neither does a reader that commits first', async () => {
  const { graph, a, b, x } = await twoPersons();
  await commitOne(graph, (writer) => {
    writer.setNodeProperty(a, x, 5n);
  });
  const first = graph.store.begin();
  const second = graph.store.begin();
  assert.equal(first.nodeProperty(a, x), 5n);
  first.setNodeProperty(b, x, 6n);
  second.setNodeProperty(a, x, 7n);
  // `first` read a before `second` changed it: it commits first, so the order first → second is serial.
  await first.commit();
  await second.commit();
});

test('a no-op write reads: removing an absent property joins the read set', async () => {
  const { graph, a, b, x, y } = await twoPersons();
  const tx = graph.store.begin();
  assert.equal(tx.removeNodeProperty(a, y), false);
  await commitOne(graph, (writer) => {
    writer.setNodeProperty(a, y, 1n);
  });
  tx.setNodeProperty(b, x, 1n);
  await assertOutdated(tx.commit(), new RegExp(`node ${a}`));
});

test('a transaction still being logged counts: validation also checks commits not yet published', async () => {
  const waiting: (() => void)[] = [];
  const log: CommitLog = {
    append: () => new Promise<void>((resolve) => waiting.push(resolve)),
  };
  const graph = new TestGraph({ commitLog: log });
  const x = graph.key('x');
  const setup = graph.store.begin();
  const [a, b] = [setup.createNode([], [[x, 1n]]), setup.createNode([], [[x, 2n]])];
  const setupDone = setup.commit();
  waiting.shift()?.();
  await setupDone;
  const tx = graph.store.begin();
  tx.nodeProperty(a, x);
  const writer = graph.store.begin();
  writer.setNodeProperty(a, x, 9n);
  const writerDone = writer.commit();
  assert.equal(writer.status, 'COMMITTING');
  tx.setNodeProperty(b, x, 9n);
  const committed = tx.commit();
  // Acknowledge whatever reached the log, so a wrong outcome fails the assertion instead of hanging.
  for (const acknowledge of waiting.splice(0)) acknowledge();
  await assertOutdated(committed, new RegExp(`node ${a}`));
  await writerDone;
});

test('a read log that overflows escalates: any change of that kind then fails the commit', async () => {
  const context = new StoreContext('escalation', undefined);
  const x = context.state.tokens.propertyKeys.getOrCreate('x');
  const knows = context.state.tokens.relationshipTypes.getOrCreate('KNOWS');
  const begin = (limit?: number): StoreTransaction => {
    const state = context.manager.begin(false);
    if (limit !== undefined) state.reads = new ReadSet(limit);
    return new StoreTransaction(context, state);
  };
  const setup = begin();
  const nodes = Array.from({ length: 6 }, (_, index) => setup.createNode([], [[x, BigInt(index)]]));
  const relationships = [0, 1, 2, 3].map((index) =>
    setup.createRelationship(knows, nodes[index] ?? -1, nodes[index + 1] ?? -1),
  );
  await setup.commit();
  const [first, last] = [nodes[0] ?? -1, nodes[5] ?? -1];
  const cases: [(tx: StoreTransaction) => void, (writer: StoreTransaction) => void, RegExp][] = [
    [
      (tx) => {
        nodes.slice(0, 3).forEach((id) => tx.nodeProperty(id, x));
      },
      (writer) => {
        writer.setNodeProperty(nodes[4] ?? -1, x, 40n);
      },
      /more nodes than it tracks one by one/,
    ],
    [
      (tx) => {
        relationships.slice(0, 3).forEach((id) => tx.relationshipProperty(id, x));
      },
      (writer) => {
        writer.setRelationshipProperty(relationships[3] ?? -1, x, 1n);
      },
      /more relationships than it tracks one by one/,
    ],
    [
      (tx) => {
        nodes.slice(0, 3).forEach((id) => tx.degree(id, 'BOTH'));
      },
      (writer) => writer.createRelationship(knows, last, last),
      /the relationships of more nodes than it tracks one by one/,
    ],
  ];
  for (const [read, write, what] of cases) {
    const tx = begin(2);
    read(tx);
    const writer = begin();
    write(writer);
    await writer.commit();
    tx.setNodeProperty(first, x, 0n);
    await assertOutdated(tx.commit(), what);
  }
});
