/**
 * The official driver against Quiver and against the replay server, in the same rounds (issue 3's
 * benchmark acceptance): `RETURN 1` round trips, and streams of 1M ints, 200k 5-key maps and 200k nodes
 * into neo4j-driver 6.x. Quiver must reach ≥ 90% of what the same driver reaches against the replay server
 * (bench/support/replay-server.ts), the fastest possible server for the same conversation.
 *
 * Set-up: Quiver (with the bench backend) and the replay server each run in a worker thread, the driver in
 * the main thread, so server and client use different cores; the driver keeps its defaults (fetch size
 * 1000: one PULL {n: 1000} round trip per 1000 records, against both servers). Records are counted in
 * `onNext` and never collected. QUIVER_BENCH_SMOKE=1 runs small sizes (CI).
 *
 * Each row's name also carries the CPU time per operation of the Quiver and replay server threads and of
 * the driver (per-thread CPU, so valid on a loaded machine) and the "CPU-bound ratio" they imply,
 * (driver + replay) / (driver + Quiver): the ratio to expect when no core is free for the server, and
 * always for strictly sequential round trips. With a free core the measured ratio is higher.
 */
import neo4j, { type Driver } from 'neo4j-driver-6';
import type { BenchResult } from './support/bench-result.js';
import { BENCH_QUERIES } from './support/bench-backend.js';
import {
  compareAsync,
  formatBytes,
  isSmoke,
  loadAverage,
  withCpuAccounting,
  type AsyncCompareOptions,
  type AsyncContender,
} from './support/bolt-measure.js';
import { QUIVER_NEWEST_VERSION, startServerWorker, type ServerWorker } from './support/bolt-server-worker.js';
import { countRecords } from './support/driver-records.js';

const SUITE = 'bolt-driver';
const GOAL = 0.9;
const DRIVER = 'neo4j-driver 6.3.0';

const SIZES = isSmoke
  ? { ints: 50_000, maps: 10_000, nodes: 10_000, roundTripMs: 150, rounds: 3, streamRounds: 3, warmups: 1 }
  : {
      ints: 1_000_000,
      maps: 200_000,
      nodes: 200_000,
      // Many short rounds: each pair of adjacent runs (one per server) sees the same host, and the ratio
      // is the median of the pairs' ratios, so a shared machine's slow phases cancel out. Streams take 15
      // pairs: a single pair's ratio ranges over 0.6–1.4 on this VM even for identical work.
      roundTripMs: 150,
      rounds: 25,
      streamRounds: 15,
      warmups: 2,
    };

interface Target {
  readonly name: string;
  readonly worker: ServerWorker;
  readonly driver: Driver;
}

function openDriver(port: number): Driver {
  // Default configuration (pool, fetch size 1000): sessions run one after the other on one connection.
  return neo4j.driver(`bolt://127.0.0.1:${port}`, neo4j.auth.basic('neo4j', 'password'));
}

/** Streams one query's records, counting them; resolves with the count. */
function streamCount(driver: Driver, query: string, n: number): Promise<number> {
  const session = driver.session();
  return countRecords(session, query, { n: neo4j.int(n) }).then(
    async (count) => {
      await session.close();
      if (count !== n) throw new Error(`Expected ${n} records, got ${count}`);
      return count;
    },
    async (error: unknown) => {
      await session.close();
      throw error;
    },
  );
}

/** Sequential `RETURN 1` queries for about `ms` milliseconds; resolves with how many were done. */
async function roundTrips(ms: number, once: () => Promise<void>): Promise<number> {
  const end = performance.now() + ms;
  let count = 0;
  while (performance.now() < end) {
    await once();
    count++;
  }
  return count;
}

function roundTripContenders(target: Target): Record<string, AsyncContender> {
  const { driver } = target;
  return {
    'one session, session.run + summary': {
      name: target.name,
      run: async () => {
        const session = driver.session();
        try {
          return await roundTrips(SIZES.roundTripMs, async () => {
            await session.run(BENCH_QUERIES.returnOne).summary();
          });
        } finally {
          await session.close();
        }
      },
    },
    'a session per query': {
      name: target.name,
      run: () =>
        roundTrips(SIZES.roundTripMs, async () => {
          const session = driver.session();
          try {
            await session.run(BENCH_QUERIES.returnOne).summary();
          } finally {
            await session.close();
          }
        }),
    },
    'driver.executeQuery (BEGIN/RUN/PULL + COMMIT)': {
      name: target.name,
      run: () =>
        roundTrips(SIZES.roundTripMs, async () => {
          await driver.executeQuery(BENCH_QUERIES.returnOne);
        }),
    },
  };
}

function count(n: number): string {
  return n >= 1_000_000 ? `${n / 1_000_000}M` : `${n / 1000}k`;
}

/**
 * Compares Quiver with the replay server and appends the costs behind the ratio to the result's name: the
 * Quiver server thread's CPU per operation, the driver's (main thread) CPU per operation against each
 * server, and Quiver's average socket write. On a machine whose cores are all busy the server's CPU comes
 * out of the driver's share, so the ratio is about driver / (driver + server) instead of 1.
 */
