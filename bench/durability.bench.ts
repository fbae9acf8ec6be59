/**
 * Durability figures (issue #7), embedded, on the real file system in a temp directory:
 * - snapshot time and size, and recovery time, of the Pokec-shaped graph (QUIVER_BENCH_USERS users,
 *   default 100,000: about 1.5M relationships; goal: recovery under 3 s);
 * - durable single-CREATE commits per second with 1 and 8 concurrent writers on the storage API (every
 *   commit fsynced before it is acknowledged; group commit shares the fsyncs).
 * QUIVER_BENCH_SMOKE=1: 300 users and short rounds.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDurableStore, type DurableStore } from '../src/durability/index.js';
import { loadPokec } from '../test/storage/pokec-graph.js';
import type { BenchResult } from './support/bench-result.js';

const SUITE = 'durability';
const SMOKE = process.env['QUIVER_BENCH_SMOKE'] === '1';

function positiveInteger(text: string | undefined, fallback: number): number {
  const value = Number(text);
  return text !== undefined && Number.isInteger(value) && value > 0 ? value : fallback;
}

const USERS = SMOKE ? 300 : positiveInteger(process.env['QUIVER_BENCH_USERS'], 100_000);
const ROUND_MS = SMOKE ? 300 : 2000;
const ROUNDS = SMOKE ? 2 : 3;

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

function spreadOf(values: readonly number[]): number {
  const middle = median(values);
  return middle === 0 ? 0 : (Math.max(...values) - Math.min(...values)) / middle;
}

/** One result row for a duration: ops/s is 1000 / ms, the name carries the figures. */
function durationRow(name: string, samples: readonly number[]): BenchResult {
  const ms = median(samples);
  return {
    suite: SUITE,
    name: `${name}: ${ms.toFixed(0)} ms`,
    opsPerSecond: ms === 0 ? 0 : 1000 / ms,
    spread: spreadOf(samples),
    rounds: samples.length,
  };
}

async function measureSnapshotAndRecovery(directory: string): Promise<BenchResult[]> {
  const durable = await openDurableStore({ directory, syncPolicy: 'relaxed', snapshotOnClose: false });
  const graph = await loadPokec(durable.store, { users: USERS });
  const snapshotMs: number[] = [];
  let bytes = 0;
  for (let round = 0; round < ROUNDS; round++) {
    const info = await durable.snapshot();
    snapshotMs.push(info.durationMs);
    bytes = info.bytes;
  }
  await durable.close();
  const recoveryMs: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const started = performance.now();
    const reopened = await openDurableStore({ directory, snapshotOnClose: false });
    recoveryMs.push(performance.now() - started);
    await reopened.close();
  }
  const size = `${USERS} users, ${graph.relationships} relationships`;
  const recovery = durationRow(`recovery of ${size} (goal < 3000 ms)`, recoveryMs);
  process.stdout.write(
    `durability: snapshot ${median(snapshotMs).toFixed(0)} ms, ${(bytes / 1024 / 1024).toFixed(1)} MiB; ` +
      `recovery ${median(recoveryMs).toFixed(0)} ms (${size})\n`,
  );
  return [durationRow(`snapshot of ${size} (${(bytes / 1024 / 1024).toFixed(1)} MiB)`, snapshotMs), recovery];
}

/** Commits/s of `writers` concurrent loops each committing one CREATE at a time, for ROUND_MS. */
async function commitRate(durable: DurableStore, writers: number): Promise<number> {
  const { store } = durable;
  const label = store.tokens.labels.getOrCreate('Bench');
  const key = store.tokens.propertyKeys.getOrCreate('i');
  let commits = 0;
  const deadline = performance.now() + ROUND_MS;
  const started = performance.now();
  const writer = async (): Promise<void> => {
    while (performance.now() < deadline) {
      const tx = store.begin();
      tx.createNode([label], [[key, BigInt(commits)]]);
      await tx.commit();
      commits++;
    }
  };
  await Promise.all(Array.from({ length: writers }, writer));
  return (commits * 1000) / (performance.now() - started);
}

async function measureCommits(directory: string): Promise<BenchResult[]> {
  const durable = await openDurableStore({ directory, snapshotOnClose: false });
  const results: BenchResult[] = [];
  try {
    for (const writers of [1, 8]) {
      const samples: number[] = [];
      for (let round = 0; round < ROUNDS; round++) samples.push(await commitRate(durable, writers));
      results.push({
        suite: SUITE,
        name: `durable single-CREATE commits, ${writers} writer${writers === 1 ? '' : 's'} (embedded)`,
        opsPerSecond: median(samples),
        spread: spreadOf(samples),
        rounds: samples.length,
      });
    }
    const wal = durable.stats().wal;
    process.stdout.write(
      `durability: ${wal.records} records in ${wal.batches} batches, ${wal.syncs} syncs ` +
        `(${(wal.records / Math.max(1, wal.syncs)).toFixed(1)} records per sync)\n`,
    );
  } finally {
    await durable.close();
  }
  return results;
}

export async function run(): Promise<BenchResult[]> {
  const root = mkdtempSync(join(tmpdir(), 'quiver-durability-bench-'));
  try {
    return [
      ...(await measureSnapshotAndRecovery(join(root, 'pokec'))),
      ...(await measureCommits(join(root, 'commits'))),
    ];
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}
