/**
 * Loads the Pokec-shaped graph (mgbench/pokec-data.ts) into a running server over Bolt, with the same
 * Cypher as the embedded side (mgbench/quiver-side.ts): the `User(id)` index first, then users by
 * `UNWIND $rows … CREATE`, then FRIEND edges by `UNWIND $edges … MATCH … CREATE`, in batches. Integers
 * travel as bigint, so they arrive as INTEGER.
 */
import { BoltClient } from '../../../src/bolt/index.js';
import type { PokecData } from '../mgbench/pokec-data.js';

const BATCH = 5_000;
const INDEX_WAIT_MS = 30_000;

const CREATE_USERS =
  'UNWIND $rows AS r CREATE (:User {id: r.id, age: r.age, gender: r.gender, region: r.region, ' +
  'completion_percentage: r.completion_percentage})';
const CREATE_EDGES =
  'UNWIND $edges AS e MATCH (a:User {id: e[0]}), (b:User {id: e[1]}) CREATE (a)-[:FRIEND]->(b)';

/** Waits until every index reports ONLINE (an index may populate in the background). */
async function awaitIndexesOnline(client: BoltClient): Promise<void> {
  const deadline = Date.now() + INDEX_WAIT_MS;
  for (;;) {
    const { records } = await client.query('SHOW INDEXES YIELD state RETURN state');
    if (records.every(([state]) => state === 'ONLINE')) return;
    if (Date.now() > deadline) throw new Error('indexes did not come online');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Loads `data` into the default database of the server at `port`. */
export async function loadPokecOverBolt(port: number, data: PokecData): Promise<void> {
  const client = await BoltClient.connect({ port });
  try {
    await client.login();
    await client.query('CREATE INDEX user_id FOR (u:User) ON (u.id)');
    await awaitIndexesOnline(client);
    for (let start = 0; start < data.users.length; start += BATCH) {
      const rows = data.users.slice(start, start + BATCH).map((user) => ({
        id: BigInt(user.id),
        age: BigInt(user.age),
        gender: user.gender,
        region: user.region,
        completion_percentage: BigInt(user.completion_percentage),
      }));
      await client.query(CREATE_USERS, { rows });
    }
    for (let start = 0; start < data.from.length; start += BATCH) {
      const edges: bigint[][] = [];
      for (let index = start; index < Math.min(data.from.length, start + BATCH); index++)
        edges.push([BigInt(data.from[index] ?? 0), BigInt(data.to[index] ?? 0)]);
      await client.query(CREATE_EDGES, { edges });
    }
  } finally {
    client.close();
  }
}
