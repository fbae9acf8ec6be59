import assert from 'node:assert/strict';
import { test } from 'node:test';
import { walSegmentName } from './wal-format.js';
import {
  WAL_DIRECTORY,
  isTransactionLogError,
  openWalWriter as openWriter,
  readAll,
  sampleRecord,
  walFileSystem,
} from './wal-test-support.fixture.js';

const range = (from: number, to: number): number[] =>
  Array.from({ length: to - from + 1 }, (_, index) => from + index);

test('open creates a durable segment named after the next commit ts, holding only the header', async () => {
  const fileSystem = await walFileSystem();
  const writer = await openWriter(fileSystem, { nextCommitTs: 7 });
  fileSystem.crash();
  assert.deepEqual(await fileSystem.list(WAL_DIRECTORY), [walSegmentName(7)]);
  const { records, report } = await readAll(fileSystem);
  assert.deepEqual(records, []);
  assert.equal(report.databaseId, 'db-1');
  assert.equal(writer.stats.segments, 1);
});

test('appended records are durable once their promises resolve, in commit order', async () => {
  const fileSystem = await walFileSystem();
  const writer = await openWriter(fileSystem);
  for (const ts of range(1, 5)) await writer.append(sampleRecord(ts));
  fileSystem.crash();
  const { records } = await readAll(fileSystem);
  assert.deepEqual(records, range(1, 5).map(sampleRecord));
});

test('group commit: appends of one turn of the event loop share a durable write, later ones the next', async () => {
  // Under the fsync-per-commit policy a segment is open with syncEachAppend: each append is a durable write.
  const fileSystem = await walFileSystem();
  const writer = await openWriter(fileSystem);
  const resolved: number[] = [];
  const acknowledgedAtWrite: number[] = [];
  fileSystem.setFaultPlan((op) => {
    if (op.kind === 'append' || op.kind === 'sync') acknowledgedAtWrite.push(resolved.length);
    return undefined;
  });
  const append = (ts: number): Promise<void> =>
    writer.append(sampleRecord(ts)).then(() => {
      resolved.push(ts);
    });
  const first = range(1, 12).map(append);
  // A later turn: these form the next batch.
  await new Promise((resolve) => setImmediate(resolve));
  const second = range(13, 20).map(append);
  await Promise.all([...first, ...second]);
  assert.deepEqual(resolved, range(1, 20), 'each batch acknowledged in order');
  assert.deepEqual(acknowledgedAtWrite, [0, 0], 'two durable writes, the second before any acknowledgement');
  assert.equal(writer.stats.batches, 2);
  assert.equal(writer.stats.records, 20);
  fileSystem.crash();
  assert.deepEqual((await readAll(fileSystem)).records, range(1, 20).map(sampleRecord));
});

test('records that arrive during a write go to the disk before that write is acknowledged', async () => {
  // The acknowledgements run the commits' completion and their clients' responses: the disk must not wait
  // for them. Still one write at a time: the next batch starts only once the one before is durable.
  const fileSystem = await walFileSystem();
  const writer = await openWriter(fileSystem);
  const resolved: number[] = [];
  const acknowledgedAtWrite: number[] = [];
  const append = (ts: number): Promise<void> =>
    writer.append(sampleRecord(ts)).then(() => {
      resolved.push(ts);
    });
  let second: Promise<void>[] = [];
  fileSystem.setFaultPlan((op) => {
    if (op.kind !== 'append') return undefined;
    acknowledgedAtWrite.push(resolved.length);
    // While the first batch is being written, more commits arrive.
    if (acknowledgedAtWrite.length === 1) second = range(5, 8).map(append);
    return undefined;
  });
  const first = range(1, 4).map(append);
  await Promise.all(first);
  await Promise.all(second);
  assert.deepEqual(resolved, range(1, 8), 'acknowledged in commit order');
  assert.deepEqual(
    acknowledgedAtWrite,
    [0, 0],
    'the second write was issued before the first was acknowledged',
  );
  assert.equal(writer.stats.batches, 2);
  fileSystem.crash();
  assert.deepEqual((await readAll(fileSystem)).records, range(1, 8).map(sampleRecord));
});

