import assert from 'node:assert/strict';
import { test } from 'node:test';
import { encodeFrame } from '../codec/frame.js';
import { encodeCommitRecord } from '../codec/record-codec.js';
import type { FaultyFileSystem } from '../fs/faulty-file-system.js';
import { BATCH_HEADER_BYTES } from './wal-batch.js';
import { encodeWalHeader, walSegmentName } from './wal-format.js';
import {
  WAL_DIRECTORY,
  isStorageDamage,
  readAll,
  sampleRecord,
  walFileSystem,
} from './wal-test-support.fixture.js';
import { WalWriter } from './wal-writer.js';

const range = (from: number, to: number): number[] =>
  Array.from({ length: to - from + 1 }, (_, index) => from + index);

/** Writes segments directly: header for `firstCommitTs`, then the given bytes. */
async function writeSegment(
  fileSystem: FaultyFileSystem,
  firstCommitTs: number,
  body: readonly Uint8Array[],
  databaseId = 'db-1',
): Promise<string> {
  const path = `${WAL_DIRECTORY}/${walSegmentName(firstCommitTs)}`;
  const file = await fileSystem.openAppend(path);
  await file.append(encodeWalHeader({ formatVersion: 1, firstCommitTs, databaseId }));
  for (const bytes of body) await file.append(bytes);
  await file.sync();
  await file.close();
  await fileSystem.syncDirectory(WAL_DIRECTORY);
  return path;
}

const frameOf = (ts: number): Uint8Array => encodeFrame(encodeCommitRecord(sampleRecord(ts)));

async function writtenLog(count: number): Promise<FaultyFileSystem> {
  const fileSystem = await walFileSystem();
  const writer = await WalWriter.open({
    fileSystem,
    directory: WAL_DIRECTORY,
    databaseId: 'db-1',
    nextCommitTs: 1,
  });
  for (const ts of range(1, count)) await writer.append(sampleRecord(ts));
  await writer.close();
  return fileSystem;
}

function corrupt(fileSystem: FaultyFileSystem, path: string, offset: number): Promise<void> {
  const bytes = fileSystem.fileBytes(path) ?? new Uint8Array(0);
  bytes[offset] = (bytes[offset] ?? 0) ^ 0x40;
  return rewrite(fileSystem, path, bytes);
}

async function rewrite(fileSystem: FaultyFileSystem, path: string, bytes: Uint8Array): Promise<void> {
  const file = await fileSystem.openAppend(path);
  await file.truncate(0);
  await file.append(bytes);
  await file.sync();
  await file.close();
}

test('an empty or missing WAL directory reads as no records', async () => {
  const fileSystem = await walFileSystem();
  const { records, report } = await readAll(fileSystem, { afterCommitTs: 5 });
  assert.deepEqual(records, []);
  assert.deepEqual(report, {
    databaseId: undefined,
    segments: 0,
    recordsRead: 0,
    recordsApplied: 0,
    lastCommitTs: 5,
  });
});

test('records at or below afterCommitTs are read and checked but not applied', async () => {
  const fileSystem = await writtenLog(6);
  const { records, report } = await readAll(fileSystem, { afterCommitTs: 4 });
  assert.deepEqual(records, [sampleRecord(5), sampleRecord(6)]);
  assert.equal(report.recordsRead, 6);
  assert.equal(report.recordsApplied, 2);
  assert.equal(report.lastCommitTs, 6);
});

test('a torn tail of the last segment is cut at every possible length, and repair makes it permanent', async () => {
  const fileSystem = await writtenLog(3);
  const path = `${WAL_DIRECTORY}/${walSegmentName(1)}`;
  const whole = fileSystem.fileBytes(path) ?? new Uint8Array(0);
  const extra = frameOf(4);
  for (let length = 1; length < extra.length; length++) {
    await rewrite(fileSystem, path, new Uint8Array([...whole, ...extra.subarray(0, length)]));
    const { records, report } = await readAll(fileSystem, { repair: false });
    assert.deepEqual(records, range(1, 3).map(sampleRecord));
    assert.deepEqual(report.tornTail, {
      segment: walSegmentName(1),
      offset: whole.length,
      droppedBytes: length,
    });
    assert.equal(fileSystem.fileBytes(path)?.length, whole.length + length, 'without repair nothing changes');
  }
  const { report } = await readAll(fileSystem);
  assert.ok(report.tornTail !== undefined);
  fileSystem.crash();
  assert.deepEqual(fileSystem.fileBytes(path), whole);
  assert.equal((await readAll(fileSystem)).report.tornTail, undefined);
});

