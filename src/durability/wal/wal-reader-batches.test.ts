import assert from 'node:assert/strict';
import { test } from 'node:test';
import { encodeFrame } from '../codec/frame.js';
import { encodeCommitRecord } from '../codec/record-codec.js';
import { WAL_FORMAT_V3 } from '../format-versions.js';
import type { FaultyFileSystem } from '../fs/faulty-file-system.js';
import { BATCH_HEADER_BYTES, writeBatchHeader } from './wal-batch.js';
import { encodeWalHeader, walSegmentName } from './wal-format.js';
import {
  WAL_DIRECTORY,
  isStorageDamage,
  readAll,
  sampleRecord,
  walFileSystem,
} from './wal-test-support.fixture.js';

/*
 * Format 3's torn-batch rule (wal-format.ts), on segments built by hand: an invalid batch at the end of the
 * last segment is cut even when writes that were in flight with it landed behind it, and only then.
 */

const HEADER = encodeWalHeader({ formatVersion: WAL_FORMAT_V3, firstCommitTs: 1, databaseId: 'db-1' });
const PATH = `${WAL_DIRECTORY}/${walSegmentName(1)}`;

interface BatchSpec {
  readonly records: readonly number[];
  /** Overrides of the header fields (defaults: the batch chain as a writer with 2 in flight writes it). */
  readonly previousStart?: number;
  readonly writesInFlight?: number;
  /** Replace the whole batch with zeros of its length (a write that never landed). */
  readonly lost?: boolean;
}

/** A format 3 segment of `specs`, as bytes, with every batch's start. */
function segmentOf(specs: readonly BatchSpec[]): { bytes: Uint8Array; starts: number[] } {
  const parts: Uint8Array[] = [HEADER];
  const starts: number[] = [];
  let offset = HEADER.length;
  let previous = 0;
  for (const spec of specs) {
    const frames = spec.records.map((ts) => encodeFrame(encodeCommitRecord(sampleRecord(ts))));
    const size = BATCH_HEADER_BYTES + frames.reduce((sum, frame) => sum + frame.length, 0);
    const batch = new Uint8Array(size);
    writeBatchHeader(batch, {
      start: offset,
      frameBytes: size - BATCH_HEADER_BYTES,
      previousStart: spec.previousStart ?? previous,
      writesInFlight: spec.writesInFlight ?? 2,
    });
    let at = BATCH_HEADER_BYTES;
    for (const frame of frames) {
      batch.set(frame, at);
      at += frame.length;
    }
    parts.push(spec.lost === true ? new Uint8Array(size) : batch);
    starts.push(offset);
    previous = offset;
    offset += size;
  }
  const bytes = new Uint8Array(offset);
  let at = 0;
  for (const part of parts) {
    bytes.set(part, at);
    at += part.length;
  }
  return { bytes, starts };
}

async function store(bytes: Uint8Array, path = PATH): Promise<FaultyFileSystem> {
  const fileSystem = await walFileSystem();
  const file = await fileSystem.openAppend(path);
  await file.append(bytes);
  await file.sync();
  await file.close();
  await fileSystem.syncDirectory(WAL_DIRECTORY);
  return fileSystem;
}

const commitTss = async (fileSystem: FaultyFileSystem): Promise<number[]> =>
  (await readAll(fileSystem)).records.map((record) => record.commitTs);

test('format 3 batches are read in order, up to a reserved zero tail', async () => {
  const { bytes } = segmentOf([{ records: [1, 2] }, { records: [3] }, { records: [4, 5, 6] }]);
  const fileSystem = await store(new Uint8Array([...bytes, ...new Uint8Array(100)]));
  assert.deepEqual(await commitTss(fileSystem), [1, 2, 3, 4, 5, 6]);
  assert.equal(fileSystem.fileBytes(PATH)?.length, bytes.length, 'repair cut the zeros');
});

test('a lost write with the write that was in flight with it landed behind it is a torn tail', async () => {
  const { bytes, starts } = segmentOf([{ records: [1] }, { records: [2, 3], lost: true }, { records: [4] }]);
  const fileSystem = await store(bytes);
  const { records, report } = await readAll(fileSystem);
  assert.deepEqual(
    records.map((record) => record.commitTs),
    [1],
  );
  assert.deepEqual(report.tornTail, {
    segment: walSegmentName(1),
    offset: starts[1],
    droppedBytes: bytes.length - (starts[1] ?? 0),
  });
  assert.equal(fileSystem.fileBytes(PATH)?.length, starts[1], 'the later write was cut with it');
});

