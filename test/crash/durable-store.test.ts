import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { test } from 'node:test';
import { DatabaseError, Status } from '../../src/errors/index.js';
import {
  FaultyFileSystem,
  listSnapshotFiles,
  dataDirectoryLayout,
  loadSnapshotFile,
  openDurableStore,
  type DurableStoreOptions,
} from '../../src/durability/index.js';
import { GraphStore, type CommitRecord } from '../../src/storage/index.js';
import { Uuid } from '../../src/values/index.js';
import { commitItems, itemSeqs, overwriteFile } from './crash-support.js';
import { dumpGraph } from './graph-dump.js';

const DIRECTORY = '/data/db';

function open(fileSystem: FaultyFileSystem, options: Partial<DurableStoreOptions> = {}) {
  return openDurableStore({ directory: DIRECTORY, fileSystem, ...options });
}

async function walSegments(fileSystem: FaultyFileSystem): Promise<string[]> {
  return fileSystem.list(`${DIRECTORY}/wal`);
}

test('a new directory gets a database id that survives a crash right after opening', async () => {
  const fileSystem = new FaultyFileSystem();
  const first = await open(fileSystem);
  const id = first.store.databaseId;
  fileSystem.crash();
  const second = await open(fileSystem);
  assert.equal(second.store.databaseId, id);
  assert.equal(second.recovery.snapshotCommitTs, undefined);
  await second.close();
});

test('acknowledged commits survive a crash, recovered from the WAL alone', async () => {
  const fileSystem = new FaultyFileSystem();
  const durable = await open(fileSystem);
  await commitItems(durable.store, 20);
  const before = dumpGraph(durable.store);
  fileSystem.crash({ tear: true });
  const recovered = await open(fileSystem);
  assert.deepEqual(dumpGraph(recovered.store), before);
  assert.equal(recovered.recovery.walRecords, 20);
  assert.deepEqual(recovered.store.verifyConsistency(), []);
  await recovered.close();
});

test('a clean close takes a snapshot that the next start loads', async () => {
  const fileSystem = new FaultyFileSystem();
  const durable = await open(fileSystem);
  await commitItems(durable.store, 12);
  const before = dumpGraph(durable.store);
  await durable.close();
  await durable.close();
  const reopened = await open(fileSystem);
  assert.deepEqual(dumpGraph(reopened.store), before);
  assert.equal(reopened.recovery.snapshotCommitTs, before.lastCommitTs);
  assert.equal(reopened.recovery.snapshotNodes, 12);
  assert.equal(reopened.recovery.walRecords, 0);
  await reopened.close();
});

test('a snapshot taken while writes go on holds exactly the commits up to its timestamp', async () => {
  const fileSystem = new FaultyFileSystem();
  const durable = await open(fileSystem, { snapshotOnClose: false });
  // Enough entities that the writer yields to the event loop several times while it runs.
  await commitItems(durable.store, 1);
  const bulk = durable.store.begin();
  const filler = durable.store.tokens.labels.getOrCreate('Filler');
  for (let index = 0; index < 12_000; index++) bulk.createNode([filler], []);
  await bulk.commit();
  const base = durable.store.lastCommitTs;
  const control = { writing: true };
  const writes = (async () => {
    for (let seq = 1; control.writing || seq < 5; seq++) {
      await commitItems(durable.store, 1, seq);
      // The in-memory file system answers in microtasks: let the snapshot's slices (setImmediate) run.
      await new Promise((resolve) => setImmediate(resolve));
    }
  })();
  const info = await durable.snapshot();
  control.writing = false;
  await writes;
  assert.ok(durable.store.lastCommitTs > info.commitTs, 'commits went on during the snapshot');
  const loaded = await loadSnapshotFile({
    fileSystem,
    path: info.path,
    createStore: (header) => new GraphStore({ databaseId: header.databaseId }),
  });
  // Commit `base + k` created item seq k: the snapshot holds seq 0 (before base) and 1 … ts - base.
  const expected = Array.from({ length: info.commitTs - base + 1 }, (_, seq) => seq);
  assert.deepEqual(itemSeqs(loaded.store), expected);
  const live = dumpGraph(durable.store);
  fileSystem.crash({ tear: true });
  const recovered = await open(fileSystem);
  assert.deepEqual(dumpGraph(recovered.store), live);
  assert.equal(recovered.recovery.snapshotCommitTs, info.commitTs);
  await recovered.close();
});

test('snapshots retire the WAL segments they cover and keep only the newest snapshots', async () => {
  const fileSystem = new FaultyFileSystem();
  const durable = await open(fileSystem, { snapshotsToKeep: 2, walSegmentBytes: 256 });
  await commitItems(durable.store, 30);
  assert.ok((await walSegments(fileSystem)).length >= 3, 'small segments rotate');
  const first = await durable.snapshot();
  assert.ok(first.retiredSegments.length > 0);
  assert.equal((await walSegments(fileSystem)).length, 1);
  await commitItems(durable.store, 3, 30);
  await durable.snapshot();
  await commitItems(durable.store, 3, 33);
  const third = await durable.snapshot();
  assert.equal(third.removedSnapshots.length, 1);
  const files = await listSnapshotFiles(fileSystem, dataDirectoryLayout(DIRECTORY));
  assert.equal(files.length, 2);
  assert.equal(files.at(-1)?.commitTs, third.commitTs);
  assert.equal(durable.stats().snapshotsTaken, 3);
  const live = dumpGraph(durable.store);
  fileSystem.crash();
  const recovered = await open(fileSystem);
  assert.deepEqual(dumpGraph(recovered.store), live);
  await recovered.close();
});

