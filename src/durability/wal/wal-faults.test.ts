import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { FaultAction, FaultyFileSystem, FileOperation } from '../fs/faulty-file-system.js';
import {
  WAL_DIRECTORY,
  isTransactionLogError,
  readAll,
  sampleRecord,
  seededRandom,
  walFileSystem,
} from './wal-test-support.fixture.js';
import { WalWriter } from './wal-writer.js';

/*
 * Fault injection at every file operation of the WAL writer: a scripted workload (open, concurrent
 * appends, rotations by size and on demand, retirement, close) is run once to count its operations, then
 * once per operation index and fault action with that operation failing. After the fault the file system
 * crashes (tearing unsynced writes) and the log is read back: every acknowledged record must be there, no
 * rejected one may be, the records must come back in commit order, and the only errors anyone sees are
 * TransactionLogError (writer) — recovery itself must never find damage. A second life then reopens the
 * log at the recovered position, appends, crashes again and reads everything back.
 */

/** `unknown`: rejected, but the writer could neither cut nor fence the failed bytes (it says so). */
type Outcome = 'acked' | 'rejected' | 'unknown';

function isOutcomeUnknown(error: unknown): boolean {
  return error instanceof Error && error.message.startsWith('The outcome of the transaction is unknown');
}

interface WorkloadResult {
  readonly outcomes: Map<number, Outcome>;
  /**
   * Whether retireSegments(RETIRE_THROUGH) was called: then records up to it may be gone, even when it
   * failed, since a later directory sync can make a removal durable.
   */
  retired: boolean;
  readonly unexpected: unknown[];
}

function newResult(): WorkloadResult {
  return { outcomes: new Map(), retired: false, unexpected: [] };
}

const RETIRE_THROUGH = 6;
const ACTIONS: readonly FaultAction[] = [
  { fail: 'ENOSPC' },
  { fail: 'EIO' },
  { tearAfter: 0 },
  { tearAfter: 5 },
  { tearAfter: 31 },
  { tearAfter: 90 },
];

async function runWorkload(
  fileSystem: FaultyFileSystem,
  policy: 'commit' | 'relaxed',
  result: WorkloadResult = newResult(),
): Promise<WorkloadResult> {
  const { outcomes, unexpected } = result;
  const track = async (ts: number, promise: Promise<void>): Promise<void> => {
    try {
      await promise;
      outcomes.set(ts, 'acked');
    } catch (error) {
      outcomes.set(ts, isOutcomeUnknown(error) ? 'unknown' : 'rejected');
      if (!isTransactionLogError(error)) unexpected.push(error);
    }
  };
  const expectLogError = (error: unknown): void => {
    if (!isTransactionLogError(error)) unexpected.push(error);
  };
  let writer: WalWriter;
  try {
    writer = await WalWriter.open({
      fileSystem,
      directory: WAL_DIRECTORY,
      databaseId: 'db-1',
      nextCommitTs: 1,
      syncPolicy: policy,
      relaxedSyncIntervalMs: 60_000,
      segmentBytes: 260,
    });
  } catch (error) {
    expectLogError(error);
    return result;
  }
  const append = (ts: number): Promise<void> => track(ts, writer.append(sampleRecord(ts)));
  // Appends made in one turn of the event loop share a write; the first of each group goes alone, so that
  // faults hit single-record batches as well as shared ones.
  const group = async (...timestamps: number[]): Promise<void> => {
    const [first, ...rest] = timestamps;
    const alone = first === undefined ? undefined : append(first);
    await new Promise((resolve) => setImmediate(resolve));
    await Promise.all([alone, ...rest.map(append)]);
  };
  await group(1, 2, 3, 4);
  await append(5);
  await writer.rotate().catch(expectLogError);
  await group(6, 7);
  result.retired = true;
  await writer.retireSegments(RETIRE_THROUGH).catch(expectLogError);
  await group(8, 9, 10, 11, 12, 13);
  await writer.flush().catch(expectLogError);
  await append(14);
  await writer.close().catch(expectLogError);
  return result;
}