test('a damaged batch in the middle of the last segment stops reading with StorageDamageDetected', async () => {
  const fileSystem = await writtenLog(5);
  const path = `${WAL_DIRECTORY}/${walSegmentName(1)}`;
  // The writer writes format 3: each awaited record is a batch of its own, behind a batch header.
  const header = encodeWalHeader({ formatVersion: 1, firstCommitTs: 1, databaseId: 'db-1' }).length;
  const second = header + BATCH_HEADER_BYTES + frameOf(1).length;
  const frame = second + BATCH_HEADER_BYTES;
  for (const offset of [second, second + 2, second + 9, second + 30, frame, frame + 5, frame + 12]) {
    const pristine = fileSystem.fileBytes(path) ?? new Uint8Array(0);
    await corrupt(fileSystem, path, offset);
    await assert.rejects(readAll(fileSystem), (error) => {
      assert.ok(isStorageDamage(error));
      assert.match(
        (error as Error).message,
        new RegExp(`${walSegmentName(1)}" is damaged at offset ${second}`),
      );
      return true;
    });
    await rewrite(fileSystem, path, pristine);
  }
});

test('damage to the record that first defined a token is still damage, not a torn tail', async () => {
  // The first record of a segment writes the token names the records after it refer to: the search for
  // valid frames behind the damage must not depend on them, or acknowledged records would be cut.
  const fileSystem = await writtenLog(6);
  const path = `${WAL_DIRECTORY}/${walSegmentName(1)}`;
  const header = encodeWalHeader({ formatVersion: 1, firstCommitTs: 1, databaseId: 'db-1' }).length;
  await corrupt(fileSystem, path, header + 12);
  await assert.rejects(readAll(fileSystem), isStorageDamage);
});

test('a torn frame in a segment that is not the last is damage', async () => {
  const fileSystem = await walFileSystem();
  await writeSegment(fileSystem, 1, [frameOf(1), frameOf(2).subarray(0, 10)]);
  await writeSegment(fileSystem, 3, [frameOf(3)]);
  await assert.rejects(readAll(fileSystem), /is not the last/);
});

test('a last segment with a torn header is removed by repair; an earlier one is damage', async () => {
  const fileSystem = await walFileSystem();
  await writeSegment(fileSystem, 1, [frameOf(1)]);
  const header = encodeWalHeader({ formatVersion: 1, firstCommitTs: 2, databaseId: 'db-1' });
  const torn = `${WAL_DIRECTORY}/${walSegmentName(2)}`;
  const file = await fileSystem.openAppend(torn);
  await file.append(header.subarray(0, 11));
  await file.sync();
  await fileSystem.syncDirectory(WAL_DIRECTORY);
  const { records, report } = await readAll(fileSystem);
  assert.deepEqual(records, [sampleRecord(1)]);
  assert.deepEqual(report.tornTail, { segment: walSegmentName(2), offset: 0, droppedBytes: 11 });
  fileSystem.crash();
  assert.deepEqual(await fileSystem.list(WAL_DIRECTORY), [walSegmentName(1)]);

  await writeSegment(fileSystem, 5, [frameOf(5)]);
  const earlier = await fileSystem.openAppend(`${WAL_DIRECTORY}/${walSegmentName(3)}`);
  await earlier.append(header.subarray(0, 11));
  await assert.rejects(readAll(fileSystem), isStorageDamage);
});

test('an empty segment file other than the last is damage', async () => {
  const fileSystem = await walFileSystem();
  await (await fileSystem.openAppend(`${WAL_DIRECTORY}/${walSegmentName(1)}`)).close();
  await writeSegment(fileSystem, 2, [frameOf(2)]);
  await assert.rejects(readAll(fileSystem), /segment header is damaged/);
});

test('a foreign database id, an unknown format or a file that is no segment is damage', async () => {
  const other = await walFileSystem();
  await writeSegment(other, 1, [frameOf(1)]);
  await writeSegment(other, 2, [frameOf(2)], 'db-2');
  await assert.rejects(readAll(other), /belongs to database "db-2"/);

  const future = await walFileSystem();
  const path = await writeSegment(future, 1, [frameOf(1)]);
  const bytes = future.fileBytes(path) ?? new Uint8Array(0);
  const header = encodeWalHeader({ formatVersion: 9, firstCommitTs: 1, databaseId: 'db-1' });
  bytes.set(header);
  await rewrite(future, path, bytes);
  await assert.rejects(readAll(future), /unknown WAL format version 9/);

  const foreign = await walFileSystem();
  const file = await foreign.openAppend(`${WAL_DIRECTORY}/${walSegmentName(1)}`);
  await file.append(new TextEncoder().encode('some other file'));
  await assert.rejects(readAll(foreign), /not a WAL segment header/);
});

test('commit timestamps that do not increase, or leave their segment range, are damage', async () => {
  const repeated = await walFileSystem();
  await writeSegment(repeated, 1, [frameOf(1), frameOf(3), frameOf(2)]);
  await assert.rejects(readAll(repeated), /commit ts 2 does not follow 3/);

  const overlapping = await walFileSystem();
  await writeSegment(overlapping, 1, [frameOf(1), frameOf(4)]);
  await writeSegment(overlapping, 3, [frameOf(5)]);
  await assert.rejects(readAll(overlapping), /outside the segment's range/);
});

test('records read back carry every token definition, also those written once earlier in the segment', async () => {
  const fileSystem = await writtenLog(8);
  const { records } = await readAll(fileSystem, { afterCommitTs: 6 });
  assert.deepEqual(records, [sampleRecord(7), sampleRecord(8)]);
});
