import {
  basicAuth,
  BoltClient,
  BoltResponseError,
  formatProtocolVersion,
  type ClientAuthToken,
  type Metadata,
} from '../bolt/index.js';
import { CypherArgumentError } from '../errors/index.js';
import type { ShellAddress } from './address.js';

/** How to reach and log in to the server. */
export interface ConnectionSettings {
  readonly address: ShellAddress;
  /** Basic auth when given; otherwise the `none` scheme. */
  readonly username?: string;
  readonly password?: string;
  /** The database to use (`-d`); the user's home database when absent. */
  readonly database?: string;
  readonly userAgent?: string;
  readonly connectTimeoutMs?: number;
}

/** Receives one result as it streams in: the columns once, then every record. */
export interface ResultSink {
  begin(fields: readonly string[]): void;
  record(values: readonly unknown[]): void;
}

/** What a finished statement reports (besides its records). */
export interface StatementSummary {
  /** The server's `t_first` (ms until the result was ready), or the time measured by the shell. */
  readonly availableAfterMs: number;
  /** The server's `t_last` (ms to stream the result), or the time measured by the shell. */
  readonly consumedAfterMs: number;
  /** The summary metadata of the PULL (`stats`, `db`, `type`, `bookmark`, …). */
  readonly metadata: Metadata;
}

/**
 * The shell's one Bolt connection: logs in, runs statements in auto-commit or in the open explicit
 * transaction (streaming records to a sink), and keeps the state the prompt shows (database, transaction).
 * After a FAILURE it sends RESET, which also ends an open transaction on the server, so the shell never
 * stays in Bolt's FAILED state.
 */
export class ShellConnection {
  private readonly client: BoltClient;
  readonly settings: ConnectionSettings;
  /** `server` of the HELLO SUCCESS (`Neo4j/5.26.0`). */
  readonly serverAgent: string;
  private selectedDatabase: string | null;
  private lastDatabase: string | null = null;
  private transactionOpen = false;
  private running = false;

  private constructor(client: BoltClient, settings: ConnectionSettings, serverAgent: string) {
    this.client = client;
    this.settings = settings;
    this.serverAgent = serverAgent;
    this.selectedDatabase = settings.database ?? null;
  }

  /** Connects and logs in. @throws DatabaseError (DatabaseUnavailable, Unauthorized, …) when that fails */
  static async open(settings: ConnectionSettings): Promise<ShellConnection> {
    const { address } = settings;
    const client = await BoltClient.connect({
      host: address.host,
      port: address.port,
      transport: address.transport,
      tls: address.tls ?? false,
      userAgent: settings.userAgent ?? 'quiver-shell',
      ...(settings.connectTimeoutMs === undefined ? {} : { connectTimeoutMs: settings.connectTimeoutMs }),
    });
    const auth: ClientAuthToken =
      settings.username === undefined
        ? { scheme: 'none' }
        : basicAuth(settings.username, settings.password ?? '');
    let hello: Metadata;
    try {
      hello = await client.login(auth);
    } catch (error) {
      await client.goodbye().catch(() => undefined);
      throw error;
    }
    const agent = hello['server'];
    const connection = new ShellConnection(
      client,
      settings,
      typeof agent === 'string' ? agent : 'unknown server',
    );
    if (connection.selectedDatabase !== null) connection.requireDatabaseSupport();
    return connection;
  }

  /** The negotiated Bolt version, as `5.8`. */
  get protocolVersion(): string {
    return formatProtocolVersion(this.client.version);
  }

  /** The database chosen with `-d`/`:use`, else the one the server last reported, else null. */
  get database(): string | null {
    return this.selectedDatabase ?? this.lastDatabase;
  }

  get inTransaction(): boolean {
    return this.transactionOpen;
  }

  /** Whether a statement is running (Ctrl-C interrupts it then). */
  get isBusy(): boolean {
    return this.running;
  }

