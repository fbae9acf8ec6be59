import { ProtocolError } from '../../errors/index.js';
import { BoltClientCore, type BoltClientOptions, type RecordCallback } from './client-core.js';
import { BoltResponseError, expectSuccess, type BoltResponse } from './response-error.js';

/** Request message tags (bolt-spec-digest §1.1). */
const TAG = {
  HELLO: 0x01,
  GOODBYE: 0x02,
  RESET: 0x0f,
  RUN: 0x10,
  BEGIN: 0x11,
  COMMIT: 0x12,
  ROLLBACK: 0x13,
  DISCARD: 0x2f,
  PULL: 0x3f,
  TELEMETRY: 0x54,
  ROUTE: 0x66,
  LOGON: 0x6a,
  LOGOFF: 0x6b,
} as const;

/** An auth token: `{scheme: 'basic', principal, credentials}` or `{scheme: 'none'}`. */
export type ClientAuthToken = Readonly<Record<string, unknown>>;

/** Metadata of a SUCCESS. */
export type Metadata = Readonly<Record<string, unknown>>;

/** What a PULL or DISCARD produced. */
export interface StreamResult {
  readonly records: readonly (readonly unknown[])[];
  readonly summary: Metadata;
  /** `has_more: true`: the result has more records (Bolt 4.0+). */
  readonly hasMore: boolean;
}

/** A query run to completion: RUN's fields, every record, and the final summary. */
export interface QueryResult extends StreamResult {
  readonly fields: readonly string[];
}

/** `basic` auth token. */
export function basicAuth(principal: string, credentials: string): ClientAuthToken {
  return { scheme: 'basic', principal, credentials };
}

/**
 * A minimal Bolt client (shell, tests): TCP or WebSocket, optional TLS, any version from 1 to 6.0. It speaks
 * each version's message shapes (INIT vs HELLO vs HELLO + LOGON, PULL_ALL vs PULL {n, qid}, BEGIN messages vs
 * `RUN "BEGIN"` on Bolt 1/2) and hydrates records into Quiver values. Methods resolve with SUCCESS metadata
 * and throw {@link BoltResponseError} for FAILURE and IGNORED; after a FAILURE call {@link reset}.
 * Requests started in the same tick are pipelined into one write.
 */
export class BoltClient extends BoltClientCore {
  /** Connects, runs the handshake, and returns a client ready for {@link login}. */
  static async connect(options: BoltClientOptions): Promise<BoltClient> {
    const { stream, version, viaManifest, leftover } = await BoltClientCore.open(options);
    const client = new BoltClient(stream, version, viaManifest, options.userAgent ?? 'quiver-client/0');
    if (leftover.length > 0) client.receive(leftover);
    return client;
  }

  /**
   * Authenticates the way the version wants it: INIT (1/2), HELLO with the token (3 … 5.0), HELLO then
   * LOGON (5.1+, pipelined). Asks for the `utc` patch on 4.3/4.4. Returns the HELLO/INIT SUCCESS metadata.
   */
  async login(auth: ClientAuthToken = { scheme: 'none' }, helloExtra: Metadata = {}): Promise<Metadata> {
    if (!this.isAtLeast(3, 0)) return this.request(TAG.HELLO, [this.userAgent, auth]);
    const extra: Record<string, unknown> = { user_agent: this.userAgent, ...helloExtra };
    if (this.isAtLeast(4, 3) && !this.isAtLeast(5, 0)) extra['patch_bolt'] ??= ['utc'];
    if (this.isAtLeast(5, 3)) extra['bolt_agent'] ??= { product: this.userAgent };
    if (!this.isAtLeast(5, 1)) {
      const metadata = await this.request(TAG.HELLO, [{ ...extra, ...auth }]);
      this.agreePatches(metadata);
      return metadata;
    }
    const hello = this.send(TAG.HELLO, [extra]);
    const logon = this.send(TAG.LOGON, [auth]);
    const metadata = await this.expectFirst(hello, logon);
    expectSuccess(await logon);
    return metadata;
  }

  /** LOGON (5.1+). */
  logon(auth: ClientAuthToken): Promise<Metadata> {
    return this.request(TAG.LOGON, [auth]);
  }

  /** LOGOFF (5.1+). */
  logoff(): Promise<Metadata> {
    return this.request(TAG.LOGOFF, []);
  }

  /** RUN; resolves with its SUCCESS (`fields`, `t_first`, `qid` in explicit transactions). */
  run(query: string, parameters: Metadata = {}, extra: Metadata = {}): Promise<Metadata> {
    return this.request(TAG.RUN, this.isAtLeast(3, 0) ? [query, parameters, extra] : [query, parameters]);
  }

