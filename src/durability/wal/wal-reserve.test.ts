import assert from 'node:assert/strict';
import { test } from 'node:test';
import { encodeFrame } from '../codec/frame.js';
import { encodeCommitRecord } from '../codec/record-codec.js';
import { WAL_FORMAT_V1, WAL_FORMAT_V2 } from '../format-versions.js';
import type { FaultyFileSystem } from '../fs/faulty-file-system.js';
import { encodeWalHeader, walSegmentName } from './wal-format.js';
import {
  WAL_DIRECTORY,
  isStorageDamage,
  openWalWriter,
  readAll,
  sampleRecord,
  walFileSystem,
} from './wal-test-support.fixture.js';
import type { WalWriter, WalWriterOptions } from './wal-writer.js';

/*
 * Format 2's reserved tail (wal-format.ts): under the fsync-per-commit policy the writer keeps zeros synced
 * ahead of its records, so a commit's write changes no file size; readers take zeros that run to the end of
 * a segment as its end, and anything else where a frame should start stays a torn frame or damage.
 */

const RESERVE = 512;
const FIRST = walSegmentName(1);
const PATH = `${WAL_DIRECTORY}/${FIRST}`;
const range = (from: number, to: number): number[] =>
  Array.from({ length: to - from + 1 }, (_, index) => from + index);
const frameOf = (ts: number): Uint8Array => encodeFrame(encodeCommitRecord(sampleRecord(ts)));

function openWriter(
  fileSystem: FaultyFileSystem,
  options: Partial<WalWriterOptions> = {},
): Promise<WalWriter> {
  return openWalWriter(fileSystem, { reserveBytes: RESERVE, ...options });
}

/** Segment 1 as a cleanly closed writer leaves it after records 1..count (no reserve, tokens stripped). */
async function closedSegment(count: number): Promise<Uint8Array> {
  const fileSystem = await walFileSystem();
  const writer = await openWriter(fileSystem);
  for (const ts of range(1, count)) await writer.append(sampleRecord(ts));
  await writer.close();
  return fileSystem.fileBytes(PATH) ?? new Uint8Array(0);
}

/** Where the records 1..count end in segment 1. */
async function recordsEnd(count: number): Promise<number> {
  return (await closedSegment(count)).length;
}

/** Writes segment 1 directly: a header of `formatVersion`, then `body`. */
async function writeSegment(
  fileSystem: FaultyFileSystem,
  formatVersion: number,
  body: Uint8Array[],
): Promise<void> {
  const file = await fileSystem.openAppend(PATH);
  await file.append(encodeWalHeader({ formatVersion, firstCommitTs: 1, databaseId: 'db-1' }));
  for (const bytes of body) await file.append(bytes);
  await file.sync();
  await file.close();
  await fileSystem.syncDirectory(WAL_DIRECTORY);
}

test('the open segment ends in reserved zeros, which read as its end, not as a torn tail', async () => {
  const fileSystem = await walFileSystem();
  const writer = await openWriter(fileSystem);
  for (const ts of range(1, 3)) await writer.append(sampleRecord(ts));
  const end = await recordsEnd(3);
  const content = fileSystem.fileBytes(PATH) ?? new Uint8Array(0);
  assert.ok(content.length > end, 'zeros were reserved ahead');
  assert.ok(content.subarray(end).every((byte) => byte === 0));
  fileSystem.crash();
  const checked = await readAll(fileSystem, { repair: false });
  assert.deepEqual(checked.records, range(1, 3).map(sampleRecord));
  assert.equal(checked.report.tornTail, undefined);
  assert.equal(fileSystem.fileBytes(PATH)?.length, content.length, 'a check changes nothing');
  const repaired = await readAll(fileSystem);
  assert.equal(repaired.report.tornTail, undefined);
  assert.equal(fileSystem.fileBytes(PATH)?.length, end, 'repair cuts the zeros off');
});

test('the writer reserves again when the records reach the end of the reserve', async () => {
  const fileSystem = await walFileSystem();
  const writer = await openWriter(fileSystem);
  let reserves = 0;
  fileSystem.setFaultPlan((op) => {
    if (op.kind === 'reserve') reserves++;
    return undefined;
  });
  const count = Math.ceil((2 * RESERVE) / frameOf(1).length) + 1;
  for (const ts of range(1, count)) await writer.append(sampleRecord(ts));
  assert.ok(reserves >= 2 && reserves < count / 2, `${reserves} reserves for ${count} records`);
  fileSystem.crash();
  assert.deepEqual((await readAll(fileSystem)).records, range(1, count).map(sampleRecord));
});

