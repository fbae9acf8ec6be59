/**
 * FULLTEXT index maintenance under random transactions: after any mix of creates, text changes, label
 * changes and deletes, committed or rolled back, with old snapshots held open across garbage collection,
 * a term search returns exactly the entities that contain the term as each reader sees them, and the
 * store's consistency check finds the index entries exact (no missing, no stale ones).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { TestGraph } from '../../../test/storage/fixtures.js';
import type { StoreTransaction } from '../index.js';

const WORDS = ['apple', 'banana', 'cherry', 'date'] as const;

/** What a reader should see of one node: its labels and text. */
interface NodeModel {
  readonly labels: ReadonlySet<number>;
  readonly text: string | readonly string[] | undefined;
}

type Operation =
  | { readonly kind: 'create'; readonly label: number; readonly text: string | readonly string[] }
  | { readonly kind: 'setText'; readonly node: number; readonly text: string }
  | { readonly kind: 'removeText'; readonly node: number }
  | { readonly kind: 'addLabel' | 'removeLabel'; readonly node: number; readonly label: number }
  | { readonly kind: 'delete'; readonly node: number };

const text = fc
  .array(fc.constantFrom(...WORDS, 'The', 'APPLE!'), { minLength: 0, maxLength: 4 })
  .map((words) => words.join(' '));

const operation: fc.Arbitrary<Operation> = fc.oneof(
  fc.record({
    kind: fc.constant('create' as const),
    label: fc.integer({ min: 0, max: 2 }),
    text: fc.oneof(text, fc.array(text, { maxLength: 2 })),
  }),
  fc.record({ kind: fc.constant('setText' as const), node: fc.nat(20), text }),
  fc.record({ kind: fc.constant('removeText' as const), node: fc.nat(20) }),
  fc.record({
    kind: fc.constantFrom('addLabel' as const, 'removeLabel' as const),
    node: fc.nat(20),
    label: fc.integer({ min: 0, max: 2 }),
  }),
  fc.record({ kind: fc.constant('delete' as const), node: fc.nat(20) }),
);

/** A transaction: its operations, whether it commits, and whether a reader opened before it stays open. */
const transaction = fc.record({
  operations: fc.array(operation, { minLength: 1, maxLength: 5 }),
  commits: fc.boolean(),
  holdReader: fc.boolean(),
});

function wordsOf(value: string | readonly string[] | undefined): Set<string> {
  const texts = value === undefined ? [] : typeof value === 'string' ? [value] : value;
  return new Set(texts.flatMap((each) => each.toLowerCase().split(/[^a-z]+/u)).filter((w) => w !== ''));
}

/** The ids a search for `word` must find: nodes with label 0 or 1 (the index's) whose text has it. */
function expected(model: ReadonlyMap<number, NodeModel>, word: string): number[] {
  return [...model]
    .filter(([, node]) => (node.labels.has(0) || node.labels.has(1)) && wordsOf(node.text).has(word))
    .map(([id]) => id)
    .sort((a, b) => a - b);
}

function found(tx: StoreTransaction, word: string): number[] {
  return tx
    .searchFulltext('words', 'NODE', word)
    .map((hit) => hit.id)
    .sort((a, b) => a - b);
}

/** Applies `op` to `tx` and `model` where it applies (an operation on a missing node is skipped). */
function apply(tx: StoreTransaction, model: Map<number, NodeModel>, op: Operation, key: number): void {
  if (op.kind === 'create') {
    const id = tx.createNode([op.label], [[key, op.text]]);
    model.set(id, { labels: new Set([op.label]), text: op.text });
    return;
  }
  const ids = [...model.keys()];
  const id = ids[op.node % Math.max(ids.length, 1)];
  const node = id === undefined ? undefined : model.get(id);
  if (id === undefined || node === undefined) return;
  switch (op.kind) {
    case 'setText':
      tx.setNodeProperty(id, key, op.text);
      model.set(id, { ...node, text: op.text });
      return;
    case 'removeText':
      tx.removeNodeProperty(id, key);
      model.set(id, { ...node, text: undefined });
      return;
    case 'addLabel':
    case 'removeLabel': {
      const labels = new Set(node.labels);
      if (op.kind === 'addLabel') {
        tx.addLabel(id, op.label);
        labels.add(op.label);
      } else {
        tx.removeLabel(id, op.label);
        labels.delete(op.label);
      }
      model.set(id, { ...node, labels });
      return;
    }
    case 'delete':
      tx.detachDeleteNode(id);
      model.delete(id);
      return;
  }
}

test('random transactions keep a FULLTEXT index exact for every reader, through rollback and GC', async () => {
  await fc.assert(
    fc.asyncProperty(fc.array(transaction, { minLength: 1, maxLength: 12 }), async (transactions) => {
      const graph = new TestGraph();
      const labels = [graph.label('A'), graph.label('B'), graph.label('C')];
      const key = graph.key('text');
      await graph.store.createIndex({
        name: 'words',
        entity: 'NODE',
        token: labels[0] ?? 0,
        tokens: [labels[0] ?? 0, labels[1] ?? 1],
        properties: [key],
        type: 'FULLTEXT',
        fulltext: { analyzer: 'standard-no-stop-words', eventuallyConsistent: false },
      });
      await graph.store.awaitIndexesOnline();
      let committed = new Map<number, NodeModel>();
      const readers: { tx: StoreTransaction; model: Map<number, NodeModel> }[] = [];
      for (const { operations, commits, holdReader } of transactions) {
        if (holdReader) readers.push({ tx: graph.store.begin({ readOnly: true }), model: committed });
        const tx = graph.store.begin();
        const model = new Map(committed);
        for (const op of operations) apply(tx, model, op, key);
        for (const word of WORDS) assert.deepEqual(found(tx, word), expected(model, word), 'own writes');
        if (commits) {
          await tx.commit();
          committed = model;
        } else {
          tx.rollback();
        }
        graph.store.collectGarbage();
        for (const reader of readers) {
          for (const word of WORDS) assert.deepEqual(found(reader.tx, word), expected(reader.model, word));
        }
      }
      for (const reader of readers) reader.tx.rollback();
      graph.store.collectGarbage();
      assert.deepEqual(graph.store.verifyConsistency(), []);
      const latest = graph.store.begin({ readOnly: true });
      for (const word of WORDS) assert.deepEqual(found(latest, word), expected(committed, word));
      latest.rollback();
    }),
    { numRuns: 200 },
  );
});
