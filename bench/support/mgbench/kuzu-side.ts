/**
 * Kuzu embedded (npm `kuzu`, in-memory) as a {@link BenchSide}. Kuzu needs a schema: a `User` node table
 * with `id` as primary key (its index on id) and a `Friend` relationship table. The graph is bulk-loaded
 * with COPY FROM two temporary CSV files. Statements are prepared once per query text and executed with
 * parameters; results are read with getAll() and closed.
 * Threads: Kuzu parallelises a query over `QUIVER_BENCH_KUZU_THREADS` threads (default 1, so that both
 * engines run each query on one core, like Quiver does).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Connection, Database, type PreparedStatement, type QueryResult } from 'kuzu';
import type { PokecData } from './pokec-data.js';
import type { MgbenchQuery, QueryParams } from './queries.js';
import type { BenchSide } from './side.js';

/** Kuzu's buffer pool for the in-memory database (its default is a share of the machine's memory). */
const BUFFER_POOL_BYTES = 1024 * 1024 * 1024;

const SCHEMA = [
  'CREATE NODE TABLE User(id INT64, age INT64, gender STRING, region STRING, completion_percentage INT64, ' +
    'PRIMARY KEY (id))',
  'CREATE REL TABLE Friend(FROM User TO User)',
];

function threads(): number {
  const value = Number(process.env['QUIVER_BENCH_KUZU_THREADS']);
  return Number.isInteger(value) && value > 0 ? value : 1;
}

/** A statement that returns several results yields an array; mgbench's return one. */
function single(result: QueryResult | QueryResult[]): QueryResult {
  if (Array.isArray(result)) {
    for (const extra of result.slice(1)) extra.close();
    const first = result[0];
    if (first === undefined) throw new Error('Kuzu returned no result');
    return first;
  }
  return result;
}

export class KuzuSide implements BenchSide {
  readonly name = `kuzu ${Database.getVersion()}`;
  readonly threads = threads();
  private readonly database: Database;
  private readonly connection: Connection;
  private readonly prepared = new Map<string, PreparedStatement>();

  constructor() {
    this.database = new Database(':memory:', BUFFER_POOL_BYTES);
    this.connection = new Connection(this.database, this.threads);
  }

  async load(data: PokecData): Promise<void> {
    for (const statement of SCHEMA) await this.query(statement);
    const directory = mkdtempSync(join(tmpdir(), 'quiver-mgbench-'));
    try {
      const users = join(directory, 'users.csv');
      const friends = join(directory, 'friends.csv');
      const userLines = ['id,age,gender,region,completion_percentage'];
      for (const user of data.users)
        userLines.push(`${user.id},${user.age},${user.gender},${user.region},${user.completion_percentage}`);
      writeFileSync(users, `${userLines.join('\n')}\n`);
      const friendLines = ['from,to'];
      for (let index = 0; index < data.from.length; index++)
        friendLines.push(`${data.from[index]!},${data.to[index]!}`);
      writeFileSync(friends, `${friendLines.join('\n')}\n`);
      await this.query(`COPY User FROM '${users}' (HEADER=true)`);
      await this.query(`COPY Friend FROM '${friends}' (HEADER=true)`);
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
  }

  async execute(query: MgbenchQuery, params: QueryParams): Promise<number> {
    const result = await this.run(query, params);
    const rows = await result.getAll();
    result.close();
    return rows.length;
  }

  async rows(query: MgbenchQuery, params: QueryParams): Promise<unknown[][]> {
    const result = await this.run(query, params);
    const rows = await result.getAll();
    result.close();
    return rows.map((row) => Object.values(row));
  }

  async close(): Promise<void> {
    await this.connection.close();
    await this.database.close();
  }

  private async run(query: MgbenchQuery, params: QueryParams): Promise<QueryResult> {
    let statement = this.prepared.get(query.kuzu);
    if (statement === undefined) {
      statement = await this.connection.prepare(query.kuzu);
      if (!statement.isSuccess())
        throw new Error(`Kuzu cannot prepare ${query.name}: ${statement.getErrorMessage()}`);
      this.prepared.set(query.kuzu, statement);
    }
    return single(await this.connection.execute(statement, params));
  }

  private async query(text: string): Promise<void> {
    single(await this.connection.query(text)).close();
  }
}