test('a batch torn at any byte, with or without its successor behind it, is cut at its start', async () => {
  const { bytes, starts } = segmentOf([{ records: [1] }, { records: [2, 3] }, { records: [4] }]);
  const [, second = 0, third = 0] = starts;
  for (let index = second; index < third; index++) {
    for (const keepThird of [false, true]) {
      const damaged = keepThird ? bytes.slice() : bytes.slice(0, third);
      damaged[index] = (damaged[index] ?? 0) ^ 0x01;
      const { records, report } = await readAll(await store(damaged), { repair: false });
      assert.deepEqual(
        records.map((record) => record.commitTs),
        [1],
        `byte ${index}`,
      );
      assert.equal(report.tornTail?.offset, second, `byte ${index}`);
    }
  }
});

test('an invalid batch followed by more valid batches than can have been in flight is damage', async () => {
  const { bytes, starts } = segmentOf([
    { records: [1] },
    { records: [2], lost: true },
    { records: [3] },
    { records: [4] },
  ]);
  await assert.rejects(readAll(await store(bytes)), (error) => {
    assert.ok(isStorageDamage(error));
    assert.match(
      (error as Error).message,
      new RegExp(`damaged at offset ${starts[1]}: invalid batch .* cannot have been in flight`),
    );
    return true;
  });
  // A writer that keeps 3 writes in flight may leave two of them behind a lost one.
  const three = segmentOf([
    { records: [1], writesInFlight: 3 },
    { records: [2], lost: true },
    { records: [3], writesInFlight: 3 },
    { records: [4], writesInFlight: 3 },
  ]);
  assert.deepEqual(await commitTss(await store(three.bytes)), [1]);
});

test('a valid batch behind an invalid one that names an earlier batch before it is damage', async () => {
  // Batch 3 says the batch before it is batch 1: it was written after batch 2 had completed, so batch 2 was
  // not in flight at the crash and cannot be torn.
  const { bytes } = segmentOf([
    { records: [1] },
    { records: [2], lost: true },
    { records: [3], previousStart: HEADER.length },
  ]);
  await assert.rejects(readAll(await store(bytes)), isStorageDamage);
  // One that says it came with 1 write in flight cannot have been in flight with another.
  const single = segmentOf([
    { records: [1] },
    { records: [2], lost: true },
    { records: [3], writesInFlight: 1 },
  ]);
  await assert.rejects(readAll(await store(single.bytes)), isStorageDamage);
});

test('an invalid batch in a segment that is not the last is damage', async () => {
  const { bytes } = segmentOf([{ records: [1] }, { records: [2], lost: true }, { records: [3] }]);
  const fileSystem = await store(bytes);
  const next = encodeWalHeader({ formatVersion: WAL_FORMAT_V3, firstCommitTs: 10, databaseId: 'db-1' });
  const file = await fileSystem.openAppend(`${WAL_DIRECTORY}/${walSegmentName(10)}`);
  await file.append(next);
  await file.sync();
  await file.close();
  await fileSystem.syncDirectory(WAL_DIRECTORY);
  await assert.rejects(readAll(fileSystem), (error) => {
    assert.ok(isStorageDamage(error));
    assert.match((error as Error).message, /not the last/);
    return true;
  });
});

test('a batch naming the wrong batch before it is not read, and one holding no frame is not a batch', async () => {
  const wrong = segmentOf([{ records: [1] }, { records: [2], previousStart: 5 }]);
  assert.deepEqual(await commitTss(await store(wrong.bytes)), [1]);
  const empty = segmentOf([{ records: [1] }, { records: [] }]);
  assert.deepEqual(await commitTss(await store(empty.bytes)), [1]);
});

test('a power loss that keeps a later page of the last writes without an earlier one is a torn tail', async () => {
  // Two writes in flight, each spanning several 4 KiB pages; the disk kept some of their pages and not
  // others. Nothing of either was acknowledged, so both are cut, whichever pages survived.
  const records = (from: number): number[] => Array.from({ length: 120 }, (_, index) => from + index);
  const { bytes, starts } = segmentOf([{ records: [1] }, { records: records(2) }, { records: records(122) }]);
  const [, second = 0] = starts;
  assert.ok(bytes.length - second > 2 * 4096, `${bytes.length - second} bytes in flight`);
  const firstPage = Math.ceil(second / 4096) * 4096;
  for (let lost = firstPage - 4096; lost < bytes.length; lost += 4096) {
    const damaged = bytes.slice();
    damaged.fill(0, Math.max(lost, second), Math.min(lost + 4096, bytes.length));
    if (lost + 4096 >= bytes.length) continue; // the last page lost: an ordinary torn tail
    const { records: read, report } = await readAll(await store(damaged), { repair: false });
    // A page that touches the first of the two writes makes it invalid; else only the second is.
    const expected = lost < (starts[2] ?? 0) ? [1] : [1, ...records(2)];
    assert.deepEqual(
      read.map((record) => record.commitTs),
      expected,
      `page at ${lost} lost`,
    );
    assert.equal(report.tornTail?.offset, expected.length === 1 ? second : starts[2], `page at ${lost} lost`);
  }
});
