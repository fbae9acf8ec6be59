/**
 * An in-memory BoltBackend for tests: scaffolding until the engine exists, kept small and honest. It
 * understands a handful of query forms (matched exactly, whitespace-insensitive), runs them lazily, and keeps
 * enough state (a node count, bookmarks as commit counters, a log of transactions) for tests to check what
 * Bolt did. With `async: true` every call answers with a promise, to exercise the asynchronous paths.
 *
 * Query forms:
 *   RETURN <int> AS <name>                          one record
 *   RETURN $<param> AS <name>                       echoes a parameter (type round trips)
 *   UNWIND range(1, $n) AS i RETURN i                lazy: records are produced as they are pulled
 *   UNWIND range(1, $n) AS i CREATE (:Item) RETURN i lazy write: each produced record creates a node
 *   UNWIND range(1, $n) AS i RETURN 100 / (i - $k) AS x  lazy; fails with `/ by zero` on the k-th record
 *   CREATE (:Item)                                  a write without records
 *   MATCH (n) RETURN count(n) AS count              committed nodes (plus this transaction's own)
 *   MATCH (a), (b) RETURN count(*) AS c             one record and a CartesianProduct notification
 *   EXPLAIN RETURN 1 AS x                           no records, a plan
 *   FAIL <Neo4j code>                               fails in RUN with that status
 *   FAIL ON PULL <Neo4j code>                       fails in the first PULL/DISCARD
 *   WAIT                                            a PULL that never ends until the transaction is terminated
 *   CALL dbms.routing.getRoutingTable($context[, $database]) and
 *   CALL dbms.cluster.routing.getRoutingTable($context)     the pre-4.3 routing procedures
 */
import {
  ALL_STATUSES,
  AuthenticationError,
  CypherSyntaxError,
  DatabaseError,
  NotificationCode,
  Status,
  TransactionTerminatedError,
} from '../../src/errors/index.js';
import type {
  AuthenticatedUser,
  BackendTransaction,
  BoltBackend,
  MaybePromise,
  QueryResult,
  RecordSink,
  ResultSummary,
  RoutingRequest,
  RoutingTable,
  TransactionRequest,
} from '../../src/bolt/backend.js';
import type { AuthToken } from '../../src/bolt/messages/request.js';
import type { CypherMap, CypherValue } from '../../src/values/index.js';

export interface TestBackendOptions {
  /** Answer every call with a promise (default false: synchronous answers). */
  readonly async?: boolean;
  /** username → password for scheme `basic` (default neo4j/password). */
  readonly users?: Readonly<Record<string, string>>;
  /** Accept scheme `none` (default false). */
  readonly allowAnonymous?: boolean;
}

/** What the test backend remembers about a transaction. */
export interface TransactionLog {
  readonly request: TransactionRequest;
  status: 'open' | 'committed' | 'rolled back';
  terminated: boolean;
  readonly queries: string[];
}

type Row = readonly CypherValue[];

export class TestBackend implements BoltBackend {
  readonly serverInfo = { agent: 'Neo4j/5.26.0', product: 'Quiver', version: '0.0.0-test' };
  /** Committed nodes. */
  nodeCount = 0;
  /** Bookmarks are `bm:<number of commits>`. */
  commits = 0;
  readonly transactions: TransactionLog[] = [];
  readonly isAsync: boolean;
  private readonly users: Readonly<Record<string, string>>;
  private readonly allowAnonymous: boolean;

  constructor(options: TestBackendOptions = {}) {
    this.isAsync = options.async ?? false;
    this.users = options.users ?? { neo4j: 'password' };
    this.allowAnonymous = options.allowAnonymous ?? false;
  }

  /** Returns `value`, or a promise of it in async mode; errors thrown by `compute` reject in async mode. */
  answer<T>(compute: () => T): MaybePromise<T> {
    if (!this.isAsync) return compute();
    return new Promise((resolve) => setImmediate(resolve)).then(compute);
  }

  authenticate(token: AuthToken): MaybePromise<AuthenticatedUser> {
    return this.answer(() => {
      if (token.scheme === 'none' && this.allowAnonymous) return { username: 'anonymous' };
      const principal = token.principal ?? '';
      if (
        token.scheme === 'basic' &&
        Object.hasOwn(this.users, principal) &&
        this.users[principal] === token.credentials
      ) {
        return { username: principal };
      }
      throw new AuthenticationError();
    });
  }

  beginTransaction(request: TransactionRequest): MaybePromise<BackendTransaction> {
    return this.answer(() => {
      const database = this.resolveDatabase(request.database);
      for (const bookmark of request.bookmarks) this.checkBookmark(bookmark);
      const log: TransactionLog = { request, status: 'open', terminated: false, queries: [] };
      this.transactions.push(log);
      return new TestTransaction(this, log, database);
    });
  }

  routingTable(request: RoutingRequest): MaybePromise<RoutingTable> {
    return this.answer(() => this.table(request.database, request.routing['address']));
  }

