/**
 * A BoltBackend for the Bolt benchmarks. Unlike the test backend it is built for throughput: results are
 * produced lazily, one record at a time straight into the record sink (nothing is materialised, the row
 * array is reused), so what the benchmarks measure is Bolt itself, not a result list.
 *
 * The benchmark queries are fixed strings ({@link BENCH_QUERIES}); each names a record generator
 * ({@link BENCH_STREAMS}) that the replay server uses too, so both servers send the same values. Any login
 * is accepted; commits hand out `bm:<n>` bookmarks.
 */
import type {
  AuthenticatedUser,
  AuthToken,
  BackendTransaction,
  BoltBackend,
  QueryResult,
  RecordSink,
  ResultSummary,
  RoutingRequest,
  RoutingTable,
  TransactionRequest,
} from '../../src/bolt/index.js';
import {
  CypherSyntaxError,
  DatabaseError,
  Status,
  TransactionTerminatedError,
} from '../../src/errors/index.js';
import { Node, type CypherMap, type CypherValue } from '../../src/values/index.js';

/** The queries the bench backend understands (matched exactly). */
export const BENCH_QUERIES = {
  returnOne: 'RETURN 1 AS x',
  ints: 'UNWIND range(1, $n) AS i RETURN i',
  maps:
    "UNWIND range(1, $n) AS i RETURN {id: i, name: 'person-' + (i % 1024), age: i % 100, " +
    'score: i * 0.25, active: i % 2 = 0} AS m',
  nodes: 'MATCH (n:Person) RETURN n LIMIT $n',
} as const;

/**
 * A lazily generated result: its column names and the value of record `i` (1-based, one column), given as
 * a number and as the INTEGER value (a counter incremented per record, as a range operator would keep it:
 * cheaper than converting every number with `BigInt()`).
 */
export interface RecordStream {
  readonly fields: readonly string[];
  readonly record: (i: number, value: bigint) => CypherValue;
}

const NAMES: readonly string[] = Array.from(
  { length: 1024 },
  (_, index) => `person-${String(index).padStart(4, '0')}`,
);
const SMALL_INTS: readonly bigint[] = Array.from({ length: 100 }, (_, index) => BigInt(index));
const PERSON: readonly string[] = Object.freeze(['Person']);

/** The 5-key map of record `i` (the same shape Neo4j would send for a small map projection). */
function personMap(i: number, value: bigint): CypherMap {
  return {
    id: value,
    name: NAMES[i & 1023] ?? '',
    age: SMALL_INTS[i % 100] ?? 0n,
    score: i * 0.25,
    active: (i & 1) === 0,
  };
}

/**
 * Element ids shaped like Neo4j's and the real server's (`4:<database uuid>:<id>`, about 45 characters), so
 * that a driver decodes the same amount of text from the replay server as from Quiver's engine (the
 * server-bolt ceiling rows compare the two).
 */
const ELEMENT_ID_PREFIX = '4:6d1c1a8e-3f0b-4c55-9a7e-2b8f0e4d7c31:';

/** The record generators of the streaming queries, keyed by query text. */
export const BENCH_STREAMS: ReadonlyMap<string, RecordStream> = new Map<string, RecordStream>([
  [BENCH_QUERIES.ints, { fields: ['i'], record: (_i, value) => value }],
  [BENCH_QUERIES.maps, { fields: ['m'], record: personMap }],
  [
    BENCH_QUERIES.nodes,
    {
      fields: ['n'],
      record: (i, value) =>
        new Node({
          id: value,
          labels: PERSON,
          properties: personMap(i, value),
          elementId: `${ELEMENT_ID_PREFIX}${String(value)}`,
        }),
    },
  ],
]);

/** The one-record result of `RETURN 1 AS x` (it takes no `$n`). */
export const RETURN_ONE_STREAM: RecordStream = { fields: ['x'], record: () => 1n };

/** The bench backend (see the module comment). */
export class BenchBackend implements BoltBackend {
  readonly serverInfo = { agent: 'Neo4j/5.26.0', product: 'Quiver', version: '0.0.0-bench' };
  commits = 0;

  authenticate(token: AuthToken): AuthenticatedUser {
    return { username: token.principal ?? 'anonymous' };
  }

  beginTransaction(request: TransactionRequest): BackendTransaction {
    return new BenchTransaction(this, resolveDatabase(request.database));
  }

  routingTable(request: RoutingRequest): RoutingTable {
    const addresses = [request.routing['address'] ?? '127.0.0.1:7687'];
    return {
      ttlSeconds: 300,
      database: resolveDatabase(request.database),
      servers: [
        { role: 'WRITE', addresses },
        { role: 'READ', addresses },
        { role: 'ROUTE', addresses },
      ],
    };
  }
}

function resolveDatabase(name: string | null): string {
  if (name === null || name === 'neo4j') return 'neo4j';
  throw new DatabaseError(Status.DatabaseNotFound, `Database "${name}" does not exist`);
}

class BenchTransaction implements BackendTransaction {
  readonly database: string;
  private readonly backend: BenchBackend;
  private terminated = false;

  constructor(backend: BenchBackend, database: string) {
    this.backend = backend;
    this.database = database;
  }

  run(query: string, parameters: CypherMap): QueryResult {
    if (query === BENCH_QUERIES.returnOne) return new StreamResult(this, RETURN_ONE_STREAM, 1);
    const stream = BENCH_STREAMS.get(query);
    if (stream === undefined) {
      throw new CypherSyntaxError(`The bench backend does not know the query '${query}'`);
    }
    const n = Object.hasOwn(parameters, 'n') ? parameters['n'] : undefined;
    if (typeof n !== 'bigint' || n < 0n) {
      throw new DatabaseError(Status.ParameterMissing, 'Expected parameter $n (a non-negative INTEGER)');
    }
    return new StreamResult(this, stream, Number(n));
  }

  commit(): string {
    return `bm:${++this.backend.commits}`;
  }

  rollback(): void {
    // Nothing was written.
  }

  terminate(): void {
    this.terminated = true;
  }

  get isTerminated(): boolean {
    return this.terminated;
  }
}

/** Records 1..count of a stream, generated as they are pulled; `hasMore` is exact (no lookahead needed). */
class StreamResult implements QueryResult {
  readonly fields: readonly string[];
  private readonly tx: BenchTransaction;
  private readonly record: (i: number, value: bigint) => CypherValue;
  private readonly count: number;
  private produced = 0;
  /** One row array, refilled for every record: the sink encodes it synchronously. */
  private readonly row: CypherValue[] = [null];

  constructor(tx: BenchTransaction, stream: RecordStream, count: number) {
    this.tx = tx;
    this.fields = stream.fields;
    this.record = stream.record;
    this.count = count;
  }

  pull(n: number, sink: RecordSink): boolean {
    this.checkUsable();
    const end = Math.min(this.count, this.produced + n);
    const row = this.row;
    const record = this.record;
    let value = BigInt(this.produced);
    for (let i = this.produced + 1; i <= end; i++) {
      value += 1n;
      row[0] = record(i, value);
      sink(row);
    }
    this.produced = end;
    return end < this.count;
  }

  discard(n: number): boolean {
    this.checkUsable();
    this.produced = Math.min(this.count, this.produced + n);
    return this.produced < this.count;
  }

  summary(): ResultSummary {
    return { queryType: 'r', recordCount: this.produced };
  }

  private checkUsable(): void {
    if (this.tx.isTerminated) {
      throw new TransactionTerminatedError('The transaction has been terminated');
    }
  }
}
