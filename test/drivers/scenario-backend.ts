/**
 * The backend of the driver matrix: the shared TestBackend (test/support), wrapped to (1) record what the
 * server asked of it, so scenarios can check the wire effects of a driver call (access mode, bookmarks,
 * database, PULL batch sizes, ROUTE vs routing procedure), and (2) add two query forms the scenarios need:
 *
 *   CALL test.flaky($key)   fails with Neo.TransientError.Transaction.DeadlockDetected the first time a key
 *                           is seen, then returns one record `attempt` (the attempt number): drives retries.
 *   CALL test.graph()       one record of nodes, a relationship and paths (values drivers only receive).
 *
 * It also fills in the routing context's `address` (the advertised address) when a client sent none: JS 1.7
 * calls the routing procedure with an empty context, and a single server must then answer with its own
 * reachable address (Neo4j uses its advertised address), not the test backend's `localhost:7687` default.
 */
import { DatabaseError, Status } from '../../src/errors/index.js';
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
} from '../../src/bolt/index.js';
import type { AuthToken } from '../../src/bolt/index.js';
import { Node, Path, Relationship, type CypherMap, type CypherValue } from '../../src/values/index.js';
import { TestBackend, type TestBackendOptions } from '../support/test-backend.js';

/** What the backend was asked, in order. */
export type BackendEvent =
  | { readonly kind: 'auth'; readonly principal: string | null; readonly ok: boolean }
  | { readonly kind: 'begin'; readonly request: TransactionRequest; readonly error: string | null }
  | { readonly kind: 'run'; readonly query: string; readonly database: string; readonly type: string }
  | { readonly kind: 'pull'; readonly query: string; readonly n: number }
  | { readonly kind: 'discard'; readonly query: string; readonly n: number }
  | { readonly kind: 'commit'; readonly database: string }
  | { readonly kind: 'rollback'; readonly database: string }
  | { readonly kind: 'route'; readonly request: RoutingRequest };

const FLAKY = 'CALL test.flaky($key)';
const GRAPH = 'CALL test.graph()';
const ROUTING_PROCEDURE = /^CALL dbms(\.cluster)?\.routing\.getRoutingTable\(\$context(, \$database)?\)$/;

/** Applies `then` to a value or a promise of it, keeping synchronous answers synchronous. */
function after<T, U>(value: MaybePromise<T>, then: (resolved: T) => U, failed: (error: unknown) => never) {
  if (value instanceof Promise) return value.then(then, failed);
  return then(value);
}

