import type { NotificationDefinition, TextPosition } from '../errors/index.js';
import type { CypherMap, CypherValue } from '../values/index.js';
import type { AccessMode, AuthToken, MinimumSeverity, RoutingContext } from './messages/request.js';

/**
 * THE PORT: everything Bolt needs from a database (architecture "Dependency direction"; Neo4j
 * `BoltQueryExecutor`). `server/bolt-backend.ts` implements it over the engine; Bolt never imports the
 * engine. Design points:
 * - Results are lazy. `pull(n, sink)` hands records one by one to a synchronous sink that encodes them
 *   straight into the output buffer, so no record list is ever built. Bolt asks for records in batches and
 *   flushes the socket between batches (back-pressure).
 * - Every call may answer synchronously or with a promise (`MaybePromise`); an in-memory engine answers
 *   synchronously and pays no promise per call.
 * - Errors are thrown as `DatabaseError`s from src/errors; Bolt maps them to FAILURE in one place.
 * - Routing before Bolt 4.3 goes through Cypher procedures (`CALL dbms.routing.getRoutingTable($context,
 *   $database)`, `CALL dbms.cluster.routing.getRoutingTable($context)`), which reach the backend as ordinary
 *   queries: the backend answers them (from the same data as {@link BoltBackend.routingTable}), because they
 *   are real procedures (YIELD, explicit transactions, database `system`) that Bolt cannot recognise
 * reliably.
 * - Database names: `null` means the user's home database, else the default one; `"system"` must be
 *   accepted by servers that want Bolt 4.0–4.2 routing drivers; unknown names throw DatabaseNotFound.
 *   The resolved name is reported back (`BackendTransaction.database`, `RoutingTable.database`) because
 *   drivers learn the home database from it.
 */

/** A value or a promise of it: synchronous backends pay nothing for the promise machinery. */
export type MaybePromise<T> = T | Promise<T>;

/** What a server says about itself. */
export interface ServerInfo {
  /**
   * The `server` value of INIT/HELLO SUCCESS. Drivers require `Neo4j/<major>.<minor>.<patch>` (Python and
   * Java check the prefix, JS 1.x parses the version), so Quiver poses as e.g. `Neo4j/5.26.0`.
   */
  readonly agent: string;
  /** Quiver's own product name and version, for logs and `dbms.components()`. */
  readonly product: string;
  readonly version: string;
}

/** An authenticated identity; backends may extend it and get their object back in later calls. */
export interface AuthenticatedUser {
  readonly username: string;
  /** The password must be changed before the user can do anything else (sent as `credentials_expired`). */
  readonly credentialsExpired?: boolean;
}

/** The notification filter in force for a transaction (HELLO's settings overridden by BEGIN/RUN). */
export interface NotificationFilter {
  /** `null`: the server default (everything). */
  readonly minimumSeverity: MinimumSeverity | null;
  readonly disabledClassifications: readonly string[];
}

/** Options of a new transaction: BEGIN's extra, or auto-commit RUN's extra. */
export interface TransactionRequest {
  readonly user: AuthenticatedUser;
  /** Auto-commit transactions hold exactly one query and are committed by Bolt once it is consumed. */
  readonly type: 'auto-commit' | 'explicit';
  /** `null`: the user's home database or the default database. */
  readonly database: string | null;
  readonly mode: AccessMode;
  /** Wait until these commits are visible before starting. */
  readonly bookmarks: readonly string[];
  readonly timeoutMs: number | null;
  readonly metadata: CypherMap | null;
  readonly impersonatedUser: string | null;
  /** Bolt filters notifications again when writing; a backend may use this to avoid producing them. */
  readonly notifications: NotificationFilter;
}

/** An open transaction. */
export interface BackendTransaction {
  /** The resolved database name (reported in summaries and, from 5.8, in BEGIN/RUN SUCCESS). */
  readonly database: string;
  /** Starts a query; the result is lazy. Throws for syntax, semantic and parameter errors. */
  run(query: string, parameters: CypherMap): MaybePromise<QueryResult>;
  /** Commits and returns the bookmark of the commit. Open results are consumed first by Bolt. */
  commit(): MaybePromise<string>;
  /** Rolls back; must be safe to call after `terminate()` and after a failed operation. */
  rollback(): MaybePromise<void>;
  /**
   * RESET's interrupt or a closed connection: ongoing and later operations of this transaction fail with
   * `TransactionTerminatedError` as soon as possible. Synchronous and idempotent.
   */
  terminate(): void;
}

