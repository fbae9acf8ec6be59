/**
 * One interface over every driver API generation: URLs and TLS settings, session options, managed
 * transactions (executeRead/executeWrite on 5.x+, readTransaction/writeTransaction before), bookmarks
 * (`lastBookmarks()` / `lastBookmark()` as a list or a string) and closing (1.x closes with a callback).
 * Every driver it opens is tracked so a row can close them all, even after a failed scenario.
 */
import type {
  DriverLike,
  DriverModule,
  ResultLike,
  SessionLike,
  SummaryLike,
  RecordLike,
  TransactionLike,
  TransactionWork,
} from './driver-api.js';
import type { DriverLine } from './driver-lines.js';

/** Where a driver connects. */
export interface Target {
  readonly port: number;
  /** Encrypted with a self-signed certificate: `bolt+ssc`/`neo4j+ssc`, or 1.x `encrypted` + trust-all. */
  readonly tls: boolean;
}

export interface SessionOptions {
  readonly mode?: 'READ' | 'WRITE';
  readonly database?: string;
  readonly bookmarks?: readonly string[];
  readonly fetchSize?: number;
}

/** Short timeouts so a broken server fails a cell quickly instead of stalling CI. */
const COMMON_CONFIG = {
  connectionTimeout: 3000,
  connectionAcquisitionTimeout: 4000,
  maxTransactionRetryTime: 4000,
};

/** The retry delay the scenarios use instead of the drivers' 1 s default (the count is what matters). */
const RETRY_DELAY_MS = 1;

export class DriverAdapter {
  readonly line: DriverLine;
  readonly neo4j: DriverModule;
  private readonly drivers = new Set<DriverLike>();

  constructor(line: DriverLine, neo4j: DriverModule) {
    this.line = line;
    this.neo4j = neo4j;
  }

  /** The URL for `scheme` (1.x keeps the plain scheme: it encrypts through its config). */
  url(scheme: 'bolt' | 'neo4j', target: Target): string {
    const secure = target.tls && this.line.generation !== 1 ? '+ssc' : '';
    return `${scheme}${secure}://127.0.0.1:${target.port}`;
  }

  /** Opens a driver (lazy: it connects on first use). */
  open(scheme: 'bolt' | 'neo4j', target: Target, password = 'password'): DriverHandle {
    const legacyTls =
      this.line.generation === 1
        ? target.tls
          ? { encrypted: true, trust: 'TRUST_ALL_CERTIFICATES' }
          : { encrypted: false }
        : {};
    const driver = this.neo4j.driver(this.url(scheme, target), this.neo4j.auth.basic('neo4j', password), {
      ...COMMON_CONFIG,
      ...legacyTls,
    });
    this.drivers.add(driver);
    return new DriverHandle(this, driver);
  }

  /** Closes a driver opened by {@link open}. */
  async close(driver: DriverLike): Promise<void> {
    if (!this.drivers.delete(driver)) return;
    await driver.close();
  }

  /** Closes every driver still open. */
  async closeAll(): Promise<void> {
    await Promise.all([...this.drivers].map((driver) => this.close(driver)));
  }
}

export class DriverHandle {
  readonly driver: DriverLike;
  private readonly adapter: DriverAdapter;

  constructor(adapter: DriverAdapter, driver: DriverLike) {
    this.adapter = adapter;
    this.driver = driver;
  }

  session(options: SessionOptions = {}): SessionHandle {
    const mode = options.mode ?? 'WRITE';
    let raw: SessionLike;
    if (this.adapter.line.generation === 1) {
      raw = this.driver.session(mode, options.bookmarks === undefined ? undefined : [...options.bookmarks]);
    } else {
      raw = this.driver.session({
        defaultAccessMode: mode,
        ...(options.bookmarks === undefined ? {} : { bookmarks: [...options.bookmarks] }),
        ...(options.database === undefined ? {} : { database: options.database }),
        ...(options.fetchSize === undefined ? {} : { fetchSize: options.fetchSize }),
      });
    }
    const executor = raw._transactionExecutor;
    if (executor !== undefined && typeof executor._initialRetryDelayMs === 'number') {
      executor._initialRetryDelayMs = RETRY_DELAY_MS;
    }
    return new SessionHandle(this.adapter.line, raw);
  }

  close(): Promise<void> {
    return this.adapter.close(this.driver);
  }
}

export class SessionHandle {
  readonly raw: SessionLike;
  private readonly line: DriverLine;

  constructor(line: DriverLine, raw: SessionLike) {
    this.line = line;
    this.raw = raw;
  }

  /** Runs an auto-commit query and waits for all records and the summary. */
  async run(
    query: string,
    parameters: Readonly<Record<string, unknown>> = {},
  ): Promise<{ records: RecordLike[]; summary: SummaryLike }> {
    return await this.raw.run(query, parameters);
  }

  /** The result object itself (to subscribe or consume partially). */
  result(query: string, parameters: Readonly<Record<string, unknown>> = {}): ResultLike {
    return this.raw.run(query, parameters);
  }

  beginTransaction(): TransactionLike {
    return this.raw.beginTransaction();
  }

  /** The name of the managed-transaction API this line offers. */
  get managedApi(): string {
    return this.raw.executeRead === undefined
      ? 'readTransaction/writeTransaction'
      : 'executeRead/executeWrite';
  }

  read(work: TransactionWork): Promise<unknown> {
    if (this.raw.executeRead !== undefined) return this.raw.executeRead(work);
    if (this.raw.readTransaction !== undefined) return this.raw.readTransaction(work);
    return Promise.reject(new Error(`${this.line.alias} has no managed read transaction API`));
  }

  write(work: TransactionWork): Promise<unknown> {
    if (this.raw.executeWrite !== undefined) return this.raw.executeWrite(work);
    if (this.raw.writeTransaction !== undefined) return this.raw.writeTransaction(work);
    return Promise.reject(new Error(`${this.line.alias} has no managed write transaction API`));
  }

  /** The session's bookmarks as a list, whatever the generation returns. */
  lastBookmarks(): string[] {
    if (this.raw.lastBookmarks !== undefined) return [...this.raw.lastBookmarks()];
    const last = this.raw.lastBookmark?.() ?? null;
    if (last === null) return [];
    return typeof last === 'string' ? [last] : [...last];
  }

  async close(): Promise<void> {
    if (this.line.generation === 1) {
      await new Promise<void>((resolve) => {
        void this.raw.close(resolve);
      });
      return;
    }
    await this.raw.close();
  }
}