test('records out of commit order are refused', async () => {
  const writer = await openWriter(await walFileSystem(), { nextCommitTs: 5 });
  await assert.rejects(writer.append(sampleRecord(4)), /commit order/);
  await writer.append(sampleRecord(5));
  await assert.rejects(writer.append(sampleRecord(5)), /commit order/);
});

test('segments rotate past segmentBytes, each readable on its own, and retire removes the old ones', async () => {
  const fileSystem = await walFileSystem();
  const writer = await openWriter(fileSystem, { segmentBytes: 200 });
  for (const ts of range(1, 30)) await writer.append(sampleRecord(ts));
  const names = await fileSystem.list(WAL_DIRECTORY);
  assert.ok(names.length >= 4, `${names.length} segments`);
  assert.equal(writer.stats.segments, names.length);
  assert.deepEqual((await readAll(fileSystem)).records, range(1, 30).map(sampleRecord));
  // Each segment alone: move every other segment away and read what is left.
  const retired = await writer.retireSegments(20);
  assert.ok(retired.length > 0);
  const left = await fileSystem.list(WAL_DIRECTORY);
  assert.deepEqual([...retired, ...left].sort(), names);
  const { records } = await readAll(fileSystem);
  const first = records[0]?.commitTs ?? 0;
  assert.ok(first <= 21, 'every record after the retired commit ts is still there');
  assert.deepEqual(records, range(first, 30).map(sampleRecord));
  fileSystem.crash();
  assert.deepEqual(await fileSystem.list(WAL_DIRECTORY), left, 'retirement is durable');
});

test('a segment with the later half of the log still knows every token name it uses', async () => {
  const fileSystem = await walFileSystem();
  const writer = await openWriter(fileSystem);
  for (const ts of range(1, 6)) await writer.append(sampleRecord(ts));
  await writer.rotate();
  for (const ts of range(7, 9)) await writer.append(sampleRecord(ts));
  assert.deepEqual(await writer.retireSegments(6), [walSegmentName(1)]);
  assert.deepEqual((await readAll(fileSystem)).records, range(7, 9).map(sampleRecord));
});

test('rotate names the new segment after the next commit ts and is a no-op on an empty segment', async () => {
  const fileSystem = await walFileSystem();
  const writer = await openWriter(fileSystem);
  await writer.rotate();
  assert.deepEqual(await fileSystem.list(WAL_DIRECTORY), [walSegmentName(1)]);
  await writer.append(sampleRecord(1));
  await writer.append(sampleRecord(3));
  await writer.rotate();
  assert.deepEqual(await fileSystem.list(WAL_DIRECTORY), [walSegmentName(1), walSegmentName(4)]);
  assert.deepEqual(await writer.retireSegments(2), []);
  assert.deepEqual(await writer.retireSegments(3), [walSegmentName(1)]);
  assert.deepEqual(await writer.retireSegments(100), [], 'never the current segment');
});

test('relaxed mode acknowledges after the write and syncs on flush, close or its timer', async () => {
  const fileSystem = await walFileSystem();
  const writer = await openWriter(fileSystem, { syncPolicy: 'relaxed', relaxedSyncIntervalMs: 10 });
  const syncsAtOpen = writer.stats.syncs;
  await writer.append(sampleRecord(1));
  await writer.append(sampleRecord(2));
  assert.equal(writer.stats.syncs, syncsAtOpen, 'no sync per commit');
  await new Promise((resolve) => setTimeout(resolve, 40));
  assert.ok(writer.stats.syncs > syncsAtOpen, 'the timer synced');
  await writer.append(sampleRecord(3));
  await writer.close();
  fileSystem.crash();
  assert.deepEqual((await readAll(fileSystem)).records, range(1, 3).map(sampleRecord));
});

test('relaxed mode may lose acknowledged records in a crash, but only a suffix of them', async () => {
  const fileSystem = await walFileSystem();
  const writer = await openWriter(fileSystem, { syncPolicy: 'relaxed', relaxedSyncIntervalMs: 60_000 });
  await writer.append(sampleRecord(1));
  await writer.flush();
  await writer.append(sampleRecord(2));
  fileSystem.crash();
  assert.deepEqual((await readAll(fileSystem)).records, [sampleRecord(1)]);
});