/**
 * Receives one record (values in `fields` order). It writes straight into the output buffer and may throw
 * (a value the negotiated version cannot encode); the backend must let that error propagate.
 */
export type RecordSink = (values: readonly CypherValue[]) => void;

/** A lazy query result. */
export interface QueryResult {
  /** Column names, in record order. */
  readonly fields: readonly string[];
  /**
   * Produces the next `n` records (n ≥ 1; `Infinity` for all) into `sink`. Must produce exactly `n` records
   * unless the result ends first. Returns whether more records may remain (`true` is allowed when exactly
   * `n` remained; the next call then produces none and returns `false`).
   */
  pull(n: number, sink: RecordSink): MaybePromise<boolean>;
  /**
   * Like `pull` without handing out records: the query still executes (writes happen, counters count;
   * bolt-spec-digest §9.4). Returns whether more records may remain.
   */
  discard(n: number): MaybePromise<boolean>;
  /** The summary; valid once `pull` or `discard` returned `false`. */
  summary(): ResultSummary;
}

/** Query type of the final SUCCESS; drivers reject any other value. */
export type QueryType = 'r' | 'w' | 'rw' | 's';

/** Update counters, named as in the `stats` map (only non-zero ones are sent). */
export type CounterName =
  | 'nodes-created'
  | 'nodes-deleted'
  | 'relationships-created'
  | 'relationships-deleted'
  | 'properties-set'
  | 'labels-added'
  | 'labels-removed'
  | 'indexes-added'
  | 'indexes-removed'
  | 'constraints-added'
  | 'constraints-removed'
  | 'system-updates';

export type QueryCounters = Readonly<Partial<Record<CounterName, number>>>;

/**
 * A notification (a warning or information about a query). Its code, title, severity, category and
 * GQLSTATUS come from the registry entry, so the legacy (≤ 5.4) and GQL (5.6+) views cannot disagree.
 */
export interface Notification {
  readonly definition: NotificationDefinition;
  /** The legacy `description`: what this occurrence is about. */
  readonly description: string;
  readonly position?: TextPosition;
  /** Values of the GQLSTATUS message template (`{ $label }` …), sent as `_status_parameters` (5.6+). */
  readonly parameters?: Readonly<Record<string, string>>;
}

/** An EXPLAIN plan tree. */
export interface PlanDescription {
  readonly operatorType: string;
  readonly args: CypherMap;
  readonly identifiers: readonly string[];
  readonly children: readonly PlanDescription[];
}

/** A PROFILE plan tree. */
export interface ProfiledPlanDescription extends PlanDescription {
  readonly dbHits: number;
  readonly rows: number;
  readonly pageCacheHits: number;
  readonly pageCacheMisses: number;
  readonly pageCacheHitRatio: number;
  readonly time: number;
  readonly children: readonly ProfiledPlanDescription[];
}

/** What a consumed result reports. */
export interface ResultSummary {
  readonly queryType: QueryType;
  /** Records the query produced, streamed or discarded (Bolt 5.6+ tells `00000` from `02000` by it). */
  readonly recordCount: number;
  readonly counters?: QueryCounters;
  readonly notifications?: readonly Notification[];
  readonly plan?: PlanDescription;
  readonly profile?: ProfiledPlanDescription;
}

/** A ROUTE request (4.3+). */
export interface RoutingRequest {
  readonly user: AuthenticatedUser;
  /** The client's routing context: `address` is the host:port it dialled; echo it for single servers. */
  readonly routing: RoutingContext;
  readonly bookmarks: readonly string[];
  readonly database: string | null;
  readonly impersonatedUser: string | null;
}

export type RoutingRole = 'WRITE' | 'READ' | 'ROUTE';

/** A routing table. Drivers need at least one READ and one ROUTE address. */
export interface RoutingTable {
  readonly ttlSeconds: number;
  /** The resolved database (tells drivers the home database). */
  readonly database: string;
  readonly servers: readonly { readonly role: RoutingRole; readonly addresses: readonly string[] }[];
}

/** The database as Bolt sees it. */
export interface BoltBackend {
  readonly serverInfo: ServerInfo;
  /** @throws AuthenticationError (Security.Unauthorized) for bad credentials */
  authenticate(token: AuthToken): MaybePromise<AuthenticatedUser>;
  /** @throws DatabaseNotFound, InvalidBookmark, BookmarkTimeout and the like */
  beginTransaction(request: TransactionRequest): MaybePromise<BackendTransaction>;
  /** @throws DatabaseNotFound */
  routingTable(request: RoutingRequest): MaybePromise<RoutingTable>;
}
