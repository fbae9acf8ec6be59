import { BoltResponseError, formatProtocolVersion, type BoltClient, type Metadata } from '../bolt/index.js';
import { CypherArgumentError, DatabaseError, Status } from '../errors/index.js';
import { openClient, settleFirst, type ConnectionSettings } from './open-client.js';

export type { ConnectionSettings } from './open-client.js';

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
 * The shell's Bolt connection: logs in, runs statements in auto-commit or in the open explicit transaction
 * (streaming records to a sink), and keeps the state the prompt shows (database, transaction). After a
 * FAILURE it sends RESET, which also ends an open transaction on the server, so the shell never stays in
 * Bolt's FAILED state. When the connection drops (the server restarted), it says so through `onNotice`
 * and connects again, with the same credentials, before the next request; an explicit transaction open at
 * the time is gone with the old connection, which it reports. `:disconnect` and `:connect` close and open
 * it on request.
 */
export class ShellConnection {
  private client: BoltClient | null;
  private currentSettings: ConnectionSettings;
  private agent: string;
  private selectedDatabase: string | null;
  private lastDatabase: string | null = null;
  private transactionOpen = false;
  private running = false;
  /** The connection dropped without being asked to; the next request connects again. */
  private lost = false;
  /** An explicit transaction was open when the connection dropped, and the user was not told yet. */
  private lostTransaction = false;
  /** The user was told about the drop (a request failed with it). */
  private lossReported = false;
  /** Hears what the user should know about the connection (it dropped, it was made again). */
  onNotice: (text: string) => void = () => undefined;

  private constructor(opened: { client: BoltClient; serverAgent: string }, settings: ConnectionSettings) {
    this.client = opened.client;
    this.currentSettings = settings;
    this.agent = opened.serverAgent;
    this.selectedDatabase = settings.database ?? null;
    this.watch(opened.client);
  }

  /** Connects and logs in. @throws DatabaseError (DatabaseUnavailable, Unauthorized, …) when that fails */
  static async open(settings: ConnectionSettings): Promise<ShellConnection> {
    const connection = new ShellConnection(await openClient(settings), settings);
    if (connection.selectedDatabase !== null) connection.requireDatabaseSupport();
    return connection;
  }

  /** The settings of the current (or last) connection, credentials included. */
  get settings(): ConnectionSettings {
    return this.currentSettings;
  }

  /** `server` of the HELLO SUCCESS (`Neo4j/5.26.0`). */
  get serverAgent(): string {
    return this.agent;
  }

  /** Whether the shell holds a connection (false after `:disconnect`). */
  get isConnected(): boolean {
    return this.client !== null;
  }

