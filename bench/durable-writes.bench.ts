/**
 * Durable single-CREATE transactions per second over Bolt (issue #7): a server process on a fresh data
 * directory, JS driver sessions in this process each running `CREATE (:Bench {i: $i})` auto-commit
 * transactions back to back. With the default policy every commit is fsynced before it is acknowledged;
 * concurrent commits share one fsync (group commit). Goal: ≥ 10,000/s with 8 clients. Rows for the relaxed
 * policy and for an in-memory server show what the fsync costs. QUIVER_BENCH_SMOKE=1: short rounds.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import neo4j, { type Driver } from 'neo4j-driver-6';
import type { BenchResult } from './support/bench-result.js';

const SUITE = 'durable-writes';
const GOAL_PER_SECOND = 10_000;
const SMOKE = process.env['QUIVER_BENCH_SMOKE'] === '1';
const ROUND_MS = SMOKE ? 400 : 2000;
const ROUNDS = SMOKE ? 2 : 5;
const SERVER_MAIN = fileURLToPath(new URL('./support/durable-server-main.js', import.meta.url));

interface ServerProcess {
  readonly url: string;
  readonly child: ChildProcess;
}

function startServerProcess(dataDir: string, policy: 'commit' | 'relaxed'): Promise<ServerProcess> {
  const child = spawn(process.execPath, [SERVER_MAIN, dataDir, policy], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    let output = '';
    child.stdout.setEncoding('utf8').on('data', (text: string) => {
      output += text;
      const match = /Bolt ready on (\S+)/.exec(output);
      if (match?.[1] !== undefined) resolve({ url: match[1], child });
    });
    child.once('exit', (code) => {
      reject(new Error(`server exited with ${String(code)} before it was ready`));
    });
  });
}

async function stopServerProcess(server: ServerProcess): Promise<void> {
  const exited = new Promise((resolve) => {
    server.child.once('exit', resolve);
  });
  server.child.kill('SIGTERM');
  await exited;
}

/** Commits per second of `clients` sessions running single-CREATE transactions for one round. */
async function measureRound(driver: Driver, clients: number): Promise<number> {
  let commits = 0;
  const deadline = performance.now() + ROUND_MS;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: clients }, async () => {
      const session = driver.session();
      try {
        while (performance.now() < deadline) {
          await session.run('CREATE (:Bench {i: $i})', { i: commits });
          commits++;
        }
      } finally {
        await session.close();
      }
    }),
  );
  return commits / ((performance.now() - started) / 1000);
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

async function measure(
  label: string,
  policy: 'commit' | 'relaxed' | 'memory',
  clients: number,
): Promise<BenchResult> {
  const dataDir = mkdtempSync(join(tmpdir(), 'quiver-bench-durable-'));
  const server = await startServerProcess(
    policy === 'memory' ? '-' : dataDir,
    policy === 'relaxed' ? 'relaxed' : 'commit',
  );
  // eslint-disable-next-line @typescript-eslint/no-unsafe-class-instance-assignment -- the driver types its config as a class; plain objects are how it is used
  const driver = neo4j.driver(server.url, neo4j.auth.basic('neo4j', 'password'), {
    maxConnectionPoolSize: clients + 1,
  });
  try {
    await measureRound(driver, clients); // warm-up: JIT, connections, query cache
    const samples: number[] = [];
    for (let round = 0; round < ROUNDS; round++) samples.push(await measureRound(driver, clients));
    const ops = median(samples);
    const spread = (Math.max(...samples) - Math.min(...samples)) / ops;
    console.log(
      `  ${label}: ${ops.toFixed(0)} commits/s (samples ${samples.map((s) => s.toFixed(0)).join(', ')})`,
    );
    return {
      suite: SUITE,
      name: label,
      opsPerSecond: ops,
      spread,
      rounds: ROUNDS,
      ...(policy === 'commit' && clients === 8
        ? {
            baseline: { name: 'goal 10k/s', opsPerSecond: GOAL_PER_SECOND },
            ratio: ops / GOAL_PER_SECOND,
            goal: 1,
          }
        : {}),
    };
  } finally {
    await driver.close();
    await stopServerProcess(server);
    rmSync(dataDir, { recursive: true, force: true });
  }
}

export async function run(): Promise<BenchResult[]> {
  return [
    await measure('fsync per commit, 1 client', 'commit', 1),
    await measure('fsync per commit, 8 clients', 'commit', 8),
    await measure('relaxed fsync, 8 clients', 'relaxed', 8),
    await measure('in memory (no files), 8 clients', 'memory', 8),
  ];
}
