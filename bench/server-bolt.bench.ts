/**
 * The real server over Bolt (issue #6's benchmark goals): point reads (`single_vertex_read`) and 1-hop
 * expansions (`expansion_1`) of the mgbench set against a `quiver serve --in-memory` child process holding
 * the Pokec-shaped graph, with 1 and 8 concurrent clients, through the official driver (neo4j-driver 6.x)
 * and through Quiver's own minimal Bolt client. Goals: ≥ 15,000 point reads/s and ≥ 10,000 1-hop
 * expansions/s with 8 clients; rows report the figure against the goal as a ratio (≥ 1 meets it).
 *
 * Set-up: the server is a separate process (its own core on the 2-core machine; the clients share the
 * other), the graph is loaded over Bolt (bench/support/server/load-pokec.ts), each lane runs one query at a
 * time with a random existing user id (seeded), and a measurement is a time box in which all lanes run
 * flat out. Each row's name carries the CPU time per query of the server process and of this (client)
 * process, which tells where the time goes independently of how busy the machine is.
 *
 * Environment: QUIVER_BENCH_SMOKE=1 (300 users, short time boxes), QUIVER_BENCH_USERS (default 10,000),
 * QUIVER_BENCH_QUERY_MS (time box per round, default 2000), QUIVER_BENCH_LANES (default `1,8`),
 * QUIVER_BENCH_CLIENTS (`driver,raw` by default; one of them to profile it alone), QUIVER_BENCH_SERVER_PROF=<dir> (the server runs
 * with `--cpu-prof --cpu-prof-dir=<dir>`; profile the clients by running this file with `node --cpu-prof`),
 * QUIVER_BENCH_PARTS (`ceiling,mgbench` by default): `ceiling` first compares the driver against this
 * server and against the replay server on `RETURN 1` and streams (support/server/ceiling.ts).
 */
import { readFileSync } from 'node:fs';
import { random } from '../test/storage/pokec-graph.js';
import { startServerProcess, type ServerProcess } from '../test/memory/server-process.js';
import type { BenchResult } from './support/bench-result.js';
import { isSmoke, loadAverage, measureAsync } from './support/bolt-measure.js';
import { generatePokec } from './support/mgbench/pokec-data.js';
import { MGBENCH_QUERIES } from './support/mgbench/queries.js';
import { runCeiling } from './support/server/ceiling.js';
import { loadPokecOverBolt } from './support/server/load-pokec.js';
import { driverClients, rawClients, type QueryClients } from './support/server/query-clients.js';

const SUITE = 'server-bolt';

function positiveInteger(text: string | undefined, fallback: number): number {
  const value = Number(text);
  return text !== undefined && Number.isInteger(value) && value > 0 ? value : fallback;
}

const USERS = isSmoke ? 300 : positiveInteger(process.env['QUIVER_BENCH_USERS'], 10_000);
const QUERY_MS = positiveInteger(process.env['QUIVER_BENCH_QUERY_MS'], isSmoke ? 200 : 2_000);
const ROUNDS = isSmoke ? 1 : 3;
const CONCURRENCY = (process.env['QUIVER_BENCH_LANES'] ?? '1,8').split(',').map(Number);
/** `driver`, `raw` or both (default): which kinds of client run (to profile one at a time). */
const CLIENT_KINDS = (process.env['QUIVER_BENCH_CLIENTS'] ?? 'driver,raw').split(',');
/** `ceiling` (driver vs the replay server), `mgbench` (point reads, expansions) or both (default). */
const PARTS = (process.env['QUIVER_BENCH_PARTS'] ?? 'ceiling,mgbench').split(',');

interface Workload {
  readonly name: string;
  readonly query: string;
  /** Queries per second the issue asks for (with 8 clients). */
  readonly goal: number;
}

function mgbenchQuery(name: string): string {
  const query = MGBENCH_QUERIES.find((candidate) => candidate.name === name);
  if (query === undefined) throw new Error(`mgbench query ${name} is missing`);
  return query.quiver;
}

const WORKLOADS: readonly Workload[] = [
  { name: 'single_vertex_read', query: mgbenchQuery('single_vertex_read'), goal: 15_000 },
  { name: 'expansion_1', query: mgbenchQuery('expansion_1'), goal: 10_000 },
];