  /** The negotiated Bolt version, as `5.8`. */
  get protocolVersion(): string {
    return this.client === null ? 'none' : formatProtocolVersion(this.client.version);
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
    const client = await this.connected();
    const started = performance.now();
    const extra = this.transactionOpen ? {} : this.databaseField();
    let fields: readonly string[] | null = null;
    const early: (readonly unknown[])[] = [];
    this.running = true;
    try {
      const run = client.run(query, parameters, extra);
      // Records may be dispatched before the RUN promise's continuation runs: keep them until the columns are known.
      const pull = client.pull(-1, undefined, (values) => {
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
    const client = await this.connected();
    try {
      await client.begin(this.databaseField());
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
    this.client?.reset().catch(() => undefined);
  }

  /** Says GOODBYE and closes; an open transaction is rolled back by the server. */
  async close(): Promise<void> {
    const client = this.client;
    this.client = null;
    this.transactionOpen = false;
    this.lost = false;
    this.lostTransaction = false;
    this.lossReported = false;
    await client?.goodbye().catch(() => undefined);
  }

  /**
   * Closes the current connection (if any) and connects with `settings` (`:connect`); on failure the
   * shell stays disconnected.
   * @throws DatabaseError when connecting or logging in fails
   */
  async reconnect(settings: ConnectionSettings): Promise<void> {
    await this.close();
    const opened = await openClient(settings);
    this.client = opened.client;
    this.agent = opened.serverAgent;
    this.currentSettings = settings;
    this.selectedDatabase = settings.database ?? null;
    this.lastDatabase = null;
    this.watch(opened.client);
  }

  /**
   * The client to send requests on: after a drop, a new connection with the same credentials (and, if an
   * explicit transaction was open, an error saying it is gone, so the statement meant for it does not run
   * on its own).
   * @throws DatabaseError when disconnected, when connecting again fails, or for the lost transaction
   */
  private async connected(): Promise<BoltClient> {
    if (this.client === null) {
      throw new DatabaseError(Status.DatabaseUnavailable, 'Not connected: use :connect to connect again');
    }
    if (!this.lost) return this.client;
    const opened = await openClient(this.currentSettings);
    this.client = opened.client;
    this.agent = opened.serverAgent;
    this.lost = false;
    this.lossReported = false;
    this.watch(opened.client);
    this.onNotice(`Reconnected to ${this.currentSettings.address.url}.`);
    if (this.lostTransaction) {
      this.lostTransaction = false;
      throw new DatabaseError(
        Status.DatabaseUnavailable,
        'The open transaction was lost with the connection (the server rolled it back), so this ' +
          'statement did not run: use :begin to start a new one',
      );
    }
    return opened.client;
  }

  /** Notes when `client` closes without the shell asking: the next request connects again. */
  private watch(client: BoltClient): void {
    void client.closed.then(() => {
      if (this.client === client) this.noteLoss();
    });
  }

  /** The connection dropped: remember whether a transaction went with it. */
  private noteLoss(): void {
    if (this.lost) return;
    this.lost = true;
    this.lostTransaction = this.transactionOpen;
    this.transactionOpen = false;
  }

  private async finish(action: 'commit' | 'rollback'): Promise<void> {
    // A transaction lost with a dropped connection is reported by connected(), not as "no transaction".
    const lostUntold = this.lost && this.lostTransaction;
    if (!this.transactionOpen && !lostUntold) {
      throw new CypherArgumentError('There is no open transaction to ' + action);
    }
    const client = await this.connected();
    this.transactionOpen = false;
    try {
      const metadata = action === 'commit' ? await client.commit() : await client.rollback();
      this.noteDatabase(metadata);
    } catch (error) {
      await this.recover(error);
      throw error;
    }
  }

  /**
   * After a failure. A FAILURE: RESET (the server has dropped any open transaction, so the shell forgets it
   * too). A dropped connection: say so (and that an open transaction is gone); the next request connects
   * again.
   */
  private async recover(error: unknown): Promise<void> {
    if (error instanceof BoltResponseError) {
      this.transactionOpen = false;
      await this.client?.reset().catch(() => undefined);
      return;
    }
    if (!(error instanceof DatabaseError) || error.status !== Status.DatabaseUnavailable) return;
    if (this.client === null || this.lossReported) return;
    this.noteLoss();
    this.onNotice(
      'The connection to the server was lost' +
        (this.lostTransaction ? ' and the open transaction with it (the server rolled it back)' : '') +
        ': the shell connects again for the next statement.',
    );
    this.lossReported = true;
    this.lostTransaction = false;
  }

  private databaseField(): Metadata {
    return this.selectedDatabase === null || !this.supportsDatabases() ? {} : { db: this.selectedDatabase };
  }

  private supportsDatabases(): boolean {
    return this.client?.isAtLeast(4, 0) ?? true;
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

function asStrings(value: unknown): readonly string[] {
  return Array.isArray(value) ? value.map(String) : [];
}

function milliseconds(reported: unknown, measured: number): number {
  if (typeof reported === 'bigint' || typeof reported === 'number') return Number(reported);
  return Math.round(measured);
}