  /** The routing table of `database` (or the home database), advertising `address` in every role. */
  table(database: string | null, address: string | undefined): RoutingTable {
    const addresses = [address ?? 'localhost:7687'];
    return {
      ttlSeconds: 300,
      database: this.resolveDatabase(database),
      servers: [
        { role: 'WRITE', addresses },
        { role: 'READ', addresses },
        { role: 'ROUTE', addresses },
      ],
    };
  }

  private resolveDatabase(name: string | null): string {
    if (name === null || name === 'neo4j') return 'neo4j';
    if (name === 'system') return 'system';
    throw new DatabaseError(Status.DatabaseNotFound, `Database "${name}" does not exist`);
  }

  private checkBookmark(bookmark: string): void {
    const match = /^bm:(\d+)$/.exec(bookmark);
    if (match === null || Number(match[1]) > this.commits) {
      throw new DatabaseError(Status.InvalidBookmark, `Bookmark "${bookmark}" was not issued by this server`);
    }
  }
}

/** A transaction of {@link TestBackend}: node creations stay local until commit. */
export class TestTransaction implements BackendTransaction {
  readonly database: string;
  /** Nodes created by this transaction, not yet committed. */
  createdNodes = 0;
  private readonly backend: TestBackend;
  private readonly log: TransactionLog;
  private readonly terminationListeners: (() => void)[] = [];

  constructor(backend: TestBackend, log: TransactionLog, database: string) {
    this.backend = backend;
    this.log = log;
    this.database = database;
  }

  run(query: string, parameters: CypherMap): MaybePromise<QueryResult> {
    return this.backend.answer(() => {
      this.checkUsable();
      this.log.queries.push(query);
      return compileQuery(query.trim().replace(/\s+/g, ' '), parameters, this);
    });
  }

  commit(): MaybePromise<string> {
    return this.backend.answer(() => {
      this.checkUsable();
      this.backend.nodeCount += this.createdNodes;
      this.log.status = 'committed';
      return `bm:${++this.backend.commits}`;
    });
  }

  rollback(): MaybePromise<void> {
    return this.backend.answer(() => {
      this.log.status = 'rolled back';
    });
  }

  terminate(): void {
    this.log.terminated = true;
    for (const listener of this.terminationListeners.splice(0)) listener();
  }

  /** Throws once the transaction was terminated or ended. */
  checkUsable(): void {
    if (this.log.terminated) throw new TransactionTerminatedError('The transaction has been terminated');
    if (this.log.status !== 'open')
      throw new DatabaseError(Status.TransactionCommitFailed, 'The transaction has ended');
  }

  /** Resolves never; rejects when the transaction is terminated. */
  waitForTermination(): Promise<never> {
    return new Promise((_resolve, reject) => {
      this.terminationListeners.push(() => {
        reject(new TransactionTerminatedError('The transaction has been terminated'));
      });
    });
  }

  get backendOf(): TestBackend {
    return this.backend;
  }
}

function parameter(parameters: CypherMap, name: string): CypherValue {
  if (!Object.hasOwn(parameters, name)) {
    throw new DatabaseError(Status.ParameterMissing, `Expected parameter(s): ${name}`);
  }
  return parameters[name] ?? null;
}

function* range(count: bigint, onEach: () => void): Generator<Row> {
  for (let value = 1n; value <= count; value++) {
    onEach();
    yield [value];
  }
}

function statusByCode(code: string): DatabaseError {
  const status = ALL_STATUSES.find((candidate) => candidate.code === code);
  if (status === undefined) return new CypherSyntaxError(`Unknown status code ${code}`);
  return new DatabaseError(status, `Failed as asked: ${code}`);
}