async function compareWithCosts(
  options: AsyncCompareOptions,
  workers: { readonly quiver: ServerWorker; readonly replay: ServerWorker },
  subject: AsyncContender,
  baseline: AsyncContender,
  unit: string,
): Promise<BenchResult> {
  const quiver = withCpuAccounting(subject);
  const replay = withCpuAccounting(baseline);
  await workers.quiver.resetStats();
  await workers.replay.resetStats();
  const result = await compareAsync(options, quiver, replay);
  const stats = await workers.quiver.stats();
  const replayStats = await workers.replay.stats();
  const perOp = (ns: number | null, ops: number): number | null =>
    ns === null || ops === 0 ? null : ns / ops;
  const quiverServer = perOp(stats.cpuNs, quiver.totals.ops);
  const replayServer = perOp(replayStats.cpuNs, replay.totals.ops);
  const driverWithQuiver = perOp(quiver.totals.cpuNs, quiver.totals.ops);
  const driverWithReplay = perOp(replay.totals.cpuNs, replay.totals.ops);
  const show = (ns: number | null): string => (ns === null ? '?' : ns.toFixed(0));
  // With no core to spare (or for strictly sequential round trips) client and server costs add up.
  const cpuBound =
    quiverServer === null || replayServer === null || driverWithQuiver === null || driverWithReplay === null
      ? '?'
      : ((driverWithReplay + replayServer) / (driverWithQuiver + quiverServer)).toFixed(2);
  const averageWrite = stats.writes === 0 ? 0 : stats.bytes / stats.writes;
  const details =
    `CPU ns/${unit}: Quiver server ${show(quiverServer)} (replay ${show(replayServer)}), ` +
    `driver ${show(driverWithQuiver)} (with replay ${show(driverWithReplay)}), CPU-bound ratio ${cpuBound}; ` +
    `Quiver avg write ${formatBytes(averageWrite)}`;
  console.log(`  ${options.name}: ${details}`);
  return { ...result, name: `${result.name} [${details}]` };
}

/** Runs the driver benchmarks (see the module comment). */
export async function run(): Promise<BenchResult[]> {
  const streams = [
    { label: `stream ${count(SIZES.ints)} ints`, query: BENCH_QUERIES.ints, count: SIZES.ints },
    { label: `stream ${count(SIZES.maps)} 5-key maps`, query: BENCH_QUERIES.maps, count: SIZES.maps },
    { label: `stream ${count(SIZES.nodes)} nodes`, query: BENCH_QUERIES.nodes, count: SIZES.nodes },
  ];
  const quiverWorker = await startServerWorker({ kind: 'quiver' });
  const replayWorker = await startServerWorker({
    kind: 'replay',
    version: QUIVER_NEWEST_VERSION,
    streams: streams.map(({ query, count: n }) => ({ query, count: n })),
  });
  const quiver: Target = { name: 'quiver', worker: quiverWorker, driver: openDriver(quiverWorker.port) };
  const replay: Target = {
    name: 'replay server',
    worker: replayWorker,
    driver: openDriver(replayWorker.port),
  };
  const results: BenchResult[] = [];
  try {
    await quiver.driver.verifyConnectivity();
    await replay.driver.verifyConnectivity();
    const { versions } = await quiverWorker.stats();
    const expected = `${QUIVER_NEWEST_VERSION.major}.${QUIVER_NEWEST_VERSION.minor}`;
    if (versions.some((version) => version !== expected)) {
      console.warn(`  Quiver negotiated ${versions.join(', ')} but the replay server answers ${expected}`);
    }
    console.log(`  ${DRIVER} over Bolt ${expected}; ${await loadAverage()}`);

    const workers = { quiver: quiverWorker, replay: replayWorker };
    const quiverRoundTrips = roundTripContenders(quiver);
    const replayRoundTrips = roundTripContenders(replay);
    for (const [label, subject] of Object.entries(quiverRoundTrips)) {
      const baseline = replayRoundTrips[label];
      if (baseline === undefined) continue;
      const options = { suite: SUITE, name: `RETURN 1: ${label}`, goal: GOAL, rounds: SIZES.rounds };
      results.push(
        await compareWithCosts({ ...options, warmups: SIZES.warmups }, workers, subject, baseline, 'query'),
      );
    }
    for (const stream of streams) {
      results.push(
        await compareWithCosts(
          {
            suite: SUITE,
            name: `${stream.label} (records/s)`,
            goal: GOAL,
            rounds: SIZES.streamRounds,
            warmups: SIZES.warmups,
          },
          workers,
          { name: quiver.name, run: () => streamCount(quiver.driver, stream.query, stream.count) },
          { name: replay.name, run: () => streamCount(replay.driver, stream.query, stream.count) },
          'record',
        ),
      );
    }
    console.log(`  done; ${await loadAverage()}`);
  } finally {
    await quiver.driver.close();
    await replay.driver.close();
    await quiverWorker.close();
    await replayWorker.close();
  }
  return results;
}
