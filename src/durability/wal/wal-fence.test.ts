import assert from 'node:assert/strict';
import { test } from 'node:test';
import { encodeFrame } from '../codec/frame.js';
import { encodeCommitRecord } from '../codec/record-codec.js';
import { writeWalFence, walFenceName } from './wal-fence.js';
import { encodeWalHeader, walSegmentName } from './wal-format.js';
import {
  WAL_DIRECTORY,
  isStorageDamage,
  readAll,
  sampleRecord,
  walFileSystem,
} from './wal-test-support.fixture.js';

const SEGMENT = walSegmentName(1);
const HEADER = encodeWalHeader({ formatVersion: 1, firstCommitTs: 1, databaseId: 'db-1' });
const frameOf = (ts: number): Uint8Array => encodeFrame(encodeCommitRecord(sampleRecord(ts)));

/** A segment holding records 1..3, all valid and synced. Returns the length after record 2. */
async function threeRecords(): Promise<{
  fileSystem: Awaited<ReturnType<typeof walFileSystem>>;
  cut: number;
}> {
  const fileSystem = await walFileSystem();
  const file = await fileSystem.openAppend(`${WAL_DIRECTORY}/${SEGMENT}`);
  await file.append(HEADER);
  await file.append(frameOf(1));
  await file.append(frameOf(2));
  const cut = HEADER.length + frameOf(1).length + frameOf(2).length;
  await file.append(frameOf(3));
  await file.sync();
  await file.close();
  await fileSystem.syncDirectory(WAL_DIRECTORY);
  return { fileSystem, cut };
}

test('recovery reads a fenced segment only up to its fence, then cuts it there and drops the fence', async () => {
  const { fileSystem, cut } = await threeRecords();
  await writeWalFence(fileSystem, WAL_DIRECTORY, SEGMENT, cut);
  const { records, report } = await readAll(fileSystem);
  assert.deepEqual(
    records.map((record) => record.commitTs),
    [1, 2],
  );
  assert.equal(report.tornTail?.offset, cut);
  assert.equal(await fileSystem.exists(`${WAL_DIRECTORY}/${walFenceName(SEGMENT)}`), false);
  fileSystem.crash();
  // The cut is durable: without the fence, record 3 stays gone.
  const again = await readAll(fileSystem);
  assert.deepEqual(
    again.records.map((record) => record.commitTs),
    [1, 2],
  );
});

test('a check without repair honours the fence and leaves it in place', async () => {
  const { fileSystem, cut } = await threeRecords();
  await writeWalFence(fileSystem, WAL_DIRECTORY, SEGMENT, cut);
  const { records } = await readAll(fileSystem, { repair: false });
  assert.deepEqual(
    records.map((record) => record.commitTs),
    [1, 2],
  );
  assert.equal(await fileSystem.exists(`${WAL_DIRECTORY}/${walFenceName(SEGMENT)}`), true);
});

test('a fence beyond the end of the segment cuts nothing and is removed', async () => {
  const { fileSystem } = await threeRecords();
  await writeWalFence(fileSystem, WAL_DIRECTORY, SEGMENT, 1_000_000);
  const { records, report } = await readAll(fileSystem);
  assert.equal(records.length, 3);
  assert.equal(report.tornTail, undefined);
  assert.equal(await fileSystem.exists(`${WAL_DIRECTORY}/${walFenceName(SEGMENT)}`), false);
});

test('a fence that holds no length is damage; a leftover temporary fence is ignored and removed', async () => {
  const { fileSystem } = await threeRecords();
  const temporary = await fileSystem.openAppend(`${WAL_DIRECTORY}/${SEGMENT}.fence.tmp`);
  await temporary.append(new TextEncoder().encode('12'));
  await temporary.close();
  assert.equal((await readAll(fileSystem)).records.length, 3);
  assert.equal(await fileSystem.exists(`${WAL_DIRECTORY}/${SEGMENT}.fence.tmp`), false);

  const fence = await fileSystem.openAppend(`${WAL_DIRECTORY}/${walFenceName(SEGMENT)}`);
  await fence.append(new TextEncoder().encode('twelve\n'));
  await fence.close();
  await assert.rejects(readAll(fileSystem), isStorageDamage);
});