test('a failed snapshot leaves the store, the WAL and the directory as they were', async () => {
  const fileSystem = new FaultyFileSystem();
  const durable = await open(fileSystem, { walSegmentBytes: 512 });
  await commitItems(durable.store, 10);
  const segments = await walSegments(fileSystem);
  fileSystem.setFaultPlan((op) =>
    op.path.endsWith('.snap.tmp') && op.kind === 'sync' ? { fail: 'EIO' } : undefined,
  );
  await assert.rejects(durable.snapshot(), (error: unknown) => (error as { code?: string }).code === 'EIO');
  fileSystem.setFaultPlan(undefined);
  assert.deepEqual(await fileSystem.list(`${DIRECTORY}/snapshots`), []);
  assert.ok((await walSegments(fileSystem)).length >= segments.length, 'no segment was retired');
  assert.equal(durable.stats().snapshotsFailed, 1);
  await commitItems(durable.store, 2, 10);
  const live = dumpGraph(durable.store);
  fileSystem.crash({ tear: true });
  const recovered = await open(fileSystem);
  assert.deepEqual(dumpGraph(recovered.store), live);
  await recovered.close();
});

test('a damaged newest snapshot stops recovery with StorageDamageDetected', async () => {
  const fileSystem = new FaultyFileSystem();
  const durable = await open(fileSystem);
  await commitItems(durable.store, 5);
  const info = await durable.snapshot();
  await durable.close();
  const bytes = fileSystem.fileBytes(info.path);
  assert.ok(bytes !== undefined);
  const damaged = bytes.slice();
  damaged[Math.floor(damaged.length / 2)] = (damaged[Math.floor(damaged.length / 2)] ?? 0) ^ 0xff;
  await overwriteFile(fileSystem, info.path, damaged);
  await assert.rejects(open(fileSystem), (error: unknown) => {
    assert.ok(error instanceof DatabaseError);
    assert.equal(error.status, Status.StorageDamageDetected);
    assert.match(error.message, /snapshot-\d{20}\.snap/);
    return true;
  });
  // Recovery failed without leaving the directory locked.
  await overwriteFile(fileSystem, info.path, bytes);
  const reopened = await open(fileSystem);
  assert.equal(itemSeqs(reopened.store).length, 5);
  await reopened.close();
});

test('a live lock refuses a second opening and a stale one is taken over', async () => {
  const fileSystem = new FaultyFileSystem();
  const durable = await open(fileSystem);
  await assert.rejects(open(fileSystem), (error: unknown) => {
    assert.ok(error instanceof DatabaseError);
    assert.equal(error.status, Status.DatabaseUnavailable);
    assert.match(error.message, new RegExp(`in use by process ${process.pid}`));
    return true;
  });
  await durable.close();
  // A lock left by a process that is gone.
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']);
  const deadPid = Number(child.stdout.toString());
  await overwriteFile(fileSystem, `${DIRECTORY}/LOCK`, new TextEncoder().encode(`${deadPid}\n`));
  const reopened = await open(fileSystem);
  await reopened.close();
  assert.equal(await fileSystem.exists(`${DIRECTORY}/LOCK`), false);
});

test('records replayed into an empty store before any transaction reach the snapshot (bulk import)', async () => {
  const fileSystem = new FaultyFileSystem();
  const durable = await open(fileSystem);
  const records: CommitRecord[] = [];
  for (let index = 0; index < 50; index++) {
    records.push({
      commitTs: index + 1,
      tokens: [
        { kind: 'LABEL', id: 0, name: 'Imported' },
        { kind: 'PROPERTY_KEY', id: 0, name: 'n' },
      ],
      changes: [{ kind: 'CreateNode', id: index, labels: [0], properties: [[0, BigInt(index)]] }],
    });
  }
  for (const record of records) durable.store.replay(record);
  const info = await durable.snapshot();
  assert.equal(info.commitTs, 50);
  assert.equal(info.nodes, 50);
  await commitItems(durable.store, 3);
  const live = dumpGraph(durable.store);
  fileSystem.crash({ tear: true });
  const recovered = await open(fileSystem);
  assert.deepEqual(dumpGraph(recovered.store), live);
  assert.equal(recovered.recovery.snapshotCommitTs, 50);
  assert.equal(recovered.recovery.walRecords, 3);
  await recovered.close();
});

