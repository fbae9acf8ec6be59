/**
 * Recovery must read every released format: each fixture (a snapshot and a WAL written by the build that
 * introduced the format, see make-fixtures.ts) recovers to exactly the graph of fixture-graph.ts.
 * format-v1: WAL format 1, snapshot format 1. format-v2: WAL format 2, its last segment left with reserved
 * zeros as a crash leaves it; snapshot format 1. format-v4: WAL format 4 and snapshot format 2, with TEXT,
 * POINT and VECTOR indexes in both. format-v3: WAL format 3 (batch headers), likewise left with
 * reserved zeros; snapshot format 1. format-v5: WAL format 5 and snapshot format 3, with FULLTEXT indexes
 * as well.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import {
  checkDataDirectory,
  FaultyFileSystem,
  openDurableStore,
  WAL_FORMAT_V1,
  WAL_FORMAT_V2,
  WAL_FORMAT_V3,
  WAL_FORMAT_V4,
  WAL_FORMAT_V5,
} from '../../src/durability/index.js';
import { GraphStore } from '../../src/storage/index.js';
import {
  buildFulltextIndexes,
  buildSnapshotPart,
  buildTypedIndexes,
  buildWalPart,
  FIXTURE_DATABASE_ID,
} from './fixture-graph.js';
import { dumpGraph } from './graph-dump.js';

const fixtures = join(resolve(dirname(fileURLToPath(import.meta.url)), '../../..'), 'test/crash/fixtures');
const DIRECTORY = '/fixture';
const FORMATS = [
  { name: 'format-v1', walFormat: WAL_FORMAT_V1 },
  { name: 'format-v2', walFormat: WAL_FORMAT_V2 },
  { name: 'format-v3', walFormat: WAL_FORMAT_V3 },
  { name: 'format-v4', walFormat: WAL_FORMAT_V4, typedIndexes: true },
  { name: 'format-v5', walFormat: WAL_FORMAT_V5, typedIndexes: true, fulltextIndexes: true },
] as const;

/** The fixture copied into an in-memory file system (recovery may repair files; the fixture stays as it is). */
async function loadFixture(name: string): Promise<FaultyFileSystem> {
  const fixture = join(fixtures, name);
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

for (const format of FORMATS) {
  const { name, walFormat } = format;
  const typedIndexes = 'typedIndexes' in format;
  const fulltextIndexes = 'fulltextIndexes' in format;
  test(`the ${name} fixture holds WAL format ${walFormat} and recovers to exactly the expected graph`, async () => {
    const wal = readdirSync(join(fixtures, name, 'wal'));
    assert.equal(wal.length, 1);
    // The format version is the u32 at offset 8 of a segment (wal-format.ts).
    assert.equal(readFileSync(join(fixtures, name, 'wal', wal[0] ?? '')).readUInt32LE(8), walFormat);
    const expected = new GraphStore({ databaseId: FIXTURE_DATABASE_ID });
    await buildSnapshotPart(expected);
    if (typedIndexes) await buildTypedIndexes(expected, 'snapshot');
    if (fulltextIndexes) await buildFulltextIndexes(expected, 'snapshot');
    const snapshotTs = expected.lastCommitTs;
    await buildWalPart(expected);
    if (typedIndexes) await buildTypedIndexes(expected, 'wal');
    if (fulltextIndexes) await buildFulltextIndexes(expected, 'wal');
    const fileSystem = await loadFixture(name);
    const durable = await openDurableStore({ directory: DIRECTORY, fileSystem, snapshotOnClose: false });
    assert.equal(durable.store.databaseId, FIXTURE_DATABASE_ID);
    assert.equal(durable.recovery.snapshotCommitTs, snapshotTs);
    assert.equal(durable.recovery.walRecords, expected.lastCommitTs - snapshotTs);
    assert.deepEqual(dumpGraph(durable.store), dumpGraph(expected));
    assert.deepEqual(durable.store.verifyConsistency(), []);
    assert.equal(durable.recovery.tornTail, undefined);
    await durable.close();
  });

  test(`the ${name} fixture passes the directory check`, async () => {
    const report = await checkDataDirectory({ directory: DIRECTORY, fileSystem: await loadFixture(name) });
    assert.deepEqual(report.problems, []);
    assert.equal(report.ok, true);
    assert.equal(report.nodes, 4);
    assert.equal(report.relationships, 3);
  });

  test(`the ${name} fixture files stay small`, () => {
    let total = 0;
    for (const folder of ['wal', 'snapshots']) {
      for (const file of readdirSync(join(fixtures, name, folder)))
        total += readFileSync(join(fixtures, name, folder, file)).length;
    }
    assert.ok(total > 0 && total < 50 * 1024, `${total} bytes`);
  });
}