function checkRecovered(
  recovered: readonly number[],
  result: WorkloadResult,
  policy: 'commit' | 'relaxed',
  label: string,
): void {
  assert.deepEqual(result.unexpected, [], `${label}: only TransactionLogError may surface`);
  assert.deepEqual(
    recovered,
    [...recovered].sort((a, b) => a - b),
    `${label}: commit order`,
  );
  for (const ts of recovered) {
    assert.notEqual(result.outcomes.get(ts), 'rejected', `${label}: rejected record ${ts} came back`);
  }
  if (policy === 'relaxed') return;
  for (const [ts, outcome] of result.outcomes) {
    if (outcome !== 'acked' || (result.retired && ts <= RETIRE_THROUGH)) continue;
    assert.ok(recovered.includes(ts), `${label}: acknowledged record ${ts} was lost`);
  }
  // Prefix consistency: nothing recovered after a record that was lost without being retired.
  const highest = Math.max(0, ...recovered);
  for (const [ts, outcome] of result.outcomes) {
    if (ts < highest && outcome === 'acked' && !(result.retired && ts <= RETIRE_THROUGH)) {
      assert.ok(recovered.includes(ts), `${label}: gap at ${ts}`);
    }
  }
}

async function secondLife(
  fileSystem: FaultyFileSystem,
  recovered: readonly number[],
  label: string,
): Promise<void> {
  const { report } = await readAll(fileSystem);
  const next = report.lastCommitTs + 1;
  const writer = await WalWriter.open({
    fileSystem,
    directory: WAL_DIRECTORY,
    databaseId: 'db-1',
    nextCommitTs: next,
  });
  await writer.append(sampleRecord(next));
  await writer.append(sampleRecord(next + 1));
  fileSystem.crash({ tear: true, random: seededRandom(next) });
  const again = (await readAll(fileSystem)).records.map((record) => record.commitTs);
  assert.deepEqual(again, [...recovered, next, next + 1], `${label}: second life`);
}

interface MatrixSummary {
  readonly runs: number;
  readonly operations: number;
  /** Runs in which some record was rejected, and in which recovery cut a torn tail. */
  readonly withRejections: number;
  readonly withTornTail: number;
  /** Runs in which the writer said a failed batch's outcome is unknown. */
  readonly withUnknown: number;
}

/**
 * Which further operations fail after the first fault: none; every truncate (the writer's cut-back), so
 * only the fence keeps the failed bytes out; or every truncate and every fence file operation too.
 */
type FollowUp = 'none' | 'cut fails' | 'cut and fence fail';

function followUpFault(followUp: FollowUp, op: FileOperation): FaultAction | undefined {
  if (followUp === 'none') return undefined;
  if (op.kind === 'truncate') return { fail: 'EIO' };
  if (followUp === 'cut and fence fail' && op.path.includes('.fence')) return { fail: 'EIO' };
  return undefined;
}

async function faultMatrix(
  policy: 'commit' | 'relaxed',
  followUp: FollowUp = 'none',
): Promise<MatrixSummary> {
  const baseline = await walFileSystem();
  const first = baseline.operationCount;
  await runWorkload(baseline, policy);
  const last = baseline.operationCount;
  assert.ok(last - first > 20, `the workload has ${last - first} operations`);
  let runs = 0;
  let withRejections = 0;
  let withTornTail = 0;
  let withUnknown = 0;
  for (let index = first; index < last; index++) {
    for (const action of ACTIONS) {
      const label = `${policy}, fault ${JSON.stringify(action)} at operation ${index}`;
      const fileSystem = await walFileSystem();
      fileSystem.setFaultPlan((op) =>
        op.index === index ? action : op.index > index ? followUpFault(followUp, op) : undefined,
      );
      const result = await runWorkload(fileSystem, policy);
      fileSystem.setFaultPlan(undefined);
      fileSystem.crash({ tear: true, random: seededRandom(index * 31 + runs) });
      const { records, report } = await readAll(fileSystem);
      if ([...result.outcomes.values()].includes('rejected')) withRejections++;
      if ([...result.outcomes.values()].includes('unknown')) withUnknown++;
      if (report.tornTail !== undefined) withTornTail++;
      const recovered = records.map((record) => record.commitTs);
      assert.deepEqual(records, recovered.map(sampleRecord), `${label}: records intact`);
      checkRecovered(recovered, result, policy, label);
      await secondLife(fileSystem, recovered, label);
      runs++;
    }
  }
  return { runs, operations: last - first, withRejections, withTornTail, withUnknown };
}

