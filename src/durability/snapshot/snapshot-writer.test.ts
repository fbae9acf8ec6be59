import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { dumpGraph } from '../../../test/crash/graph-dump.js';
import { DatabaseError, Status } from '../../errors/index.js';
import {
  GraphStore,
  type BulkLoader,
  type ConstraintDefinition,
  type IndexDefinition,
} from '../../storage/index.js';
import type { CypherValue } from '../../values/index.js';
import { storableValue } from '../codec/codec-arbitraries.fixture.js';
import { memorySnapshotSource, readSnapshot } from './snapshot-reader.js';
import { SNAPSHOT_PREAMBLE_BYTES } from './snapshot-format.js';
import { writeSnapshotTo, type SnapshotSummary } from './snapshot-writer.js';

/** Encodes `store` into memory. */
async function encode(
  store: GraphStore,
  batchSize = 2,
): Promise<{ bytes: Uint8Array; summary: SnapshotSummary }> {
  const chunks: Uint8Array[] = [];
  const summary = await writeSnapshotTo(
    (chunk) => {
      chunks.push(chunk.slice());
      return Promise.resolve();
    },
    store,
    { batchSize, now: () => 1_700_000_000_000 },
  );
  return { bytes: new Uint8Array(Buffer.concat(chunks)), summary };
}

/** Decodes snapshot bytes into a new store through the bulk loader. */
async function decode(bytes: Uint8Array): Promise<GraphStore> {
  let store: GraphStore | undefined;
  let loader: BulkLoader | undefined;
  const indexes: IndexDefinition[] = [];
  const constraints: ConstraintDefinition[] = [];
  const result = await readSnapshot(memorySnapshotSource(bytes), {
    header: (header) => {
      store = new GraphStore({ databaseId: header.databaseId });
      loader = store.beginBulkLoad();
    },
    tokens: (tokens) => {
      for (const token of tokens) loader?.restoreToken(token);
    },
    indexes: (definitions) => indexes.push(...definitions),
    constraints: (definitions) => constraints.push(...definitions),
    node: (id, labels, properties) => loader?.addNode(id, labels, properties),
    relationship: (id, type, start, end, properties) =>
      loader?.addRelationship(id, type, start, end, properties),
  });
  assert.ok(store !== undefined && loader !== undefined);
  loader.finish({
    commitTs: result.header.commitTs,
    nodeHighWaterMark: result.header.nodeHighWaterMark,
    relationshipHighWaterMark: result.header.relationshipHighWaterMark,
    indexes,
    constraints,
  });
  return store;
}

async function sampleStore(
  values: readonly CypherValue[] = ['text', 1n, 1.5, true, [1n, 2n]],
): Promise<GraphStore> {
  const store = new GraphStore();
  const person = store.tokens.labels.getOrCreate('Person');
  const knows = store.tokens.relationshipTypes.getOrCreate('KNOWS');
  const keys = values.map((_, index) => store.tokens.propertyKeys.getOrCreate(`k${index}`));
  const id = store.tokens.propertyKeys.getOrCreate('id');
  const tx = store.begin();
  const nodes: number[] = [];
  for (let index = 0; index < 7; index++) {
    nodes.push(
      tx.createNode(index % 2 === 0 ? [person] : [], [
        [id, BigInt(index)],
        ...values.map((value, at) => [keys[at] ?? 0, value] as const),
      ]),
    );
  }
  for (let index = 1; index < nodes.length; index++) {
    tx.createRelationship(knows, nodes[index - 1] ?? 0, nodes[index] ?? 0, [[id, BigInt(index)]]);
  }
  tx.deleteNode(tx.createNode([], []));
  await tx.commit();
  await store.createIndex({ name: 'by_id', entity: 'RELATIONSHIP', token: knows, properties: [id] });
  await store.createConstraint({ kind: 'KEY', entity: 'NODE', token: person, properties: [id] });
  return store;
}

test('a snapshot written to a sink decodes to the same graph, ids, schema and clock', async () => {
  const store = await sampleStore();
  const { bytes, summary } = await encode(store);
  assert.equal(summary.bytes, bytes.length);
  assert.deepEqual(
    { nodes: summary.counts.nodes, relationships: summary.counts.relationships },
    { nodes: 7, relationships: 6 },
  );
  const copy = await decode(bytes);
  assert.deepEqual(dumpGraph(copy), dumpGraph(store));
  assert.deepEqual(copy.verifyConsistency(), []);
});

test('every storable property value survives a snapshot', async () => {
  await fc.assert(
    fc.asyncProperty(fc.array(storableValue(), { minLength: 1, maxLength: 6 }), async (values) => {
      const store = await sampleStore(values);
      const copy = await decode((await encode(store, 3)).bytes);
      assert.deepEqual(dumpGraph(copy), dumpGraph(store));
    }),
    { numRuns: 25 },
  );
});

function assertDamage(error: unknown): true {
  assert.ok(error instanceof DatabaseError, String(error));
  assert.equal(error.status, Status.StorageDamageDetected);
  return true;
}

test('a snapshot cut short anywhere is rejected as damaged', async () => {
  const { bytes } = await encode(await sampleStore());
  for (let length = 0; length < bytes.length; length++) {
    await assert.rejects(readSnapshot(memorySnapshotSource(bytes.subarray(0, length))), assertDamage);
  }
});

test('a snapshot with any byte changed is rejected as damaged', async () => {
  const { bytes } = await encode(await sampleStore());
  for (let offset = 0; offset < bytes.length; offset++) {
    const damaged = bytes.slice();
    damaged[offset] = (damaged[offset] ?? 0) ^ 0x20;
    await assert.rejects(readSnapshot(memorySnapshotSource(damaged)), assertDamage);
  }
});

test('bytes after the footer and unknown format versions are rejected', async () => {
  const { bytes } = await encode(await sampleStore());
  await assert.rejects(
    readSnapshot(memorySnapshotSource(Buffer.concat([bytes, Uint8Array.of(0)]))),
    /follow the footer/,
  );
  const future = bytes.slice();
  new DataView(future.buffer).setUint32(SNAPSHOT_PREAMBLE_BYTES - 4, 99, true);
  await assert.rejects(readSnapshot(memorySnapshotSource(future)), /format version 99/);
});