function runSafely<T>(compute: () => MaybePromise<T>, failed: (error: unknown) => never): MaybePromise<T> {
  try {
    return compute();
  } catch (error) {
    return failed(error);
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export class ScenarioBackend implements BoltBackend {
  readonly inner: TestBackend;
  readonly events: BackendEvent[] = [];
  /** Attempts per `test.flaky` key. */
  readonly flakyAttempts = new Map<string, number>();
  /** `host:port` to put in routing tables when the client's routing context has no address. */
  advertisedAddress: string | undefined;
  /** How often a routing procedure got the advertised address because the client's context had none. */
  filledRoutingAddresses = 0;

  constructor(options: TestBackendOptions = {}) {
    this.inner = new TestBackend(options);
  }

  get serverInfo(): TestBackend['serverInfo'] {
    return this.inner.serverInfo;
  }

  /** Forgets the recorded events (each scenario starts with a clean log). */
  clearEvents(): void {
    this.events.length = 0;
  }

  /** The recorded events of one kind. */
  eventsOf<K extends BackendEvent['kind']>(kind: K): Extract<BackendEvent, { kind: K }>[] {
    return this.events.filter((event): event is Extract<BackendEvent, { kind: K }> => event.kind === kind);
  }

  authenticate(token: AuthToken): MaybePromise<AuthenticatedUser> {
    const principal = token.principal ?? null;
    const failed = (error: unknown): never => {
      this.events.push({ kind: 'auth', principal, ok: false });
      throw error;
    };
    return after(
      runSafely(() => this.inner.authenticate(token), failed),
      (user) => {
        this.events.push({ kind: 'auth', principal, ok: true });
        return user;
      },
      failed,
    );
  }

  beginTransaction(request: TransactionRequest): MaybePromise<BackendTransaction> {
    const failed = (error: unknown): never => {
      this.events.push({ kind: 'begin', request, error: messageOf(error) });
      throw error;
    };
    return after(
      runSafely(() => this.inner.beginTransaction(request), failed),
      (tx) => {
        this.events.push({ kind: 'begin', request, error: null });
        return new ScenarioTransaction(this, tx, request.type);
      },
      failed,
    );
  }

  routingTable(request: RoutingRequest): MaybePromise<RoutingTable> {
    this.events.push({ kind: 'route', request });
    const address = request.routing['address'] ?? this.advertisedAddress;
    return this.inner.table(request.database, address);
  }

  /** Counts an attempt of `test.flaky` and returns its number. */
  nextFlakyAttempt(key: string): number {
    const attempt = (this.flakyAttempts.get(key) ?? 0) + 1;
    this.flakyAttempts.set(key, attempt);
    return attempt;
  }
}

/** A transaction of {@link ScenarioBackend}: records its work and answers the extra query forms. */
class ScenarioTransaction implements BackendTransaction {
  private readonly backend: ScenarioBackend;
  private readonly inner: BackendTransaction;
  private readonly type: string;

  constructor(backend: ScenarioBackend, inner: BackendTransaction, type: string) {
    this.backend = backend;
    this.inner = inner;
    this.type = type;
  }

  get database(): string {
    return this.inner.database;
  }

  run(query: string, parameters: CypherMap): MaybePromise<QueryResult> {
    const normalized = query.trim().replace(/\s+/g, ' ');
    this.backend.events.push({ kind: 'run', query: normalized, database: this.database, type: this.type });
    if (normalized === FLAKY) return this.flaky(parameters);
    if (normalized === GRAPH) return new RowsResult(['a', 'r', 'p', 'q'], [graphRow()]);
    const given = ROUTING_PROCEDURE.test(normalized) ? this.withAddress(parameters) : parameters;
    const failed = (error: unknown): never => {
      throw error;
    };
    return after(this.inner.run(query, given), (result) => this.recording(normalized, result), failed);
  }

  commit(): MaybePromise<string> {
    this.backend.events.push({ kind: 'commit', database: this.database });
    return this.inner.commit();
  }

  rollback(): MaybePromise<void> {
    this.backend.events.push({ kind: 'rollback', database: this.database });
    return this.inner.rollback();
  }

  terminate(): void {
    this.inner.terminate();
  }

  private flaky(parameters: CypherMap): QueryResult {
    const key = parameters['key'];
    if (typeof key !== 'string') {
      throw new DatabaseError(Status.ParameterMissing, 'test.flaky needs a string parameter $key');
    }
    const attempt = this.backend.nextFlakyAttempt(key);
    if (attempt === 1) {
      throw new DatabaseError(
        Status.DeadlockDetected,
        `Deadlock detected as asked (key "${key}", attempt 1)`,
      );
    }
    return new RowsResult(['attempt'], [[BigInt(attempt)]]);
  }

  private withAddress(parameters: CypherMap): CypherMap {
    const context = parameters['context'];
    const address = this.backend.advertisedAddress;
    if (address === undefined || context === null || typeof context !== 'object' || Array.isArray(context)) {
      return parameters;
    }
    const map = context as CypherMap;
    if (typeof map['address'] === 'string') return parameters;
    this.backend.filledRoutingAddresses++;
    return { ...parameters, context: { ...map, address } };
  }

  private recording(query: string, result: QueryResult): QueryResult {
    const events = this.backend.events;
    return {
      fields: result.fields,
      pull(n: number, sink: RecordSink) {
        events.push({ kind: 'pull', query, n });
        return result.pull(n, sink);
      },
      discard(n: number) {
        events.push({ kind: 'discard', query, n });
        return result.discard(n);
      },
      summary: () => result.summary(),
    };
  }
}

/** A result over fixed rows. */
class RowsResult implements QueryResult {
  readonly fields: readonly string[];
  private readonly rows: readonly (readonly CypherValue[])[];
  private next = 0;

  constructor(fields: readonly string[], rows: readonly (readonly CypherValue[])[]) {
    this.fields = fields;
    this.rows = rows;
  }

  pull(n: number, sink: RecordSink): boolean {
    for (let count = 0; count < n && this.next < this.rows.length; count++) {
      const row = this.rows[this.next++];
      if (row !== undefined) sink(row);
    }
    return this.next < this.rows.length;
  }

  discard(n: number): boolean {
    this.next = Math.min(this.rows.length, this.next + n);
    return this.next < this.rows.length;
  }

  summary(): ResultSummary {
    return { queryType: 'r', recordCount: this.next };
  }
}

/** The graph values `CALL test.graph()` returns; the expected side of the `values-graph` scenarios. */
export const GRAPH_FIXTURE = (() => {
  const alice = new Node({
    id: 1n,
    elementId: '4:quiver:1',
    labels: ['Person', 'Driver'],
    properties: { name: 'Alice', born: 1990n, score: 9.5 },
  });
  const bob = new Node({ id: 2n, elementId: '4:quiver:2', labels: ['Person'], properties: { name: 'Bob' } });
  const carol = new Node({ id: 3n, elementId: '4:quiver:3', labels: [], properties: {} });
  const knows = new Relationship({
    id: 7n,
    elementId: '5:quiver:7',
    startNodeId: 1n,
    startNodeElementId: '4:quiver:1',
    endNodeId: 2n,
    endNodeElementId: '4:quiver:2',
    type: 'KNOWS',
    properties: { since: 2020n },
  });
  const likes = new Relationship({
    id: 8n,
    elementId: '5:quiver:8',
    startNodeId: 3n,
    startNodeElementId: '4:quiver:3',
    endNodeId: 2n,
    endNodeElementId: '4:quiver:2',
    type: 'LIKES',
  });
  // `p` walks KNOWS forwards; `q` walks LIKES against its direction (Bob <-[:LIKES]- Carol).
  const forward = new Path([alice, bob], [knows]);
  const mixed = new Path([alice, bob, carol], [knows, likes]);
  return { alice, bob, carol, knows, likes, forward, mixed };
})();

function graphRow(): CypherValue[] {
  const { alice, knows, forward, mixed } = GRAPH_FIXTURE;
  return [alice, knows, forward, mixed];
}
