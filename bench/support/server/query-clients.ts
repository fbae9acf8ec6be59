/**
 * The two kinds of client the server benchmark drives, behind one shape: `n` concurrent lanes, each running
 * one query at a time in its own auto-commit transaction and counting the records.
 * - `driver`: the official neo4j-driver 6.x, one session per lane (the driver's pool gives each its own
 *   connection), records counted in `subscribe` and never kept.
 * - `raw`: a raw counting Bolt client (bench/support/counting-client.ts), one connection per lane, RUN +
 *   PULL all pipelined in one write; it counts RECORD messages without decoding them, so its rows show
 *   what the server sustains and the gap to the driver's rows shows what the driver costs.
 */
import neo4j, { type Driver, type Session } from 'neo4j-driver-6';
import { CountingClient } from '../counting-client.js';
import { countRecords } from '../driver-records.js';

/** One lane: runs a query with an integer `$id` and resolves with its record count. */
export type Lane = (query: string, id: number) => Promise<number>;

export interface QueryClients {
  readonly name: string;
  /** The official driver, or the raw counting client (the one issue #6's throughput goals are set for). */
  readonly kind: 'driver' | 'raw';
  readonly lanes: readonly Lane[];
  close(): Promise<void>;
}

/** `count` lanes of neo4j-driver 6.x against `url`. */
export function driverClients(url: string, count: number): QueryClients {
  // eslint-disable-next-line @typescript-eslint/no-unsafe-class-instance-assignment -- the driver types its config as a class; plain objects are how it is used
  const driver: Driver = neo4j.driver(url, neo4j.auth.basic('neo4j', 'password'), {
    maxConnectionPoolSize: Math.max(count, 1),
  });
  const sessions: Session[] = Array.from({ length: count }, () => driver.session());
  const lanes = sessions.map(
    (session): Lane =>
      (query, id) =>
        countRecords(session, query, { id: neo4j.int(id) }),
  );
  return {
    name: 'neo4j-driver 6.3.0',
    kind: 'driver',
    lanes,
    close: async () => {
      await Promise.all(sessions.map((session) => session.close()));
      await driver.close();
    },
  };
}

/** `count` lanes of the raw counting client, each on its own connection (Bolt 5.8), against `port`. */
export async function rawClients(port: number, count: number): Promise<QueryClients> {
  const clients = await Promise.all(
    Array.from({ length: count }, () => CountingClient.open(port, { major: 5, minor: 8 })),
  );
  const lanes = clients.map(
    (client): Lane =>
      async (query, id) =>
        (await client.stream(query, { id: BigInt(id) })).records,
  );
  return {
    name: 'raw counting client',
    kind: 'raw',
    lanes,
    close: () => {
      for (const client of clients) client.close();
      return Promise.resolve();
    },
  };
}
