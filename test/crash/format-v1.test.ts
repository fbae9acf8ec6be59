/**
 * Recovery must read every released format: the format-v1 fixture (a snapshot and a WAL written by the
 * first durable build, see make-fixtures.ts) recovers to exactly the graph of fixture-graph.ts.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { checkDataDirectory, FaultyFileSystem, openDurableStore } from '../../src/durability/index.js';
import { GraphStore } from '../../src/storage/index.js';
import { buildSnapshotPart, buildWalPart, FIXTURE_DATABASE_ID } from './fixture-graph.js';
import { dumpGraph } from './graph-dump.js';

const fixture = join(
  resolve(dirname(fileURLToPath(import.meta.url)), '../../..'),
  'test/crash/fixtures/format-v1',
);
const DIRECTORY = '/fixture';

/** The fixture copied into an in-memory file system (recovery may repair files; the fixture stays as it is). */
async function loadFixture(): Promise<FaultyFileSystem> {
  const fileSystem = new FaultyFileSystem();
  for (const folder of ['wal', 'snapshots']) {
    await fileSystem.makeDirectory(`${DIRECTORY}/${folder}`);
    for (const name of readdirSync(join(fixture, folder))) {
      const file = await fileSystem.openAppend(`${DIRECTORY}/${folder}/${name}`, { exclusive: true });
      await file.append(new Uint8Array(readFileSync(join(fixture, folder, name))));
      await file.sync();
      await file.close();
    }
  }
  return fileSystem;
}

test('the format-v1 fixture recovers to exactly the expected graph', async () => {
  const expected = new GraphStore({ databaseId: FIXTURE_DATABASE_ID });
  await buildSnapshotPart(expected);
  const snapshotTs = expected.lastCommitTs;
  await buildWalPart(expected);
  const fileSystem = await loadFixture();
  const durable = await openDurableStore({ directory: DIRECTORY, fileSystem, snapshotOnClose: false });
  assert.equal(durable.store.databaseId, FIXTURE_DATABASE_ID);
  assert.equal(durable.recovery.snapshotCommitTs, snapshotTs);
  assert.equal(durable.recovery.walRecords, expected.lastCommitTs - snapshotTs);
  assert.deepEqual(dumpGraph(durable.store), dumpGraph(expected));
  assert.deepEqual(durable.store.verifyConsistency(), []);
  await durable.close();
});

test('the format-v1 fixture passes the directory check', async () => {
  const report = await checkDataDirectory({ directory: DIRECTORY, fileSystem: await loadFixture() });
  assert.deepEqual(report.problems, []);
  assert.equal(report.ok, true);
  assert.equal(report.nodes, 4);
  assert.equal(report.relationships, 3);
});

test('the fixture files stay small', () => {
  let total = 0;
  for (const folder of ['wal', 'snapshots']) {
    for (const name of readdirSync(join(fixture, folder)))
      total += readFileSync(join(fixture, folder, name)).length;
  }
  assert.ok(total > 0 && total < 50 * 1024, `${total} bytes`);
});
