/**
 * The mgbench Pokec query set on Quiver embedded (src/engine) and Kuzu embedded (npm `kuzu`, in memory),
 * side by side, against the goals for Quiver ÷ Kuzu: ≥ 3x on point lookups, 1-hop expansions and
 * single writes, ≥ 1x on multi-hop queries, ≥ 0.5x on aggregations.
 *
 * Set-up: the same deterministic Pokec-shaped graph (bench/support/mgbench/pokec-data.ts) is loaded into
 * both engines, each with an index (Quiver) or primary key (Kuzu) on `User.id`. The queries
 * (bench/support/mgbench/queries.ts) have the same semantics in both dialects. Before timing, a few draws
 * of each query run on both and must return the same rows (checked, and reported in the `rows` column and
 * the result's name); then each query is timed in interleaved rounds, every execution consuming all its
 * records, parameters drawn from the same seeded PRNG on both sides. Reads run first, writes last, so
 * every read sees the generated graph only. Kuzu runs each query on one thread unless
 * QUIVER_BENCH_KUZU_THREADS says otherwise.
 *
 * Environment: QUIVER_BENCH_SMOKE=1 (300 users, short time boxes), QUIVER_BENCH_USERS (default 10,000:
 * about 150k relationships), QUIVER_BENCH_QUERY_MS (time box per query and side, default 1500),
 * QUIVER_BENCH_QUERIES (comma-separated query names to run, default all).
 */
import type { BenchResult } from './support/bench-result.js';
import { isSmoke, loadAverage } from './support/bolt-measure.js';
import { checkRows } from './support/mgbench/check-rows.js';
import { KuzuSide } from './support/mgbench/kuzu-side.js';
import { measureQuery, type Contestant, type MeasureOptions } from './support/mgbench/measure-query.js';
import { FreshIds } from './support/mgbench/param-draws.js';
import { generatePokec, type PokecData } from './support/mgbench/pokec-data.js';
import { MGBENCH_QUERIES, type MgbenchQuery } from './support/mgbench/queries.js';
import { renderReport, type QueryOutcome } from './support/mgbench/report.js';
import type { BenchSide } from './support/mgbench/side.js';

const SUITE = 'engine';

function positiveInteger(text: string | undefined, fallback: number): number {
  const value = Number(text);
  return text !== undefined && Number.isInteger(value) && value > 0 ? value : fallback;
}

const USERS = isSmoke ? 300 : positiveInteger(process.env['QUIVER_BENCH_USERS'], 10_000);
const QUERY_MS = positiveInteger(process.env['QUIVER_BENCH_QUERY_MS'], isSmoke ? 150 : 1_500);
const ROUNDS = isSmoke ? 3 : 5;
const HEAVY_ROUNDS = 3;

function selectedQueries(): readonly MgbenchQuery[] {
  const names = process.env['QUIVER_BENCH_QUERIES']
    ?.split(',')
    .map((name) => name.trim())
    .filter((name) => name !== '');
  if (names === undefined || names.length === 0) return MGBENCH_QUERIES;
  return MGBENCH_QUERIES.filter((query) => names.includes(query.name));
}

function message(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

async function timedLoad(side: BenchSide, data: PokecData): Promise<void> {
  const start = performance.now();
  await side.load(data);
  console.log(`  loaded ${side.name} in ${((performance.now() - start) / 1000).toFixed(2)} s`);
}

async function runQuery(query: MgbenchQuery, quiver: Contestant, kuzu: Contestant): Promise<QueryOutcome> {
  let rowProblems: string[] = [];
  try {
    rowProblems = await checkRows(query, quiver, kuzu, USERS);
    for (const problem of rowProblems) console.warn(`  ROW MISMATCH ${problem}`);
    const options: MeasureOptions = {
      suite: SUITE,
      users: USERS,
      budgetMs: QUERY_MS,
      rounds: query.heavy ? HEAVY_ROUNDS : ROUNDS,
      warmups: query.heavy ? 0 : 1,
      seed: 1_000 * (MGBENCH_QUERIES.indexOf(query) + 1),
    };
    const { result, plan } = await measureQuery(query, quiver, kuzu, options);
    const named = rowProblems.length === 0 ? result : { ...result, name: `${result.name} (ROWS DIFFER)` };
    console.log(
      `  ${query.name}: quiver ${result.opsPerSecond.toFixed(1)} q/s, kuzu ` +
        `${(result.baseline?.opsPerSecond ?? NaN).toFixed(1)} q/s, ratio ${(result.ratio ?? NaN).toFixed(2)}x`,
    );
    return { query, result: named, plan, rowProblems };
  } catch (error) {
    console.warn(`  ${query.name} FAILED: ${message(error)}`);
    return { query, failure: message(error), rowProblems };
  }
}

/** Runs the query set on both engines (see the module comment). */
export async function run(): Promise<BenchResult[]> {
  const data = generatePokec(USERS);
  console.log(
    `  graph: ${USERS} users, ${data.from.length} FRIEND relationships ` +
      `(${data.droppedSelfLoops} self-loops dropped); ${await loadAverage()}`,
  );
  const kuzuSide = new KuzuSide();
  console.log(`  ${kuzuSide.name} on ${kuzuSide.threads} thread(s)`);
  let quiverSide: BenchSide;
  try {
    // Imported on demand so that an engine that does not load yet is reported, not a crash of the runner.
    const { QuiverSide } = await import('./support/mgbench/quiver-side.js');
    quiverSide = await QuiverSide.open();
  } catch (error) {
    console.warn(`  Quiver's engine could not be opened, no query measured: ${message(error)}`);
    await kuzuSide.close();
    return [];
  }
  const outcomes: QueryOutcome[] = [];
  try {
    await timedLoad(kuzuSide, data);
    try {
      await timedLoad(quiverSide, data);
    } catch (error) {
      console.warn(`  Quiver could not load the graph, no query measured: ${message(error)}`);
      return [];
    }
    const quiver: Contestant = { side: quiverSide, fresh: new FreshIds() };
    const kuzu: Contestant = { side: kuzuSide, fresh: new FreshIds() };
    for (const query of selectedQueries()) outcomes.push(await runQuery(query, quiver, kuzu));
  } finally {
    await quiverSide.close();
    await kuzuSide.close();
  }
  console.log(`\n${renderReport(outcomes, kuzuSide.name)}\n`);
  return outcomes.flatMap((outcome) => (outcome.result === undefined ? [] : [outcome.result]));
}