  /**
   * Runs a statement and streams its result into `sink` (RUN and PULL pipelined, as drivers do).
   * @throws BoltResponseError with the server's FAILURE; the connection is reset before it is thrown
   */
  async run(query: string, parameters: Metadata, sink: ResultSink): Promise<StatementSummary> {
    const started = performance.now();
    const extra = this.transactionOpen ? {} : this.databaseField();
    let fields: readonly string[] | null = null;
    const early: (readonly unknown[])[] = [];
    this.running = true;
    try {
      const run = this.client.run(query, parameters, extra);
      // Records may be dispatched before the RUN promise's continuation runs: keep them until the columns are known.
      const pull = this.client.pull(-1, undefined, (values) => {
        if (fields === null) early.push(values);
        else sink.record(values);
      });
      const runMetadata = await settleFirst(run, pull);
      const ready = performance.now();
      fields = asStrings(runMetadata['fields']);
      sink.begin(fields);
      for (const values of early) sink.record(values);
      const { summary } = await pull;
      const done = performance.now();
      this.noteDatabase(summary);
      return {
        availableAfterMs: milliseconds(
          runMetadata['t_first'] ?? runMetadata['result_available_after'],
          ready - started,
        ),
        consumedAfterMs: milliseconds(summary['t_last'] ?? summary['result_consumed_after'], done - ready),
        metadata: summary,
      };
    } catch (error) {
      await this.recover(error);
      throw error;
    } finally {
      this.running = false;
    }
  }

  /** Opens an explicit transaction on the current database. */
  async begin(): Promise<void> {
    if (this.transactionOpen) throw new CypherArgumentError('There is already an open transaction');
    try {
      await this.client.begin(this.databaseField());
    } catch (error) {
      await this.recover(error);
      throw error;
    }
    this.transactionOpen = true;
  }

  /** Commits the open transaction. */
  async commit(): Promise<void> {
    await this.finish('commit');
  }

  /** Rolls the open transaction back. */
  async rollback(): Promise<void> {
    await this.finish('rollback');
  }

  /**
   * Switches to `database` (null: the home database) after checking the server can run a statement there.
   * @throws BoltResponseError (e.g. DatabaseNotFound); the current database stays selected then
   */
  async use(database: string | null): Promise<void> {
    if (this.transactionOpen) {
      throw new CypherArgumentError(
        'There is an open transaction. Commit or roll it back before switching database',
      );
    }
    if (database !== null) this.requireDatabaseSupport();
    const previous = this.selectedDatabase;
    this.selectedDatabase = database;
    try {
      await this.run('RETURN 1', {}, { begin: () => undefined, record: () => undefined });
    } catch (error) {
      this.selectedDatabase = previous;
      throw error;
    }
  }

  /** Interrupts the running statement (Ctrl-C): RESET makes the server fail it. */
  interrupt(): void {
    this.client.reset().catch(() => undefined);
  }

  /** Says GOODBYE and closes; an open transaction is rolled back by the server. */
  async close(): Promise<void> {
    await this.client.goodbye().catch(() => undefined);
  }

  private async finish(action: 'commit' | 'rollback'): Promise<void> {
    if (!this.transactionOpen) throw new CypherArgumentError('There is no open transaction to ' + action);
    this.transactionOpen = false;
    try {
      const metadata = action === 'commit' ? await this.client.commit() : await this.client.rollback();
      this.noteDatabase(metadata);
    } catch (error) {
      await this.recover(error);
      throw error;
    }
  }

  /** After a FAILURE: RESET (the server has dropped any open transaction, so the shell forgets it too). */
  private async recover(error: unknown): Promise<void> {
    if (!(error instanceof BoltResponseError)) return;
    this.transactionOpen = false;
    await this.client.reset().catch(() => undefined);
  }

  private databaseField(): Metadata {
    return this.selectedDatabase === null || !this.supportsDatabases() ? {} : { db: this.selectedDatabase };
  }

  private supportsDatabases(): boolean {
    return this.client.isAtLeast(4, 0);
  }

  private requireDatabaseSupport(): void {
    if (!this.supportsDatabases()) {
      throw new CypherArgumentError(
        `Bolt ${this.protocolVersion} cannot select a database (needs Bolt 4.0 or newer)`,
      );
    }
  }

  private noteDatabase(metadata: Metadata): void {
    const db = metadata['db'];
    if (typeof db === 'string' && db !== '') this.lastDatabase = db;
  }
}

/**
 * The SUCCESS metadata of the first of two pipelined requests; when it fails, the second (IGNORED, or lost
 * with the connection) is left unobserved and the first's error is thrown.
 */
async function settleFirst(first: Promise<Metadata>, second: Promise<unknown>): Promise<Metadata> {
  try {
    return await first;
  } catch (error) {
    second.catch(() => undefined);
    throw error;
  }
}

function asStrings(value: unknown): readonly string[] {
  return Array.isArray(value) ? value.map(String) : [];
}

function milliseconds(reported: unknown, measured: number): number {
  if (typeof reported === 'bigint' || typeof reported === 'number') return Number(reported);
  return Math.round(measured);
}