test('without faults the workload acknowledges every record and a crash loses none', async () => {
  const fileSystem = await walFileSystem();
  const result = await runWorkload(fileSystem, 'commit');
  assert.equal([...result.outcomes.values()].filter((outcome) => outcome === 'acked').length, 14);
  assert.equal(result.retired, true);
  fileSystem.crash({ tear: true, random: seededRandom(1) });
  const recovered = (await readAll(fileSystem)).records.map((record) => record.commitTs);
  assert.deepEqual(
    recovered.filter((ts) => ts > RETIRE_THROUGH),
    [7, 8, 9, 10, 11, 12, 13, 14],
  );
});

test('a fault at any operation of the commit-mode workload loses no acknowledged record', async () => {
  const summary = await faultMatrix('commit');
  assert.equal(summary.runs, summary.operations * ACTIONS.length);
  assert.ok(summary.withRejections > summary.runs / 2, JSON.stringify(summary));
});

test('a fault at any operation of the relaxed-mode workload never resurrects a rejected record', async () => {
  const summary = await faultMatrix('relaxed');
  assert.equal(summary.runs, summary.operations * ACTIONS.length);
  assert.ok(summary.withRejections > summary.runs / 2, JSON.stringify(summary));
});

test('a crash at any operation of the workload keeps every record acknowledged before it', async () => {
  const baseline = await walFileSystem();
  const first = baseline.operationCount;
  await runWorkload(baseline, 'commit');
  const last = baseline.operationCount;
  let withTornTail = 0;
  for (let index = first; index < last; index++) {
    for (const seed of [1, 2, 3]) {
      const label = `crash at operation ${index}, seed ${seed}`;
      const fileSystem = await walFileSystem();
      const atCrash = { acked: [] as number[], retired: false };
      const state = newResult();
      const dying = { midWrite: false };
      const crash = (): void => {
        dying.midWrite = false;
        fileSystem.crash({ tear: true, random: seededRandom(index * 7 + seed) });
      };
      fileSystem.setFaultPlan((op) => {
        if (dying.midWrite) crash();
        if (op.index === index) {
          atCrash.retired = state.retired;
          // The process dies here: what it acknowledged so far is what clients saw; whatever it does
          // afterwards fails, as a dead process writes nothing. Dying in the middle of an append, it got
          // part of the bytes out first (unsynced, even for a syncEachAppend file): a torn write.
          atCrash.acked = [...state.outcomes].filter(([, outcome]) => outcome === 'acked').map(([ts]) => ts);
          if (op.kind === 'append' && (op.bytes ?? 0) > 1) {
            dying.midWrite = true;
            return { tearAfter: Math.floor(seededRandom(index * 13 + seed)() * (op.bytes ?? 0)) };
          }
          crash();
        }
        return op.index >= index ? { fail: 'EIO' } : undefined;
      });
      const result = await runWorkload(fileSystem, 'commit', state);
      if (dying.midWrite) crash();
      fileSystem.setFaultPlan(undefined);
      const { records, report } = await readAll(fileSystem);
      if (report.tornTail !== undefined) withTornTail++;
      const recovered = records.map((record) => record.commitTs);
      assert.deepEqual(records, recovered.map(sampleRecord), `${label}: records intact`);
      assert.deepEqual(
        recovered,
        [...recovered].sort((a, b) => a - b),
        `${label}: commit order`,
      );
      assert.deepEqual(result.unexpected, [], `${label}: only TransactionLogError may surface`);
      for (const ts of atCrash.acked) {
        if (atCrash.retired && ts <= RETIRE_THROUGH) continue;
        assert.ok(recovered.includes(ts), `${label}: acknowledged record ${ts} was lost`);
      }
      await secondLife(fileSystem, recovered, label);
    }
  }
  assert.ok(withTornTail > 0, `${withTornTail} torn tails cut`);
});

test('when the cut-back after a failed write fails too, the fence keeps every rejected record out', async () => {
  for (const policy of ['commit', 'relaxed'] as const) {
    const summary = await faultMatrix(policy, 'cut fails');
    assert.ok(summary.withRejections > summary.runs / 2, JSON.stringify(summary));
    assert.equal(summary.withUnknown, 0, JSON.stringify(summary));
  }
});

test('when neither the cut-back nor the fence can be written, the writer says the outcome is unknown', async () => {
  const summary = await faultMatrix('commit', 'cut and fence fail');
  // Rejections from a segment that could not be created leave no bytes behind, so they are not unknown.
  assert.ok(summary.withUnknown > summary.withRejections / 2, JSON.stringify(summary));
});