/** Turns one of the known query forms into a lazy result. */
function compileQuery(query: string, parameters: CypherMap, tx: TestTransaction): QueryResult {
  let match: RegExpExecArray | null;
  if ((match = /^RETURN (-?\d+) AS (\w+)$/.exec(query)) !== null) {
    return new TestResult(tx, [match[2] ?? 'x'], [[BigInt(match[1] ?? 0)]][Symbol.iterator](), 'r');
  }
  if ((match = /^RETURN \$(\w+) AS (\w+)$/.exec(query)) !== null) {
    const value = parameter(parameters, match[1] ?? '');
    return new TestResult(tx, [match[2] ?? 'x'], [[value]][Symbol.iterator](), 'r');
  }
  if (query === 'UNWIND range(1, $n) AS i RETURN i') {
    const n = parameter(parameters, 'n');
    return new TestResult(
      tx,
      ['i'],
      range(typeof n === 'bigint' ? n : 0n, () => undefined),
      'r',
    );
  }
  if (query === 'UNWIND range(1, $n) AS i RETURN 100 / (i - $k) AS x') {
    const n = parameter(parameters, 'n');
    const k = parameter(parameters, 'k');
    const rows = function* (): Generator<Row> {
      for (const [i] of range(typeof n === 'bigint' ? n : 0n, () => undefined)) {
        if (i === k) throw new DatabaseError(Status.ArithmeticError, '/ by zero', { gqlStatus: '22012' });
        yield [100n / ((i as bigint) - (k as bigint))];
      }
    };
    return new TestResult(tx, ['x'], rows(), 'r');
  }
  if (query === 'UNWIND range(1, $n) AS i CREATE (:Item) RETURN i') {
    const n = parameter(parameters, 'n');
    const result: TestResult = new TestResult(
      tx,
      ['i'],
      range(typeof n === 'bigint' ? n : 0n, () => {
        tx.createdNodes++;
        result.created++;
      }),
      'rw',
    );
    return result;
  }
  if (query === 'CREATE (:Item)') {
    const result = new TestResult(tx, [], [].values(), 'w');
    tx.createdNodes++;
    result.created++;
    return result;
  }
  if (query === 'MATCH (n) RETURN count(n) AS count') {
    const count = BigInt(tx.backendOf.nodeCount + tx.createdNodes);
    return new TestResult(tx, ['count'], [[count]][Symbol.iterator](), 'r');
  }
  if (query === 'MATCH (a), (b) RETURN count(*) AS c') {
    const result = new TestResult(tx, ['c'], [[BigInt(tx.backendOf.nodeCount ** 2)]][Symbol.iterator](), 'r');
    result.notify = true;
    return result;
  }
  if (query === 'EXPLAIN RETURN 1 AS x') {
    const result = new TestResult(tx, ['x'], [].values(), 'r');
    result.explain = true;
    return result;
  }
  if ((match = /^FAIL ON PULL (\S+)$/.exec(query)) !== null) {
    const result = new TestResult(tx, ['x'], [].values(), 'r');
    result.failure = statusByCode(match[1] ?? '');
    return result;
  }
  if ((match = /^FAIL (\S+)$/.exec(query)) !== null) throw statusByCode(match[1] ?? '');
  if (query === 'WAIT') {
    const result = new TestResult(tx, ['x'], [].values(), 'r');
    result.waits = true;
    return result;
  }
  if (/^CALL dbms(\.cluster)?\.routing\.getRoutingTable\(\$context(, \$database)?\)$/.test(query)) {
    const context = parameter(parameters, 'context') as CypherMap;
    const database = Object.hasOwn(parameters, 'database') ? (parameters['database'] as string | null) : null;
    const address = typeof context['address'] === 'string' ? context['address'] : undefined;
    const table = tx.backendOf.table(database, address);
    const servers = table.servers.map((server) => ({ addresses: [...server.addresses], role: server.role }));
    return new TestResult(
      tx,
      ['ttl', 'servers'],
      [[BigInt(table.ttlSeconds), servers]][Symbol.iterator](),
      'r',
    );
  }
  throw new CypherSyntaxError(`Invalid input '${query}'`, { position: { offset: 0, line: 1, column: 1 } });
}

/** A lazy result over an iterator of rows, looking one row ahead to report `hasMore` exactly. */
class TestResult implements QueryResult {
  readonly fields: readonly string[];
  created = 0;
  notify = false;
  explain = false;
  waits = false;
  failure: DatabaseError | undefined;
  private readonly tx: TestTransaction;
  private readonly rows: Iterator<Row>;
  private readonly queryType: ResultSummary['queryType'];
  private lookahead: IteratorResult<Row> | undefined;
  private produced = 0;

  constructor(
    tx: TestTransaction,
    fields: readonly string[],
    rows: Iterator<Row>,
    queryType: ResultSummary['queryType'],
  ) {
    this.tx = tx;
    this.fields = fields;
    this.rows = rows;
    this.queryType = queryType;
  }

  pull(n: number, sink: RecordSink): MaybePromise<boolean> {
    if (this.waits) return this.tx.waitForTermination();
    return this.tx.backendOf.answer(() => this.produce(n, sink));
  }

  discard(n: number): MaybePromise<boolean> {
    if (this.waits) return this.tx.waitForTermination();
    return this.tx.backendOf.answer(() => this.produce(n, undefined));
  }

  summary(): ResultSummary {
    return {
      queryType: this.queryType,
      recordCount: this.produced,
      ...(this.created > 0
        ? { counters: { 'nodes-created': this.created, 'labels-added': this.created } }
        : {}),
      ...(this.notify
        ? {
            notifications: [
              {
                definition: NotificationCode.CartesianProduct,
                description: 'The pattern builds a cartesian product between (a) and (b)',
                position: { offset: 6, line: 1, column: 7 },
                parameters: { pat: '(a), (b)' },
              },
            ],
          }
        : {}),
      ...(this.explain
        ? { plan: { operatorType: 'ProduceResults', args: {}, identifiers: ['x'], children: [] } }
        : {}),
    };
  }

  private produce(n: number, sink: RecordSink | undefined): boolean {
    this.tx.checkUsable();
    if (this.failure !== undefined) throw this.failure;
    for (let count = 0; count < n; count++) {
      const next = this.next();
      if (next.done === true) return false;
      this.produced++;
      sink?.(next.value);
    }
    this.lookahead ??= this.rows.next();
    return this.lookahead.done !== true;
  }

  private next(): IteratorResult<Row> {
    const next = this.lookahead ?? this.rows.next();
    this.lookahead = undefined;
    return next;
  }
}
