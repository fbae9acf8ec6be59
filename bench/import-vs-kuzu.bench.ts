/**
 * `quiver import` against Kuzu's `COPY FROM` on the same Pokec-shaped CSV files (issue #8's goal: Quiver
 * takes at most 1.5x Kuzu's time, i.e. a ratio of Kuzu's time ÷ Quiver's ≥ 0.67).
 *
 * Set-up: bench/support/import/pokec-csv.ts writes `users.csv` (id, age, gender, region,
 * completion_percentage) and `friends.csv` (the FRIEND edges) into a temp dir, in neo4j-admin header
 * format, which Kuzu reads with HEADER=true. Each round runs both sides back to back on fresh
 * destinations, in alternating order:
 * - Quiver: `runImport` in-process (what `quiver import --id-type=integer` runs), from reading the CSVs
 *   to the snapshot written and the database closed;
 * - Kuzu: an on-disk database in the temp dir (so both end with files on disk), `CREATE NODE TABLE` /
 *   `CREATE REL TABLE`, `COPY User FROM …`, `COPY Friend FROM …`, close. Kuzu uses its default thread
 *   count (all cores) unless QUIVER_BENCH_KUZU_THREADS says otherwise; Quiver uses one.
 * Both sides' node and relationship counts must equal the generated ones (checked every round).
 *
 * Environment: QUIVER_BENCH_SMOKE=1 (300 users, one round), QUIVER_BENCH_USERS (default 100,000: about
 * 1.45M relationships, the medium size), QUIVER_BENCH_ROUNDS (default 3).
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Connection, Database, type QueryResult } from 'kuzu';
import { runImport, type ImportCommandOptions } from '../src/cli/import/index.js';
import type { BenchResult } from './support/bench-result.js';
import { isSmoke, loadAverage, median } from './support/bolt-measure.js';
import { writePokecCsv, type PokecCsv } from './support/import/pokec-csv.js';

const SUITE = 'import';

function positiveInteger(text: string | undefined, fallback: number): number {
  const value = Number(text);
  return text !== undefined && Number.isInteger(value) && value > 0 ? value : fallback;
}

const USERS = isSmoke ? 300 : positiveInteger(process.env['QUIVER_BENCH_USERS'], 100_000);
const ROUNDS = isSmoke ? 1 : positiveInteger(process.env['QUIVER_BENCH_ROUNDS'], 3);
const KUZU_THREADS = positiveInteger(process.env['QUIVER_BENCH_KUZU_THREADS'], 0);

interface SideTiming {
  readonly ms: number;
  readonly nodes: number;
  readonly relationships: number;
  readonly detail: string;
}

async function quiverImport(csv: PokecCsv, directory: string): Promise<SideTiming> {
  const options: ImportCommandOptions = {
    dataDir: join(directory, 'quiver-data'),
    database: 'neo4j',
    overwriteDestination: false,
    reportFile: join(directory, 'import.report'),
    inputs: {
      nodes: [{ labels: ['User'], files: [csv.users] }],
      relationships: [{ type: 'FRIEND', files: [csv.friends] }],
    },
    settings: {
      delimiter: ',',
      arrayDelimiter: ';',
      quote: '"',
      multilineFields: false,
      idType: 'integer',
      badTolerance: 0,
      skipBadRelationships: false,
      skipDuplicateNodes: false,
      ignoreEmptyStrings: false,
      trimStrings: false,
      normalizeTypes: true,
    },
  };
  const started = performance.now();
  const run = await runImport(options);
  const ms = performance.now() - started;
  const { result, snapshot } = run;
  return {
    ms,
    nodes: snapshot.nodes,
    relationships: snapshot.relationships,
    detail:
      `read+load ${(result.durationMs - result.linkMs).toFixed(0)} ms, link ${result.linkMs.toFixed(0)} ms, ` +
      `snapshot ${snapshot.durationMs.toFixed(0)} ms (${(snapshot.bytes / 1e6).toFixed(1)} MB)`,
  };
}

async function kuzuQuery(connection: Connection, text: string): Promise<Record<string, unknown>[]> {
  const results: QueryResult | QueryResult[] = await connection.query(text);
  const list = Array.isArray(results) ? results : [results];
  const rows = (await list[0]?.getAll()) ?? [];
  for (const result of list) result.close();
  return rows;
}

async function kuzuCopy(csv: PokecCsv, directory: string): Promise<SideTiming> {
  const started = performance.now();
  const database = new Database(join(directory, 'kuzu-db'));
  const connection = KUZU_THREADS > 0 ? new Connection(database, KUZU_THREADS) : new Connection(database);
  await kuzuQuery(
    connection,
    'CREATE NODE TABLE User(id INT64, age INT64, gender STRING, region STRING, ' +
      'completion_percentage INT64, PRIMARY KEY (id))',
  );
  await kuzuQuery(connection, 'CREATE REL TABLE Friend(FROM User TO User)');
  const copyStarted = performance.now();
  await kuzuQuery(connection, `COPY User FROM '${csv.users}' (HEADER=true)`);
  const usersMs = performance.now() - copyStarted;
  await kuzuQuery(connection, `COPY Friend FROM '${csv.friends}' (HEADER=true)`);
  const copyMs = performance.now() - copyStarted;
  const count = async (text: string): Promise<number> =>
    Number((await kuzuQuery(connection, text))[0]?.['c'] ?? Number.NaN);
  const countStarted = performance.now();
  const nodes = await count('MATCH (u:User) RETURN count(u) AS c');
  const relationships = await count('MATCH ()-[f:Friend]->() RETURN count(f) AS c');
  const countMs = performance.now() - countStarted;
  await connection.close();
  await database.close();
  return {
    ms: performance.now() - started - countMs,
    nodes,
    relationships,
    detail: `COPY User ${usersMs.toFixed(0)} ms, COPY Friend ${(copyMs - usersMs).toFixed(0)} ms`,
  };
}

function check(side: string, timing: SideTiming, csv: PokecCsv): void {
  if (timing.nodes !== csv.userCount || timing.relationships !== csv.friendCount) {
    throw new Error(
      `${side} imported ${timing.nodes} nodes and ${timing.relationships} relationships, ` +
        `expected ${csv.userCount} and ${csv.friendCount}`,
    );
  }
}

/** Times both loaders over the rounds (see the module comment). */
export async function run(): Promise<BenchResult[]> {
  const root = mkdtempSync(join(tmpdir(), 'quiver-import-bench-'));
  try {
    const csv = writePokecCsv(root, USERS);
    console.log(
      `  CSV: ${csv.userCount} users, ${csv.friendCount} FRIEND relationships; kuzu ${Database.getVersion()} ` +
        `on ${KUZU_THREADS > 0 ? KUZU_THREADS : 'default'} thread(s); ${await loadAverage()}`,
    );
    const quiverMs: number[] = [];
    const kuzuMs: number[] = [];
    const ratios: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const directory = join(root, `round-${round}`);
      mkdirSync(directory);
      const sides = [
        { name: 'quiver', load: () => quiverImport(csv, directory) },
        { name: 'kuzu', load: () => kuzuCopy(csv, directory) },
      ];
      if (round % 2 === 1) sides.reverse();
      const timings = new Map<string, SideTiming>();
      for (const side of sides) {
        const timing = await side.load();
        check(side.name, timing, csv);
        timings.set(side.name, timing);
        console.log(`  round ${round + 1} ${side.name}: ${timing.ms.toFixed(0)} ms (${timing.detail})`);
      }
      const quiver = timings.get('quiver')!.ms;
      const kuzu = timings.get('kuzu')!.ms;
      quiverMs.push(quiver);
      kuzuMs.push(kuzu);
      ratios.push(kuzu / quiver);
      rmSync(directory, { recursive: true, force: true });
    }
    const quiver = median(quiverMs);
    const kuzu = median(kuzuMs);
    const ratio = median(ratios);
    console.log(
      `  median: quiver ${quiver.toFixed(0)} ms, kuzu ${kuzu.toFixed(0)} ms; quiver takes ` +
        `${(1 / ratio).toFixed(2)}x kuzu's time (goal ≤ 1.5x)`,
    );
    return [
      {
        suite: SUITE,
        name: `import ${csv.userCount} users + ${csv.friendCount} rels (imports/s)`,
        opsPerSecond: 1000 / quiver,
        spread: (Math.max(...quiverMs) - Math.min(...quiverMs)) / quiver,
        rounds: ROUNDS,
        baseline: { name: `kuzu ${Database.getVersion()} COPY FROM`, opsPerSecond: 1000 / kuzu },
        ratio,
        goal: 1 / 1.5,
      },
    ];
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}
