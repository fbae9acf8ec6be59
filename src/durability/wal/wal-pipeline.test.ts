import assert from 'node:assert/strict';
import { test } from 'node:test';
import { batchHeadersAfter } from './wal-batch.js';
import { walSegmentName } from './wal-format.js';
import {
  WAL_DIRECTORY,
  isTransactionLogError,
  openWalWriter,
  readAll,
  sampleRecord,
  seededRandom,
  walFileSystem,
} from './wal-test-support.fixture.js';

/*
 * Two writes in flight (the writer's default): a batch goes to the file while the one before it is still
 * being written, acknowledgements stay in log order, and a crash with both in flight, whatever survives of
 * each, recovers a prefix of the log holding every acknowledged record, without damage.
 */

const PATH = `${WAL_DIRECTORY}/${walSegmentName(1)}`;
const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

for (const writesInFlight of [1, 2]) {
  test(`with ${writesInFlight} write(s) in flight, batches overlap up to that many`, async () => {
    const fileSystem = await walFileSystem();
    fileSystem.appendTurns = 3;
    const writer = await openWalWriter(fileSystem, { writesInFlight });
    let most = 0;
    fileSystem.setFaultPlan((op) => {
      // Counted before this append joins them.
      if (op.kind === 'append') most = Math.max(most, fileSystem.appendsInFlight(PATH) + 1);
      return undefined;
    });
    const acknowledged: number[] = [];
    const pending: Promise<void>[] = [];
    for (let ts = 1; ts <= 30; ts++) {
      pending.push(writer.append(sampleRecord(ts)).then(() => void acknowledged.push(ts)));
      if (ts % 3 === 0) await nextTurn();
    }
    await Promise.all(pending);
    assert.equal(most, writesInFlight);
    assert.deepEqual(
      acknowledged,
      Array.from({ length: 30 }, (_, index) => index + 1),
      'acknowledged in log order',
    );
    await writer.close();
    assert.deepEqual(
      (await readAll(fileSystem)).records.map((record) => record.commitTs),
      acknowledged,
    );
  });
}

test('a crash with two writes in flight recovers a prefix of the log with every acknowledged record', async () => {
  let laterKeptEarlierLost = 0;
  let runs = 0;
  for (let seed = 1; seed <= 400; seed++) {
    const random = seededRandom(seed);
    const fileSystem = await walFileSystem();
    fileSystem.appendTurns = 2 + (seed % 3);
    const writer = await openWalWriter(fileSystem, { reserveBytes: seed % 2 === 0 ? 4096 : 0 });
    const acknowledged: number[] = [];
    const life = { crashed: false };
    const crashAfterAppends = 2 + Math.floor(random() * 6);
    let appends = 0;
    let atCrash: number[] = [];
    fileSystem.setFaultPlan((op) => {
      // Nothing the dying process tries after the crash reaches the disk.
      if (life.crashed) return { fail: 'EIO' };
      if (op.kind !== 'append') return undefined;
      appends++;
      if (appends >= crashAfterAppends && fileSystem.appendsInFlight(PATH) > 0) {
        life.crashed = true;
        // Right after this append has gone out too, before either completes.
        queueMicrotask(() => {
          atCrash = [...acknowledged];
          fileSystem.crash({ tear: true, random });
        });
      }
      return undefined;
    });
    let ts = 0;
    while (!life.crashed && ts < 200) {
      const batch = 1 + Math.floor(random() * 4);
      for (let index = 0; index < batch; index++) {
        const commitTs = ++ts;
        writer.append(sampleRecord(commitTs)).then(
          () => void acknowledged.push(commitTs),
          () => undefined,
        );
      }
      await nextTurn();
    }
    assert.ok(life.crashed, `seed ${seed}: the crash happened`);
    await nextTurn();
    fileSystem.setFaultPlan(undefined);
    // Whether the crash kept a later write behind a torn one: the case the batch headers exist for.
    const before = await readAll(fileSystem, { repair: false });
    const crashedBytes = fileSystem.fileBytes(PATH) ?? new Uint8Array(0);
    const torn = before.report.tornTail;
    if (torn !== undefined && batchHeadersAfter(crashedBytes, torn.offset, 1).length > 0)
      laterKeptEarlierLost++;
    const { records, report } = await readAll(fileSystem);
    const recovered = records.map((record) => record.commitTs);
    assert.deepEqual(
      recovered,
      Array.from({ length: recovered.length }, (_, index) => index + 1),
      `seed ${seed}: a prefix of the log`,
    );
    for (const commitTs of atCrash) assert.ok(recovered.includes(commitTs), `seed ${seed}: ${commitTs} lost`);
    if (report.tornTail !== undefined) {
      assert.equal(fileSystem.fileBytes(PATH)?.length, report.tornTail.offset, `seed ${seed}: cut`);
    }
    runs++;
    // The log goes on after the crash.
    const next = await openWalWriter(fileSystem, { nextCommitTs: recovered.length + 1 });
    await next.append(sampleRecord(recovered.length + 1));
    await next.close();
    assert.equal((await readAll(fileSystem)).records.length, recovered.length + 1, `seed ${seed}: reopened`);
  }
  assert.equal(runs, 400);
  assert.ok(laterKeptEarlierLost > 20, `${laterKeptEarlierLost} crashes kept a write behind a torn one`);
  console.log(`# ${laterKeptEarlierLost} of ${runs} crashes kept a write behind a torn one`);
});

test('a write failing while the one before it is in flight: the first is acknowledged, the rest rejected', async () => {
  const fileSystem = await walFileSystem();
  fileSystem.appendTurns = 3;
  const writer = await openWalWriter(fileSystem);
  let appends = 0;
  fileSystem.setFaultPlan((op) => {
    if (op.kind !== 'append') return undefined;
    appends++;
    return appends === 2 ? { tearAfter: 20 } : undefined;
  });
  const first = [1, 2].map((ts) => writer.append(sampleRecord(ts)));
  await nextTurn();
  const second = [3, 4].map((ts) => writer.append(sampleRecord(ts)));
  await Promise.all(first);
  for (const outcome of second) await assert.rejects(outcome, isTransactionLogError);
  await assert.rejects(writer.append(sampleRecord(5)), isTransactionLogError);
  fileSystem.setFaultPlan(undefined);
  fileSystem.crash({ tear: true, random: seededRandom(3) });
  assert.deepEqual(
    (await readAll(fileSystem)).records.map((record) => record.commitTs),
    [1, 2],
  );
});
