/**
 * A structural view of the `neo4j-driver` module: only what the matrix scenarios touch, typed loosely
 * enough to cover every API generation from 1.7 to 6.x (each line ships its own, mutually incompatible
 * typings, so the modules are loaded by alias at run time and seen through these interfaces). Members that
 * exist only in some generations are optional; the adapter decides which one to call.
 */

/** `neo4j.int(...)` values. */
export interface IntegerLike {
  toString(): string;
  toNumber(): number;
}

export interface RecordLike {
  readonly keys: readonly string[];
  get(key: string | number): unknown;
}

export interface CountersLike {
  /** 4.0+ */
  updates?(): Readonly<Record<string, number>>;
  /** 1.x */
  nodesCreated?(): number;
}

/** `ServerInfo` (summary.server, verifyConnectivity(), getServerInfo()). */
export interface ServerInfoLike {
  readonly address?: string;
  /** ≤ 4.3: the agent string. */
  readonly version?: string;
  /** 4.4+ */
  readonly agent?: string;
  /** 4.4–5.x: a number like 5.2; 6.x: `{major, minor}`. */
  readonly protocolVersion?: number | { readonly major: number; readonly minor: number };
}

export interface SummaryLike {
  /** 4.0+ */
  readonly queryType?: string;
  /** 1.x */
  readonly statementType?: string;
  readonly counters: CountersLike;
  readonly server: ServerInfoLike;
  /** 4.0+ */
  readonly database?: { readonly name?: string | null };
}

export interface ResultObserver {
  onKeys?(keys: string[]): void;
  onNext?(record: RecordLike): void;
  onCompleted?(summary: SummaryLike): void;
  onError?(error: unknown): void;
}

/** A result: awaitable (it is a thenable in every generation) and subscribable. */
export interface ResultLike extends PromiseLike<{ records: RecordLike[]; summary: SummaryLike }> {
  subscribe(observer: ResultObserver): unknown;
}

/** What managed transaction work and explicit transactions have in common. */
export interface QueryRunnerLike {
  run(query: string, parameters?: Readonly<Record<string, unknown>>): ResultLike;
}

export interface TransactionLike extends QueryRunnerLike {
  commit(): Promise<unknown>;
  rollback(): Promise<unknown>;
}

export type TransactionWork = (tx: QueryRunnerLike) => Promise<unknown>;

export interface SessionLike extends QueryRunnerLike {
  beginTransaction(): TransactionLike;
  /** ≤ 5.x */
  readTransaction?(work: TransactionWork): Promise<unknown>;
  writeTransaction?(work: TransactionWork): Promise<unknown>;
  /** 5.0+ */
  executeRead?(work: TransactionWork): Promise<unknown>;
  executeWrite?(work: TransactionWork): Promise<unknown>;
  /** 1.x: string | null; 4.0–4.2: string | null; 4.3+: string[] */
  lastBookmark?(): string | readonly string[] | null;
  /** 5.0+ */
  lastBookmarks?(): readonly string[];
  /** 1.x takes a callback and returns nothing; 4.0+ returns a promise. */
  close(callback?: () => void): Promise<void> | undefined;
  /** Internal in every line: its first retry delay (1 s by default) is shortened to keep CI fast. */
  readonly _transactionExecutor?: { _initialRetryDelayMs?: number };
}

export interface DriverLike {
  /** 1.x: `session(mode, bookmarks)`; 4.0+: `session({ defaultAccessMode, bookmarks, database, fetchSize })`. */
  session(...args: unknown[]): SessionLike;
  /** 1.x returns nothing; 4.0+ a promise. */
  close(): Promise<void> | undefined;
  /** 4.0+ */
  verifyConnectivity?(): Promise<ServerInfoLike | undefined>;
  /** 5.0+ */
  getServerInfo?(): Promise<ServerInfoLike>;
}

/** The constructors of the temporal and spatial types (`neo4j.types`). */
export interface DriverTypes {
  readonly Date: new (year: number, month: number, day: number) => object;
  readonly LocalTime: new (hour: number, minute: number, second: number, nanosecond: number) => object;
  readonly Time: new (
    hour: number,
    minute: number,
    second: number,
    nanosecond: number,
    offsetSeconds: number,
  ) => object;
  readonly LocalDateTime: new (
    year: number,
    month: number,
    day: number,
    hour: number,
    minute: number,
    second: number,
    nanosecond: number,
  ) => object;
  readonly DateTime: new (
    year: number,
    month: number,
    day: number,
    hour: number,
    minute: number,
    second: number,
    nanosecond: number,
    offsetSeconds?: number | null,
    zoneId?: string | null,
  ) => object;
  readonly Duration: new (months: number, days: number, seconds: number, nanoseconds: number) => object;
  readonly Point: new (srid: number, x: number, y: number, z?: number) => object;
}

/** The module object of a driver line. */
export interface DriverModule {
  driver(url: string, auth: unknown, config?: Readonly<Record<string, unknown>>): DriverLike;
  readonly auth: { basic(principal: string, credentials: string): unknown };
  int(value: string | number): IntegerLike;
  isInt(value: unknown): boolean;
  readonly types: DriverTypes;
  /** 6.x: builds a Vector from a typed array. */
  readonly vector?: (values: ArrayBufferView) => object;
  /** 6.2+: builds a UUID from its 8-4-4-4-12 text. */
  readonly uuid?: (text: string) => object;
}

/** A driver error: every generation sets `code` (Neo4j code, or e.g. ServiceUnavailable). */
export function errorCode(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' ? code : undefined;
}