test('snapshots are taken on a timer and after enough WAL, without being asked', async () => {
  const fileSystem = new FaultyFileSystem();
  const byVolume = await open(fileSystem, { snapshotAfterWalBytes: 600, snapshotOnClose: false });
  await commitItems(byVolume.store, 20);
  for (let waited = 0; byVolume.stats().snapshotsTaken === 0 && waited < 200; waited++) {
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  assert.ok(byVolume.stats().snapshotsTaken >= 1, 'the WAL volume triggered a snapshot');
  await byVolume.close();

  const timed = new FaultyFileSystem();
  const byTimer = await openDurableStore({
    directory: DIRECTORY,
    fileSystem: timed,
    snapshotIntervalMs: 5,
    snapshotAfterWalBytes: 0,
    snapshotOnClose: false,
  });
  await commitItems(byTimer.store, 3);
  for (let waited = 0; byTimer.stats().snapshotsTaken === 0 && waited < 200; waited++) {
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  assert.equal(byTimer.stats().lastSnapshot?.commitTs, byTimer.store.lastCommitTs);
  await byTimer.close();
});

test('WAL left by runs that crashed counts towards the next snapshot', async () => {
  // Each run writes less than the threshold and then crashes: without counting the log found at open,
  // no snapshot would ever be taken and the log would grow without end.
  const fileSystem = new FaultyFileSystem();
  const settle = async (durable: Awaited<ReturnType<typeof open>>): Promise<number> => {
    for (let waited = 0; waited < 40; waited++) await new Promise((resolve) => setTimeout(resolve, 5));
    return durable.stats().snapshotsTaken;
  };
  const first = await open(fileSystem, { snapshotAfterWalBytes: 1 << 30, snapshotOnClose: false });
  await commitItems(first.store, 8);
  const perRun = first.stats().wal.bytesWritten;
  fileSystem.crash();
  // Two runs' worth of log is below the threshold, three runs' worth above it.
  const snapshotAfterWalBytes = Math.round(perRun * 2.5);
  const second = await open(fileSystem, { snapshotAfterWalBytes, snapshotOnClose: false });
  await commitItems(second.store, 8, 8);
  assert.equal(await settle(second), 0, 'two runs of log stay below the threshold');
  fileSystem.crash();
  const third = await open(fileSystem, { snapshotAfterWalBytes, snapshotOnClose: false });
  await commitItems(third.store, 8, 16);
  assert.equal(await settle(third), 1, 'the inherited log and this run together triggered a snapshot');
  assert.deepEqual(
    itemSeqs(third.store),
    Array.from({ length: 24 }, (_, index) => index),
  );
  await third.close();
});

test('a failing WAL write fails the commit with TransactionLogError and changes nothing durable', async () => {
  const fileSystem = new FaultyFileSystem();
  const durable = await open(fileSystem);
  await commitItems(durable.store, 4);
  const before = dumpGraph(durable.store);
  fileSystem.setFaultPlan((op) =>
    (op.kind === 'append' || op.kind === 'sync') && op.path.includes('/wal/')
      ? { fail: 'ENOSPC' }
      : undefined,
  );
  await assert.rejects(commitItems(durable.store, 1, 4), (error: unknown) => {
    assert.ok(error instanceof DatabaseError);
    assert.equal(error.status, Status.TransactionLogError);
    return true;
  });
  fileSystem.setFaultPlan(undefined);
  assert.deepEqual(dumpGraph(durable.store), before);
  fileSystem.crash({ tear: true });
  const recovered = await open(fileSystem);
  assert.deepEqual(dumpGraph(recovered.store), before);
  await recovered.close();
});

test('UUID properties (value tag 19) survive WAL replay and a snapshot, alone and in lists', async () => {
  const fileSystem = new FaultyFileSystem();
  const durable = await open(fileSystem);
  const store = durable.store;
  const label = store.tokens.labels.getOrCreate('Keyed');
  const id = store.tokens.propertyKeys.getOrCreate('id');
  const ids = store.tokens.propertyKeys.getOrCreate('ids');
  const values = [
    Uuid.parse('550e8400-e29b-41d4-a716-446655440000'),
    Uuid.fromBits(-1n, -1n),
    Uuid.fromBits(0n, 0n),
  ];
  for (const value of values) {
    const tx = store.begin();
    tx.createNode(
      [label],
      [
        [id, value],
        [ids, [value, Uuid.fromBits(1n, 2n)]],
      ],
    );
    await tx.commit();
  }
  const before = dumpGraph(store);
  fileSystem.crash({ tear: true });
  const replayed = await open(fileSystem);
  assert.deepEqual(dumpGraph(replayed.store), before);
  await replayed.close();
  const fromSnapshot = await open(fileSystem);
  assert.equal(fromSnapshot.recovery.walRecords, 0);
  assert.deepEqual(dumpGraph(fromSnapshot.store), before);
  const tx = fromSnapshot.store.begin({ readOnly: true });
  const stored: unknown[] = [];
  for (const cursor = tx.scanNodes(); ;) {
    const node = cursor.next();
    if (node === -1) break;
    tx.forEachNodeProperty(node, (key, value) => {
      if (key === id) stored.push(value);
    });
  }
  assert.deepEqual(stored, values);
  assert.ok(stored.every((value) => value instanceof Uuid));
  await fromSnapshot.close();
});
