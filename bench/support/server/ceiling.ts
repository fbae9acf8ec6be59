/**
 * The driver-ceiling half of the server benchmark (issue #6: "at least 90% of the driver ceiling on
 * streaming and RETURN 1"): neo4j-driver 6.x against the REAL server (a `quiver serve` child process with the
 * engine) and, in the same rounds, against the replay server (bench/support/replay-server.ts, in a worker
 * thread), the fastest possible server for the same conversation. Workloads: sequential `RETURN 1 AS x` on
 * one session, and streams of ints, 5-key maps and nodes (the bench backend's queries, which the engine runs
 * for real; the nodes are `:Person` nodes loaded first with the same properties).
 *
 * `quiver serve` polls for the next request for 500 µs after each response by default (idle polling,
 * docs/adr/0010-idle-polling.md), which the minimal replay server does not: it saves the wake-up
 * latency of a sleeping thread, which on this VM is tens of microseconds per round trip. So every workload is
 * measured twice, against the minimal replay server (the ceiling the issue names) and against the same
 * replay server with the same idle polling, which tells what Quiver's own work costs the driver.
 *
 * Each row's name carries the CPU time per operation of the Quiver server process (whole process, from
 * /proc/<pid>/stat, and its main thread alone, without V8's GC and compiler threads), of the replay
 * thread and of the driver (main thread) against each, because on a 2-core machine shared with other
 * work the ratio mostly tells how much of the driver's core the server took.
 */
import { readFileSync } from 'node:fs';
import neo4j, { type Driver } from 'neo4j-driver-6';
import { BoltClient } from '../../../src/bolt/index.js';
import { DEFAULT_IDLE_POLL_MICROS } from '../../../src/cli/serve-options.js';
import { BENCH_QUERIES } from '../bench-backend.js';
import type { BenchResult } from '../bench-result.js';
import { compareAsync, isSmoke, withCpuAccounting } from '../bolt-measure.js';
import { QUIVER_NEWEST_VERSION, startServerWorker, type ServerWorker } from '../bolt-server-worker.js';
import { countRecords } from '../driver-records.js';

const SUITE = 'server-bolt';
const GOAL = 0.9;

const SIZES = isSmoke
  ? { ints: 50_000, maps: 10_000, nodes: 10_000, roundTripMs: 150, roundTripRounds: 3, rounds: 3, warmups: 1 }
  : // Round trips: many short rounds, whose paired ratios cancel a shared machine's slow phases. Streams:
    // 15 rounds, because one pair's ratio of identical work ranges over 0.6–1.4 on this VM (the driver's CPU
    // per record alone moves by ±20% from run to run), and the median of 7 moved by ±0.1 between runs.
    {
      ints: 1_000_000,
      maps: 200_000,
      nodes: 200_000,
      roundTripMs: 200,
      roundTripRounds: 25,
      rounds: 15,
      warmups: 2,
    };

/** CPU nanoseconds (user + system) the process `pid` has used (/proc/<pid>/stat, 10 ms ticks). */
function processCpuNs(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // Fields after the command name (which may contain spaces) start at the last ')'.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10_000_000;
}

/** CPU nanoseconds the main thread of process `pid` has run (/proc/<pid>/task/<pid>/schedstat). */
function mainThreadCpuNs(pid: number): number {
  return Number(readFileSync(`/proc/${pid}/task/${pid}/schedstat`, 'utf8').split(' ')[0]);
}

const NAMES: readonly string[] = Array.from(
  { length: 1024 },
  (_, index) => `person-${String(index).padStart(4, '0')}`,
);

/** Creates `count` `:Person` nodes with the bench backend's 5-key shape (ids 1..count). */
async function loadPersons(port: number, count: number): Promise<void> {
  const client = await BoltClient.connect({ port });
  try {
    await client.login();
    const batch = 20_000;
    for (let from = 1; from <= count; from += batch) {
      const to = Math.min(count, from + batch - 1);
      await client.query(
        'UNWIND range($from, $to) AS i CREATE (:Person {id: i, name: $names[i % 1024], age: i % 100, ' +
          'score: i * 0.25, active: i % 2 = 0})',
        { from: BigInt(from), to: BigInt(to), names: [...NAMES] },
      );
    }
  } finally {
    client.close();
  }
}

function openDriver(port: number): Driver {
  return neo4j.driver(`bolt://127.0.0.1:${port}`, neo4j.auth.basic('neo4j', 'password'));
}

/** Streams one query's records, counting them in `onNext`; resolves with the count. */
async function streamCount(driver: Driver, query: string, n: number): Promise<number> {
  const session = driver.session();
  try {
    const count = await countRecords(session, query, { n: neo4j.int(n) });
    if (count !== n) throw new Error(`Expected ${n} records, got ${count}`);
    return count;
  } finally {
    await session.close();
  }
}

/** Sequential `RETURN 1 AS x` on one session for about `ms`; resolves with how many ran. */
async function returnOnes(driver: Driver, ms: number): Promise<number> {
  const session = driver.session();
  try {
    const end = performance.now() + ms;
    let count = 0;
    while (performance.now() < end) {
      await session.run(BENCH_QUERIES.returnOne).summary();
      count++;
    }
    return count;
  } finally {
    await session.close();
  }
}

