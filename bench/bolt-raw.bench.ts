/**
 * Quiver's server-side encoding speed, measured with a raw counting client (issue 3: ≥ 5M int records/s).
 * The client writes the handshake, HELLO and LOGON, then per run `RUN` + `PULL {n: -1}` as pre-encoded
 * bytes, and only counts RECORD messages by walking the chunk headers and reading each message's tag byte;
 * it never decodes a value, so its cost is a few operations per record and the server (in a worker thread,
 * on the other core) is what is measured. The replay server, measured in the same rounds with the same
 * client, shows the client's own ceiling. Each row's name carries the stream's MB/s and the average size of
 * the server's socket writes (Quiver should coalesce records into ~64 KiB writes).
 * QUIVER_BENCH_SMOKE=1 runs small sizes (CI).
 */
import type { BenchResult } from './support/bench-result.js';
import { BENCH_QUERIES } from './support/bench-backend.js';
import { CountingClient } from './support/counting-client.js';
import { compareAsync, formatBytes, isSmoke, loadAverage } from './support/bolt-measure.js';
import { QUIVER_NEWEST_VERSION, startServerWorker, type ServerWorker } from './support/bolt-server-worker.js';

const SUITE = 'bolt-raw';
/** Issue 3: Quiver's server-side encoding reaches at least 5M int records/s. */
const INT_RECORDS_GOAL = 5_000_000;

const SIZES = isSmoke
  ? { ints: 100_000, maps: 20_000, nodes: 20_000, rounds: 3, warmups: 1 }
  : { ints: 1_000_000, maps: 200_000, nodes: 200_000, rounds: 7, warmups: 2 };

interface Scenario {
  readonly label: string;
  readonly query: string;
  readonly count: number;
}

function count(n: number): string {
  return n >= 1_000_000 ? `${n / 1_000_000}M` : `${n / 1000}k`;
}

/** Streams the scenario's whole result and checks that every record came. */
async function streamAll(
  client: CountingClient,
  scenario: Scenario,
): Promise<{ records: number; bytes: number }> {
  const result = await client.stream(scenario.query, { n: BigInt(scenario.count) });
  if (result.records !== scenario.count) {
    throw new Error(`Expected ${scenario.count} records, counted ${result.records}`);
  }
  return result;
}

async function measureScenario(
  scenario: Scenario,
  quiver: { readonly worker: ServerWorker; readonly client: CountingClient },
  replay: { readonly worker: ServerWorker; readonly client: CountingClient },
): Promise<BenchResult[]> {
  let bytesPerRun = 0;
  let replayBytesPerRun = 0;
  let quiverRuns = 0;
  await quiver.worker.resetStats();
  const comparison = await compareAsync(
    {
      suite: SUITE,
      name: `${scenario.label}, Quiver vs replay server`,
      rounds: SIZES.rounds,
      warmups: SIZES.warmups,
    },
    {
      name: 'quiver',
      run: async () => {
        const { records, bytes } = await streamAll(quiver.client, scenario);
        bytesPerRun = bytes;
        quiverRuns++;
        return records;
      },
    },
    {
      name: 'replay server',
      run: async () => {
        const { records, bytes } = await streamAll(replay.client, scenario);
        replayBytesPerRun = bytes;
        return records;
      },
    },
  );
  const stats = await quiver.worker.stats();
  // Records are the same bytes from both servers; only summary metadata (bookmark, timings) may differ.
  if (Math.abs(bytesPerRun - replayBytesPerRun) > 64) {
    console.warn(
      `  ${scenario.label}: Quiver sent ${bytesPerRun} bytes, the replay server ${replayBytesPerRun}`,
    );
  }
  const averageWrite = stats.writes === 0 ? 0 : stats.bytes / stats.writes;
  const megabytesPerSecond = (comparison.opsPerSecond * bytesPerRun) / scenario.count / 1e6;
  const cpuPerRecord = stats.cpuNs === null ? null : stats.cpuNs / (quiverRuns * scenario.count);
  const details =
    `${megabytesPerSecond.toFixed(0)} MB/s, ${(bytesPerRun / scenario.count).toFixed(1)} B/record, ` +
    `Quiver avg write ${formatBytes(averageWrite)}, ` +
    `server CPU ${cpuPerRecord === null ? '?' : cpuPerRecord.toFixed(0)} ns/record`;
  console.log(`  ${scenario.label}: ${details}`);
  const results: BenchResult[] = [{ ...comparison, name: `${comparison.name} (records/s; ${details})` }];
  if (scenario.query === BENCH_QUERIES.ints) {
    const goal = { name: 'goal 5M records/s', opsPerSecond: INT_RECORDS_GOAL };
    results.push({
      suite: SUITE,
      name: `${scenario.label}: Quiver records/s at the client (wall clock)`,
      opsPerSecond: comparison.opsPerSecond,
      spread: comparison.spread,
      rounds: comparison.rounds,
      baseline: goal,
      ratio: comparison.opsPerSecond / INT_RECORDS_GOAL,
      goal: 1,
    });
    if (cpuPerRecord !== null) {
      // What one dedicated core can encode: independent of the load other processes put on the machine.
      const capacity = 1e9 / cpuPerRecord;
      results.push({
        suite: SUITE,
        name: `${scenario.label}: Quiver records/s per core of server CPU (1e9 / ${cpuPerRecord.toFixed(0)} ns)`,
        opsPerSecond: capacity,
        spread: 0,
        rounds: comparison.rounds,
        baseline: goal,
        ratio: capacity / INT_RECORDS_GOAL,
        goal: 1,
      });
    }
  }
  return results;
}

/** Runs the raw-client benchmarks (see the module comment). */
export async function run(): Promise<BenchResult[]> {
  const scenarios: Scenario[] = [
    { label: `raw PULL all ${count(SIZES.ints)} ints`, query: BENCH_QUERIES.ints, count: SIZES.ints },
    { label: `raw PULL all ${count(SIZES.maps)} 5-key maps`, query: BENCH_QUERIES.maps, count: SIZES.maps },
    { label: `raw PULL all ${count(SIZES.nodes)} nodes`, query: BENCH_QUERIES.nodes, count: SIZES.nodes },
  ];
  const version = QUIVER_NEWEST_VERSION;
  const quiverWorker = await startServerWorker({ kind: 'quiver' });
  const replayWorker = await startServerWorker({
    kind: 'replay',
    version,
    streams: scenarios.map(({ query, count: n }) => ({ query, count: n })),
  });
  const results: BenchResult[] = [];
  const clients: CountingClient[] = [];
  try {
    const quiver = { worker: quiverWorker, client: await CountingClient.open(quiverWorker.port, version) };
    const replay = { worker: replayWorker, client: await CountingClient.open(replayWorker.port, version) };
    clients.push(quiver.client, replay.client);
    console.log(`  raw client over Bolt ${version.major}.${version.minor}; ${await loadAverage()}`);
    for (const scenario of scenarios) results.push(...(await measureScenario(scenario, quiver, replay)));
    console.log(`  done; ${await loadAverage()}`);
  } finally {
    for (const client of clients) client.close();
    await quiverWorker.close();
    await replayWorker.close();
  }
  return results;
}