/** CPU seconds (user + system) the process `pid` has used, from /proc/<pid>/stat (clock ticks of 10 ms). */
function processCpuSeconds(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // Fields after the command name (which may contain spaces) start at the last ')'.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

function clientCpuSeconds(): number {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1e6;
}

/** Every lane runs `query` back to back for `ms`; resolves with the number of queries completed. */
async function timeBox(clients: QueryClients, query: string, ms: number, seed: number): Promise<number> {
  const deadline = performance.now() + ms;
  const counts = await Promise.all(
    clients.lanes.map(async (lane, index) => {
      const next = random(seed * 31 + index);
      let done = 0;
      while (performance.now() < deadline) {
        await lane(query, Math.floor(next() * USERS));
        done++;
      }
      return done;
    }),
  );
  return counts.reduce((sum, count) => sum + count, 0);
}

/** Checks that a workload returns rows at all (an empty graph would make every query trivially fast). */
async function checkRows(clients: QueryClients, workload: Workload): Promise<void> {
  const [lane] = clients.lanes;
  if (lane === undefined) return;
  let rows = 0;
  for (let id = 0; id < 20; id++) rows += await lane(workload.query, id);
  if (rows === 0) throw new Error(`${workload.name} returned no rows for users 0..19`);
}

async function measure(
  server: ServerProcess,
  clients: QueryClients,
  workload: Workload,
  lanes: number,
): Promise<BenchResult> {
  await checkRows(clients, workload);
  await timeBox(clients, workload.query, Math.min(QUERY_MS, 500), 0);
  const serverCpu = processCpuSeconds(server.pid);
  const clientCpu = clientCpuSeconds();
  let queries = 0;
  let seed = 1;
  const { result } = await measureAsync(
    { suite: SUITE, name: workload.name, rounds: ROUNDS, warmups: 0 },
    {
      name: clients.name,
      run: async () => {
        const done = await timeBox(clients, workload.query, QUERY_MS, seed++);
        queries += done;
        return done;
      },
    },
  );
  const serverUs = ((processCpuSeconds(server.pid) - serverCpu) * 1e6) / queries;
  const clientUs = ((clientCpuSeconds() - clientCpu) * 1e6) / queries;
  const name =
    `${workload.name}, ${clients.name} ×${lanes} ` +
    `(CPU per query: server ${serverUs.toFixed(0)} µs, client ${clientUs.toFixed(0)} µs)`;
  const withName = { ...result, name };
  // The goals are for the raw client with 8 connections; through the driver, the driver is the limit.
  if (lanes !== 8 || clients.kind !== 'raw') return withName;
  return {
    ...withName,
    baseline: { name: `goal ${workload.goal / 1000}k/s`, opsPerSecond: workload.goal },
    ratio: result.opsPerSecond / workload.goal,
    goal: 1,
  };
}

export async function run(): Promise<BenchResult[]> {
  const profileDir = process.env['QUIVER_BENCH_SERVER_PROF'];
  const server = await startServerProcess(
    profileDir === undefined ? {} : { nodeArguments: ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] },
  );
  const results: BenchResult[] = [];
  try {
    const port = Number(new URL(server.url).port);
    if (PARTS.includes('ceiling')) results.push(...(await runCeiling(server.pid, port)));
    if (!PARTS.includes('mgbench')) return results;
    const data = generatePokec(USERS);
    const loadStart = performance.now();
    await loadPokecOverBolt(port, data);
    console.log(
      `${SUITE}: loaded ${USERS} users and ${data.from.length} relationships over Bolt in ` +
        `${((performance.now() - loadStart) / 1000).toFixed(1)} s; load average ${await loadAverage()}`,
    );
    for (const lanes of CONCURRENCY) {
      const openers = [
        ...(CLIENT_KINDS.includes('driver') ? [() => Promise.resolve(driverClients(server.url, lanes))] : []),
        ...(CLIENT_KINDS.includes('raw') ? [() => rawClients(port, lanes)] : []),
      ];
      for (const open of openers) {
        const clients = await open();
        try {
          for (const workload of WORKLOADS) results.push(await measure(server, clients, workload, lanes));
        } finally {
          await clients.close();
        }
      }
    }
  } finally {
    await server.stop();
  }
  return results;
}
