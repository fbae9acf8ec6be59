/**
 * Quiver embedded (src/engine's `Database`) as a {@link BenchSide}. The graph is loaded with Cypher through
 * the public API: users by `UNWIND $rows … CREATE`, the `id` index, then edges by `UNWIND $edges … MATCH …
 * CREATE`, in batches. Integers travel as bigint, as the engine expects.
 */
import { Database, type Session } from '../../../src/engine/index.js';
import type { CypherMap, CypherValue } from '../../../src/values/index.js';
import type { PokecData } from './pokec-data.js';
import type { MgbenchQuery, QueryParams } from './queries.js';
import type { BenchSide } from './side.js';

const BATCH = 5_000;

const CREATE_USERS =
  'UNWIND $rows AS r CREATE (:User {id: r.id, age: r.age, gender: r.gender, region: r.region, ' +
  'completion_percentage: r.completion_percentage})';
const CREATE_EDGES =
  'UNWIND $edges AS e MATCH (a:User {id: e[0]}), (b:User {id: e[1]}) CREATE (a)-[:FRIEND]->(b)';

function toParameters(params: QueryParams): CypherMap {
  const converted: Record<string, CypherValue> = {};
  for (const [key, value] of Object.entries(params)) converted[key] = BigInt(value);
  return converted;
}

export class QuiverSide implements BenchSide {
  readonly name = 'quiver';
  private readonly database: Database;
  private readonly session: Session;

  private constructor(database: Database) {
    this.database = database;
    this.session = database.session();
  }

  static async open(): Promise<QuiverSide> {
    return new QuiverSide(await Database.open());
  }

  async load(data: PokecData): Promise<void> {
    for (let start = 0; start < data.users.length; start += BATCH) {
      const rows = data.users.slice(start, start + BATCH).map((user) => ({
        id: BigInt(user.id),
        age: BigInt(user.age),
        gender: user.gender,
        region: user.region,
        completion_percentage: BigInt(user.completion_percentage),
      }));
      await this.session.run(CREATE_USERS, { rows }).summary();
    }
    await this.session.run('CREATE INDEX user_id FOR (u:User) ON (u.id)').summary();
    await this.database.engine.store.awaitIndexesOnline();
    for (let start = 0; start < data.from.length; start += BATCH) {
      const edges: bigint[][] = [];
      for (let index = start; index < Math.min(data.from.length, start + BATCH); index++)
        edges.push([BigInt(data.from[index]!), BigInt(data.to[index]!)]);
      await this.session.run(CREATE_EDGES, { edges }).summary();
    }
  }

  async execute(query: MgbenchQuery, params: QueryParams): Promise<number> {
    let count = 0;
    // eslint-disable-next-line @typescript-eslint/no-unused-vars -- records are counted, not used
    for await (const _record of this.session.run(query.quiver, toParameters(params))) count++;
    return count;
  }

  async rows(query: MgbenchQuery, params: QueryParams): Promise<unknown[][]> {
    const records = await this.session.run(query.quiver, toParameters(params)).records();
    return records.map((record) => [...record.values]);
  }

  async close(): Promise<void> {
    await this.session.close();
    await this.database.close();
  }
}
