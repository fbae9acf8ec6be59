import neo4j, { type Driver, type Session } from 'neo4j-driver-528';
import type * as Server from '../../../src/server/index.js';
import type { ProcedureDefinition } from '../../../src/execution/index.js';
import type { CypherMap, CypherValue } from '../../../src/values/index.js';
import type { ActualResult } from '../result-table.js';
import { DetailRecorder, recordDetails } from './detail-recorder.js';
import { fromDriverValue, toDriverValue } from './driver-values.js';
import type { TckDatabase, TckTarget } from './tck-target.js';

/**
 * The Bolt target (`QUIVER_TCK_TARGET=bolt`): every scenario's queries go through the official JavaScript
 * driver (neo4j-driver 5.28) to a Quiver server started in this process on a free port, each scenario in
 * a database of its own (`CREATE DATABASE tck<n>` on `system`, a session bound to it, `DROP DATABASE`
 * afterwards), which is as isolated as a fresh server and costs two round trips.
 *
 * - Values: the driver's (with `useBigInt`, so INTEGER stays exact) are converted to src/values
 *   (driver-values.ts), so the in-process comparison code judges them.
 * - Errors: the status code and message are the driver's `Neo4jError`'s; the TCK detail, which Bolt does
 *   not carry, is looked up by message from the server-side error (detail-recorder.ts).
 * - Side effects: the runner measures them by diffing the graph read through `run()` (side-effects.ts), the
 *   TCK's own definition, which needs nothing but queries and so works unchanged over Bolt.
 * - Procedures (`there exists a procedure …`) are registered on the scenario's database engine directly:
 *   Bolt has no way to define one, and the server is in this process.
 */

/**
 * Loaded dynamically, as the embedded target loads the engine, so that a server that does not load skips
 * the TCK with the reason. The server is assembled as `startServer()` does (in-memory databases, a Bolt
 * listener on a free port), with the backend wrapped to record error details.
 */
const SERVER_MODULE = '../../../src/server/index.js';

type ServerModule = typeof Server;

interface Running {
  readonly databases: Server.DatabaseManager;
  readonly server: Server.BoltServer;
  readonly driver: Driver;
  readonly recorder: DetailRecorder;
}

/** A TCK error seen over Bolt: the driver's code and message, plus the recovered TCK detail. */
class BoltQueryError extends Error {
  readonly code: string | undefined;
  readonly detail: string | undefined;

  constructor(message: string, code: string | undefined, detail: string | undefined) {
    super(message);
    this.code = code;
    this.detail = detail;
  }

  override get name(): string {
    return 'BoltQueryError';
  }
}

function asQueryError(error: unknown, recorder: DetailRecorder): BoltQueryError {
  if (!(error instanceof Error)) return new BoltQueryError(String(error), undefined, undefined);
  const code: unknown = Reflect.get(error, 'code');
  return new BoltQueryError(
    error.message,
    typeof code === 'string' ? code : undefined,
    recorder.detailFor(error.message),
  );
}

async function start(server: ServerModule): Promise<Running> {
  const databases = await server.DatabaseManager.open({});
  const recorder = new DetailRecorder();
  let address = 'localhost:7687';
  const backend = recordDetails(
    new server.EngineBoltBackend({ databases, advertisedAddress: () => address }),
    recorder,
  );
  let bolt: Server.BoltServer;
  try {
    bolt = await server.startBoltServer({ host: '127.0.0.1', port: 0, backend, logger: server.silentLogger });
  } catch (error) {
    await databases.close();
    throw error;
  }
  address = `127.0.0.1:${bolt.port}`;
  databases.address = address;
  // useBigInt: INTEGER values arrive as exact bigints rather than driver Integers.
  // eslint-disable-next-line @typescript-eslint/no-unsafe-class-instance-assignment -- the driver types its config as a class; plain objects are how it is used
  const driver = neo4j.driver(`bolt://${address}`, neo4j.auth.basic('neo4j', 'password'), {
    useBigInt: true,
  });
  return { databases, server: bolt, driver, recorder };
}

/** The Bolt target, or why it is unavailable (the server module does not load). */
export async function loadBoltTarget(): Promise<TckTarget | { readonly unavailable: string }> {
  let server: ServerModule;
  try {
    server = (await import(SERVER_MODULE)) as ServerModule;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { unavailable: `src/server could not be loaded: ${reason}` };
  }
  let running: Promise<Running> | undefined;
  let opened = 0;
  return {
    description: 'bolt (neo4j-driver 5.28, in-process server)',
    denylist: 'denylist-bolt.txt',
    async open(): Promise<TckDatabase> {
      running ??= start(server);
      const state = await running;
      opened += 1;
      const name = `tck${opened}`;
      await runOn(openSession(state.driver, 'system'), `CREATE DATABASE ${name}`);
      state.recorder.clear();
      return new BoltDatabase(state, name);
    },
    async close(): Promise<void> {
      if (running === undefined) return;
      const state = await running;
      try {
        await state.driver.close();
      } finally {
        try {
          await state.server.close();
        } finally {
          await state.databases.close();
        }
      }
    },
  };
}

function openSession(driver: Driver, database: string): Session {
  // eslint-disable-next-line @typescript-eslint/no-unsafe-class-instance-assignment -- the driver types its config as a class; plain objects are how it is used
  return driver.session({ database });
}

/** Runs one administrative statement in `session` and closes it. */
async function runOn(session: Session, statement: string): Promise<void> {
  try {
    await session.run(statement);
  } finally {
    await session.close();
  }
}

class BoltDatabase implements TckDatabase {
  private readonly state: Running;
  private readonly name: string;
  private readonly session: Session;

  constructor(state: Running, name: string) {
    this.state = state;
    this.name = name;
    this.session = openSession(state.driver, name);
  }

  registerProcedure(procedure: ProcedureDefinition): void {
    this.state.databases.get(this.name).procedures.register(procedure);
  }

  async run(query: string, parameters: CypherMap): Promise<ActualResult> {
    const driverParameters = toDriverValue(parameters) as Record<string, unknown>;
    try {
      const result = this.session.run(query, driverParameters);
      const columns = await result.keys();
      const { records } = await result;
      // By position: a record's values are in column order, and names need not be unique.
      const rows = records.map((record): readonly CypherValue[] =>
        columns.map((_, index) => fromDriverValue(record.get(index))),
      );
      return { columns: [...columns], rows };
    } catch (error) {
      throw asQueryError(error, this.state.recorder);
    }
  }

  async close(): Promise<void> {
    try {
      await this.session.close();
    } finally {
      await runOn(openSession(this.state.driver, 'system'), `DROP DATABASE ${this.name}`);
    }
  }
}