interface Sides {
  readonly quiverPid: number;
  readonly quiver: Driver;
}

/** A replay server the rows compare with: its driver, its worker and how rows name it. */
interface Baseline {
  readonly driver: Driver;
  readonly worker: ServerWorker;
  /** Added to row names (empty for the minimal replay server). */
  readonly suffix: string;
}

async function compareWithCosts(
  sides: Sides,
  against: Baseline,
  rowName: string,
  unit: string,
  rounds: number,
  run: (driver: Driver) => Promise<number>,
): Promise<BenchResult> {
  const name = rowName + against.suffix;
  const subject = withCpuAccounting({ name: 'quiver (engine)', run: () => run(sides.quiver) });
  const baseline = withCpuAccounting({
    name: `replay server${against.suffix === '' ? '' : ' (idle polling)'}`,
    run: () => run(against.driver),
  });
  // Warm-ups go first and outside the CPU accounting of the servers.
  for (let warmup = 0; warmup < SIZES.warmups; warmup++) {
    await subject.run();
    await baseline.run();
  }
  subject.totals.cpuNs = subject.totals.ops = 0;
  baseline.totals.cpuNs = baseline.totals.ops = 0;
  await against.worker.resetStats();
  const serverBefore = processCpuNs(sides.quiverPid);
  const mainBefore = mainThreadCpuNs(sides.quiverPid);
  const result = await compareAsync(
    { suite: SUITE, name, goal: GOAL, rounds, warmups: 0 },
    subject,
    baseline,
  );
  const serverNs = processCpuNs(sides.quiverPid) - serverBefore;
  const mainNs = mainThreadCpuNs(sides.quiverPid) - mainBefore;
  const replayNs = (await against.worker.stats()).cpuNs;
  const per = (ns: number | null, ops: number): string =>
    ns === null || ops === 0 ? '?' : (ns / ops).toFixed(0);
  const details =
    `CPU ns/${unit}: Quiver server ${per(serverNs, subject.totals.ops)} ` +
    `(main thread ${per(mainNs, subject.totals.ops)}) ` +
    `(replay ${per(replayNs, baseline.totals.ops)}), ` +
    `driver ${per(subject.totals.cpuNs, subject.totals.ops)} ` +
    `(with replay ${per(baseline.totals.cpuNs, baseline.totals.ops)})`;
  console.log(`  ${name}: ratio ${result.ratio?.toFixed(2) ?? '?'}; ${details}`);
  return { ...result, name: `${name} [${details}]` };
}

function label(n: number): string {
  return n >= 1_000_000 ? `${n / 1_000_000}M` : `${n / 1000}k`;
}

/**
 * Runs the ceiling comparison against the server process `pid` listening on `port` (its graph gets
 * `SIZES.nodes` `:Person` nodes first).
 */
export async function runCeiling(pid: number, port: number): Promise<BenchResult[]> {
  const streams = [
    { label: `stream ${label(SIZES.ints)} ints`, query: BENCH_QUERIES.ints, count: SIZES.ints },
    { label: `stream ${label(SIZES.maps)} 5-key maps`, query: BENCH_QUERIES.maps, count: SIZES.maps },
    { label: `stream ${label(SIZES.nodes)} nodes`, query: BENCH_QUERIES.nodes, count: SIZES.nodes },
  ];
  await loadPersons(port, SIZES.nodes);
  const replayStreams = streams.map(({ query, count }) => ({ query, count }));
  const minimal = await startServerWorker({
    kind: 'replay',
    version: QUIVER_NEWEST_VERSION,
    streams: replayStreams,
  });
  const polling = await startServerWorker({
    kind: 'replay',
    version: QUIVER_NEWEST_VERSION,
    streams: replayStreams,
    idlePollMicros: DEFAULT_IDLE_POLL_MICROS,
  });
  const sides: Sides = { quiverPid: pid, quiver: openDriver(port) };
  const baselines: Baseline[] = [
    { driver: openDriver(minimal.port), worker: minimal, suffix: '' },
    {
      driver: openDriver(polling.port),
      worker: polling,
      suffix: ` vs replay with ${DEFAULT_IDLE_POLL_MICROS} µs idle polling`,
    },
  ];
  const results: BenchResult[] = [];
  try {
    await sides.quiver.verifyConnectivity();
    for (const baseline of baselines) await baseline.driver.verifyConnectivity();
    for (const baseline of baselines) {
      results.push(
        await compareWithCosts(
          sides,
          baseline,
          'driver ceiling: RETURN 1 (one session)',
          'query',
          SIZES.roundTripRounds,
          (driver) => returnOnes(driver, SIZES.roundTripMs),
        ),
      );
      for (const stream of streams) {
        results.push(
          await compareWithCosts(
            sides,
            baseline,
            `driver ceiling: ${stream.label} (records/s)`,
            'record',
            SIZES.rounds,
            (driver) => streamCount(driver, stream.query, stream.count),
          ),
        );
      }
    }
  } finally {
    await sides.quiver.close();
    for (const baseline of baselines) {
      await baseline.driver.close();
      await baseline.worker.close();
    }
  }
  return results;
}
