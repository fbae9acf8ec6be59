/**
 * Fault injection at every file operation of the snapshot path (WAL rotation, snapshot write, rename,
 * directory syncs, WAL retirement, removal of old snapshots): each operation fails in turn with ENOSPC, EIO
 * or a torn append. Whatever fails, the live store is unchanged, commits that are acknowledged afterwards
 * survive, and a crash followed by recovery gives back exactly the acknowledged data.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  FaultyFileSystem,
  openDurableStore,
  type DurableStore,
  type FaultAction,
} from '../../src/durability/index.js';
import { DatabaseError } from '../../src/errors/index.js';
import { seededRandom } from '../support/seeded-random.js';
import { commitItems, itemSeqs } from './crash-support.js';
import { dumpGraph, type GraphDump } from './graph-dump.js';

const DIRECTORY = '/db';

interface Prepared {
  readonly fileSystem: FaultyFileSystem;
  readonly durable: DurableStore;
  readonly before: GraphDump;
  /** The index of the first operation of the snapshot. */
  readonly base: number;
}

/** The same directory every time: data, schema, more data, an earlier snapshot, and WAL after it. */
async function prepare(): Promise<Prepared> {
  const fileSystem = new FaultyFileSystem();
  const durable = await openDurableStore({
    directory: DIRECTORY,
    fileSystem,
    walSegmentBytes: 700,
    snapshotOnClose: false,
    snapshotsToKeep: 1,
  });
  const { store } = durable;
  await commitItems(store, 8);
  await store.createIndex({
    name: 'item_seq',
    entity: 'NODE',
    token: store.tokens.labels.getOrCreate('Item'),
    properties: [store.tokens.propertyKeys.getOrCreate('seq')],
  });
  await durable.snapshot();
  await store.createConstraint({
    name: 'unique_seq',
    kind: 'UNIQUENESS',
    entity: 'RELATIONSHIP',
    token: store.tokens.relationshipTypes.getOrCreate('NEXT'),
    properties: [store.tokens.propertyKeys.getOrCreate('seq')],
  });
  await commitItems(store, 6, 8);
  return { fileSystem, durable, before: dumpGraph(store), base: fileSystem.operationCount };
}

const ACTIONS: readonly FaultAction[] = [{ fail: 'ENOSPC' }, { fail: 'EIO' }, { tearAfter: 5 }];

test('a fault at any operation of a snapshot harms neither the store nor the WAL', async () => {
  const counted = await prepare();
  await counted.durable.snapshot();
  const operations = counted.fileSystem.operationCount - counted.base;
  assert.ok(operations >= 10, `the snapshot path has ${operations} operations`);
  let failedRuns = 0;
  for (let offset = 0; offset < operations; offset++) {
    for (const action of ACTIONS) {
      const label = `operation ${offset} of ${operations}, ${JSON.stringify(action)}`;
      const { fileSystem, durable, before, base } = await prepare();
      assert.equal(base, counted.base, 'the preparation is deterministic');
      fileSystem.setFaultPlan((op) => (op.index === base + offset ? action : undefined));
      const outcome = await durable.snapshot().then(
        () => 'ok',
        (error: unknown) => error,
      );
      fileSystem.setFaultPlan(undefined);
      if (outcome !== 'ok') failedRuns++;
      assert.deepEqual(dumpGraph(durable.store), before, `${label}: the live store is unchanged`);
      // The WAL may be poisoned if the fault hit its rotation; otherwise commits go on.
      const acknowledged = await commitItems(durable.store, 1, 100).then(
        () => true,
        (error: unknown) => {
          assert.ok(error instanceof DatabaseError, `${label}: ${String(error)}`);
          return false;
        },
      );
      const expected = dumpGraph(durable.store);
      fileSystem.crash({ tear: true, random: seededRandom(offset) });
      const recovered = await openDurableStore({ directory: DIRECTORY, fileSystem, snapshotOnClose: false });
      assert.deepEqual(
        dumpGraph(recovered.store),
        expected,
        `${label}: recovery gives the acknowledged data`,
      );
      assert.equal(itemSeqs(recovered.store).includes(100), acknowledged, label);
      assert.deepEqual(recovered.store.verifyConsistency(), [], label);
      await recovered.close();
    }
  }
  assert.ok(failedRuns > 0, 'faults made snapshots fail');
});