  /** PULL `n` records (-1: all) of result `qid` (4.0+; PULL_ALL before, where `n` must be -1). */
  async pull(n = -1, qid?: number, onRecord?: RecordCallback): Promise<StreamResult> {
    return this.consume(TAG.PULL, n, qid, onRecord);
  }

  /** DISCARD `n` records (-1: all) of result `qid` (4.0+; DISCARD_ALL before). */
  async discard(n = -1, qid?: number): Promise<StreamResult> {
    return this.consume(TAG.DISCARD, n, qid, undefined);
  }

  /** RUN + PULL all, pipelined. */
  async query(query: string, parameters: Metadata = {}, extra: Metadata = {}): Promise<QueryResult> {
    const run = this.send(TAG.RUN, this.isAtLeast(3, 0) ? [query, parameters, extra] : [query, parameters]);
    const pull = this.send(TAG.PULL, this.streamFields(-1, undefined));
    const runMetadata = await this.expectFirst(run, pull);
    const pullResponse = await pull;
    const summary = expectSuccess(pullResponse);
    return {
      fields: (runMetadata['fields'] ?? []) as readonly string[],
      records: pullResponse.records,
      summary,
      hasMore: summary['has_more'] === true,
    };
  }

  /** BEGIN (3+), or `RUN "BEGIN"` + PULL_ALL on Bolt 1/2. */
  async begin(extra: Metadata = {}): Promise<Metadata> {
    if (this.isAtLeast(3, 0)) return this.request(TAG.BEGIN, [extra]);
    return (await this.query('BEGIN')).summary;
  }

  /** COMMIT (3+; `RUN "COMMIT"` on 1/2); resolves with `{bookmark}`. */
  async commit(): Promise<Metadata> {
    if (this.isAtLeast(3, 0)) return this.request(TAG.COMMIT, []);
    return (await this.query('COMMIT')).summary;
  }

  /** ROLLBACK (3+; `RUN "ROLLBACK"` on 1/2). */
  async rollback(): Promise<Metadata> {
    if (this.isAtLeast(3, 0)) return this.request(TAG.ROLLBACK, []);
    return (await this.query('ROLLBACK')).summary;
  }

  /** RESET: clears a failure, rolls back, interrupts what runs. */
  reset(): Promise<Metadata> {
    return this.request(TAG.RESET, []);
  }

  /** ROUTE (4.3+): the third field is the database name on 4.3, an extra map `{db?, imp_user?}` from 4.4. */
  route(
    routing: Metadata = {},
    bookmarks: readonly string[] = [],
    database: string | null = null,
  ): Promise<Metadata> {
    const third = this.isAtLeast(4, 4) ? (database === null ? {} : { db: database }) : database;
    return this.request(TAG.ROUTE, [routing, bookmarks, third]);
  }

  /** TELEMETRY (5.4+). */
  telemetry(api: number): Promise<Metadata> {
    return this.request(TAG.TELEMETRY, [BigInt(api)]);
  }

  /** GOODBYE (3+) and close; on Bolt 1/2 just close. */
  async goodbye(): Promise<void> {
    if (this.isAtLeast(3, 0)) this.sendWithoutResponse(TAG.GOODBYE);
    this.end();
    await this.closed;
  }

  private async consume(
    tag: number,
    n: number,
    qid: number | undefined,
    onRecord: RecordCallback | undefined,
  ) {
    const response: BoltResponse = await this.send(tag, this.streamFields(n, qid), onRecord);
    if (response.kind !== 'SUCCESS') throw new BoltResponseError(response);
    return {
      records: response.records,
      summary: response.metadata,
      hasMore: response.metadata['has_more'] === true,
    };
  }

  private streamFields(n: number, qid: number | undefined): unknown[] {
    if (!this.isAtLeast(4, 0)) {
      if (n !== -1 || qid !== undefined)
        throw new ProtocolError(`Bolt ${this.versionText} streams whole results only`);
      return [];
    }
    return [qid === undefined ? { n: BigInt(n) } : { n: BigInt(n), qid: BigInt(qid) }];
  }

  /**
   * The SUCCESS metadata of the first of two pipelined requests. When it failed, its FAILURE is what the
   * caller learns (the second is IGNORED, or lost if the server closed), and the second is left unobserved.
   */
  private async expectFirst(first: Promise<BoltResponse>, second: Promise<BoltResponse>): Promise<Metadata> {
    let response: BoltResponse;
    try {
      response = await first;
    } catch (error) {
      second.catch(() => undefined);
      throw error;
    }
    if (response.kind !== 'SUCCESS') second.catch(() => undefined);
    return expectSuccess(response);
  }

  private agreePatches(metadata: Metadata): void {
    const patches = metadata['patch_bolt'];
    if (Array.isArray(patches) && patches.includes('utc')) this.useUtcPatch();
  }
}