test('close and rotation cut the reserve off, so a closed segment ends at its last record', async () => {
  const fileSystem = await walFileSystem();
  const writer = await openWriter(fileSystem);
  for (const ts of range(1, 2)) await writer.append(sampleRecord(ts));
  await writer.rotate();
  assert.equal(fileSystem.fileBytes(PATH)?.length, await recordsEnd(2));
  await writer.append(sampleRecord(3));
  await writer.close();
  const second = fileSystem.fileBytes(`${WAL_DIRECTORY}/${walSegmentName(3)}`) ?? new Uint8Array(0);
  assert.notEqual(second.at(-1), 0, 'the second segment ends in its record');
  fileSystem.crash();
  assert.deepEqual((await readAll(fileSystem, { repair: false })).records, range(1, 3).map(sampleRecord));
});

test('the relaxed policy reserves nothing', async () => {
  const fileSystem = await walFileSystem();
  const writer = await openWriter(fileSystem, { syncPolicy: 'relaxed', relaxedSyncIntervalMs: 60_000 });
  await writer.append(sampleRecord(1));
  await writer.flush();
  assert.equal(fileSystem.fileBytes(PATH)?.length, await recordsEnd(1));
  await writer.close();
});

test('a record torn over the reserved zeros is a torn tail, cut where it starts', async () => {
  const fileSystem = await walFileSystem();
  const writer = await openWriter(fileSystem);
  for (const ts of range(1, 2)) await writer.append(sampleRecord(ts));
  // The process dies in the middle of the third write: 11 bytes reached the file, then nothing more ran.
  let died = false;
  fileSystem.setFaultPlan((op) => {
    if (died) {
      fileSystem.crash({ tear: true, random: () => 0.99 });
      return { fail: 'EIO' };
    }
    if (op.kind !== 'append') return undefined;
    died = true;
    return { tearAfter: 11 };
  });
  await assert.rejects(writer.append(sampleRecord(3)));
  fileSystem.setFaultPlan(undefined);
  const content = fileSystem.fileBytes(PATH) ?? new Uint8Array(0);
  const end = await recordsEnd(2);
  assert.deepEqual(content.subarray(end, end + 11), (await closedSegment(3)).subarray(end, end + 11));
  const { records, report } = await readAll(fileSystem);
  assert.deepEqual(records, range(1, 2).map(sampleRecord));
  assert.deepEqual(report.tornTail, {
    segment: FIRST,
    offset: end,
    droppedBytes: content.length - end,
  });
  assert.equal(fileSystem.fileBytes(PATH)?.length, end);
});

test('zeros that do not run to the end of the segment are no end: a valid record behind them is damage', async () => {
  const fileSystem = await walFileSystem();
  await writeSegment(fileSystem, WAL_FORMAT_V2, [frameOf(1), new Uint8Array(16), frameOf(2)]);
  await assert.rejects(readAll(fileSystem, { repair: false }), isStorageDamage);
});

test('in a format 1 segment, zeros where a frame would start are a torn tail', async () => {
  const fileSystem = await walFileSystem();
  await writeSegment(fileSystem, WAL_FORMAT_V1, [frameOf(1), new Uint8Array(40)]);
  const { records, report } = await readAll(fileSystem, { repair: false });
  assert.deepEqual(records, [sampleRecord(1)]);
  assert.equal(report.tornTail?.droppedBytes, 40);
});

test('a failed reserve (disk full) only stops reserving: records are still written and acknowledged', async () => {
  const fileSystem = await walFileSystem();
  fileSystem.setFaultPlan((op) => (op.kind === 'reserve' ? { fail: 'ENOSPC' } : undefined));
  const writer = await openWriter(fileSystem);
  for (const ts of range(1, 4)) await writer.append(sampleRecord(ts));
  assert.equal(writer.stats.poisoned, false);
  assert.equal(fileSystem.fileBytes(PATH)?.length, await recordsEnd(4), 'no zeros');
  fileSystem.crash();
  assert.deepEqual((await readAll(fileSystem)).records, range(1, 4).map(sampleRecord));
});

test('open replaces a segment holding only a header and reserved zeros (a crash before its first record)', async () => {
  const fileSystem = await walFileSystem();
  await writeSegment(fileSystem, WAL_FORMAT_V2, [new Uint8Array(RESERVE)]);
  const writer = await openWriter(fileSystem);
  await writer.append(sampleRecord(1));
  fileSystem.crash();
  assert.deepEqual((await readAll(fileSystem)).records, [sampleRecord(1)]);
});