test('disk full rejects the batch with TransactionLogError naming ENOSPC, then poisons the writer', async () => {
  const fileSystem = await walFileSystem();
  const writer = await openWriter(fileSystem);
  await writer.append(sampleRecord(1));
  fileSystem.setFaultPlan((op) => (op.kind === 'append' ? { fail: 'ENOSPC' } : undefined));
  await assert.rejects(writer.append(sampleRecord(2)), (error) => {
    assert.ok(isTransactionLogError(error));
    assert.match((error as Error).message, /disk is full \(ENOSPC\)/);
    return true;
  });
  fileSystem.setFaultPlan(undefined);
  await assert.rejects(writer.append(sampleRecord(3)), (error) => {
    assert.ok(isTransactionLogError(error));
    assert.match((error as Error).message, /earlier failure/);
    return true;
  });
  assert.equal(writer.stats.poisoned, true);
  await assert.rejects(writer.flush(), isTransactionLogError);
  await writer.close();
  fileSystem.crash();
  assert.deepEqual((await readAll(fileSystem)).records, [sampleRecord(1)]);
});

test('a durable write that fails after its bytes went out is cut off again, so the rejected records never come back', async () => {
  // With syncEachAppend the write is the sync: an EIO once every byte reached the file is a failed fsync.
  const fileSystem = await walFileSystem();
  const writer = await openWriter(fileSystem);
  await writer.append(sampleRecord(1));
  let failures = 0;
  fileSystem.setFaultPlan((op) =>
    op.kind === 'append' && failures++ === 0 ? { tearAfter: op.bytes ?? 0 } : undefined,
  );
  const results = await Promise.allSettled([2, 3, 4].map((ts) => writer.append(sampleRecord(ts))));
  assert.ok(results.every((result) => result.status === 'rejected' && isTransactionLogError(result.reason)));
  assert.match(String((results[0] as PromiseRejectedResult).reason), /I\/O error \(EIO\)/);
  fileSystem.setFaultPlan(undefined);
  fileSystem.crash({ tear: true, random: () => 0.99 });
  assert.deepEqual((await readAll(fileSystem)).records, [sampleRecord(1)]);
});

test('a failed sync in relaxed mode cuts the unsynced records off and poisons the writer', async () => {
  const fileSystem = await walFileSystem();
  const writer = await openWriter(fileSystem, { syncPolicy: 'relaxed', relaxedSyncIntervalMs: 60_000 });
  await writer.append(sampleRecord(1));
  await writer.flush();
  await writer.append(sampleRecord(2));
  fileSystem.setFaultPlan((op) => (op.kind === 'sync' ? { fail: 'EIO' } : undefined));
  await assert.rejects(writer.flush(), isTransactionLogError);
  fileSystem.setFaultPlan(undefined);
  await assert.rejects(writer.append(sampleRecord(3)), /earlier failure/);
  // Record 2 was acknowledged (relaxed mode may lose a suffix), but its bytes are gone even without a crash.
  assert.deepEqual((await readAll(fileSystem)).records, [sampleRecord(1)]);
});

test('close flushes and later appends are rejected', async () => {
  const fileSystem = await walFileSystem();
  const writer = await openWriter(fileSystem);
  const pending = writer.append(sampleRecord(1));
  await writer.close();
  await pending;
  await assert.rejects(writer.append(sampleRecord(2)), /closed/);
  await writer.close();
});

test('open replaces a header-only segment left by a crash with the same name, but never one with records', async () => {
  const fileSystem = await walFileSystem();
  await openWriter(fileSystem, { nextCommitTs: 3 });
  fileSystem.crash();
  const writer = await openWriter(fileSystem, { nextCommitTs: 3 });
  await writer.append(sampleRecord(3));
  fileSystem.crash();
  await assert.rejects(openWriter(fileSystem, { nextCommitTs: 3 }), isTransactionLogError);
  assert.deepEqual((await readAll(fileSystem)).records, [sampleRecord(3)]);
});
