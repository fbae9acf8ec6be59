import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  checkDataDirectory,
  FaultyFileSystem,
  installSnapshot,
  openDurableStore,
  writeSnapshotTo,
} from '../../src/durability/index.js';
import { DatabaseError, Status } from '../../src/errors/index.js';
import { GraphStore } from '../../src/storage/index.js';
import { commitItems, overwriteFile } from './crash-support.js';
import { dumpGraph } from './graph-dump.js';

async function snapshotChunks(store: GraphStore): Promise<Uint8Array[]> {
  const chunks: Uint8Array[] = [];
  await writeSnapshotTo((chunk) => {
    chunks.push(chunk.slice());
    return Promise.resolve();
  }, store);
  return chunks;
}

function isStatus(status: (typeof Status)[keyof typeof Status]) {
  return (error: unknown): true => {
    assert.ok(error instanceof DatabaseError, String(error));
    assert.equal(error.status, status);
    return true;
  };
}

test('a snapshot received as bytes installs into a new directory with the same ids and database id', async () => {
  const source = new GraphStore();
  await commitItems(source, 25);
  await source.createIndex({
    entity: 'NODE',
    token: source.tokens.labels.getOrCreate('Item'),
    properties: [source.tokens.propertyKeys.getOrCreate('seq')],
  });
  const fileSystem = new FaultyFileSystem();
  const result = await installSnapshot('/restored', await snapshotChunks(source), fileSystem);
  assert.equal(result.header.commitTs, source.lastCommitTs);
  fileSystem.crash();
  const durable = await openDurableStore({ directory: '/restored', fileSystem });
  assert.deepEqual(dumpGraph(durable.store), dumpGraph(source));
  await commitItems(durable.store, 1, 25);
  await durable.close();
});

test('installing refuses a directory that holds a database and bytes that are not a valid snapshot', async () => {
  const source = new GraphStore();
  await commitItems(source, 3);
  const chunks = await snapshotChunks(source);
  const fileSystem = new FaultyFileSystem();
  const durable = await openDurableStore({ directory: '/busy', fileSystem });
  await durable.close();
  await assert.rejects(installSnapshot('/busy', chunks, fileSystem), isStatus(Status.ExistingDatabaseFound));
  const whole = Buffer.concat(chunks);
  await assert.rejects(
    installSnapshot('/fresh', [whole.subarray(0, whole.length - 3)], fileSystem),
    isStatus(Status.StorageDamageDetected),
  );
  assert.deepEqual(await fileSystem.list('/fresh/snapshots'), []);
  assert.equal(await fileSystem.exists('/fresh/LOCK'), false);
});

test('the directory check passes a sound database and names damaged files', async () => {
  const fileSystem = new FaultyFileSystem();
  const durable = await openDurableStore({ directory: '/db', fileSystem, snapshotsToKeep: 3 });
  await commitItems(durable.store, 5);
  const older = await durable.snapshot();
  await commitItems(durable.store, 5, 5);
  await durable.snapshot();
  await commitItems(durable.store, 4, 10);
  const healthy = await checkDataDirectory({ directory: '/db', fileSystem });
  assert.deepEqual(healthy.problems, []);
  assert.equal(healthy.ok, true);
  assert.deepEqual(
    { nodes: healthy.nodes, relationships: healthy.relationships, wal: healthy.walRecords },
    {
      nodes: 14,
      relationships: 11,
      wal: 4,
    },
  );
  await durable.close();

  const bytes = fileSystem.fileBytes(older.path);
  assert.ok(bytes !== undefined);
  await overwriteFile(fileSystem, older.path, bytes.subarray(0, bytes.length - 1));
  const damaged = await checkDataDirectory({ directory: '/db', fileSystem });
  assert.equal(damaged.ok, false);
  assert.equal(damaged.problems.length, 1);
  assert.match(damaged.problems[0] ?? '', /Older snapshot: Snapshot ".*" is damaged/);
  assert.equal(damaged.nodes, 14, 'the newest snapshot still recovers everything');
});

test('the directory check reports a WAL damaged in the middle without repairing it', async () => {
  const fileSystem = new FaultyFileSystem();
  const durable = await openDurableStore({ directory: '/db', fileSystem, snapshotOnClose: false });
  await commitItems(durable.store, 6);
  await durable.close();
  const [segment] = await fileSystem.list('/db/wal');
  const path = `/db/wal/${segment ?? ''}`;
  const bytes = fileSystem.fileBytes(path);
  assert.ok(bytes !== undefined);
  const damaged = bytes.slice();
  // A byte in a middle record: valid frames follow it, so this is damage, not a torn tail.
  const middle = Math.floor(damaged.length * 0.6);
  damaged[middle] = (damaged[middle] ?? 0) ^ 0xff;
  await overwriteFile(fileSystem, path, damaged);
  const report = await checkDataDirectory({ directory: '/db', fileSystem });
  assert.equal(report.ok, false);
  assert.match(report.problems.join('\n'), /wal-\d{20}\.log/);
  assert.deepEqual(fileSystem.fileBytes(path), damaged, 'the check changes nothing');
});
