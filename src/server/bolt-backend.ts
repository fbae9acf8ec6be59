import type {
  AuthenticatedUser,
  AuthToken,
  BackendTransaction,
  BoltBackend,
  QueryResult,
  RoutingRequest,
  RoutingTable,
  ServerInfo,
  TransactionRequest,
} from '../bolt/index.js';
import {
  isReadOnlyStatement,
  type CompiledStatement,
  type EngineTransaction,
  type ExecutingUser,
} from '../engine/index.js';
import type { CypherMap } from '../values/index.js';
import { BoltQueryResult } from './bolt-result.js';
import type { DatabaseManager } from './databases.js';
import { registerServerProcedures } from './server-procedures.js';
import { BOLT_AGENT, PRODUCT_NAME, PRODUCT_VERSION } from './version.js';

/** Routing tables stay valid this long (seconds): a single server never changes roles. */
const ROUTING_TTL_SECONDS = 300;

export interface EngineBackendOptions {
  readonly databases: DatabaseManager;
  /** The `host:port` clients reach this server at, for routing tables when the client sent none. */
  readonly advertisedAddress: () => string;
  /** Timeout (ms) of transactions whose client sets none; default none. */
  readonly defaultTransactionTimeoutMs?: number;
}

/**
 * The identity of every connection when no authenticator is in front of the backend (authentication
 * disabled): the engine then runs transactions without a user, as Neo4j does with its auth-disabled subject.
 */
class AuthDisabledUser implements AuthenticatedUser {
  readonly username: string;

  constructor(username: string) {
    this.username = username;
  }
}

/**
 * The user the engine runs a transaction as: the impersonated user if any (Neo4j's executing user), else the
 * authenticated one; none when authentication is disabled.
 */
function executingUser(request: TransactionRequest): ExecutingUser | undefined {
  if (request.user instanceof AuthDisabledUser) return undefined;
  return {
    username: request.impersonatedUser ?? request.user.username,
    roles: null,
    passwordChangeRequired: request.user.credentialsExpired === true,
  };
}

/**
 * THE adapter between Bolt and the engine (architecture: server is the only place where they meet). Every
 * call answers synchronously when the engine does (queries compile and start synchronously; records are
 * pulled lazily straight into Bolt's encoder).
 */
export class EngineBoltBackend implements BoltBackend {
  readonly serverInfo: ServerInfo = { agent: BOLT_AGENT, product: PRODUCT_NAME, version: PRODUCT_VERSION };
  private readonly databases: DatabaseManager;
  private readonly advertisedAddress: () => string;
  private readonly defaultTimeoutMs: number | null;

  constructor(options: EngineBackendOptions) {
    this.databases = options.databases;
    this.advertisedAddress = options.advertisedAddress;
    this.defaultTimeoutMs = options.defaultTransactionTimeoutMs ?? null;
    const services = {
      routingTable: (context: CypherMap, database: string | null) => this.table(context, database),
      databases: this.databases,
    };
    this.databases.setupDatabases((engine) => {
      registerServerProcedures(engine, services);
    });
  }

  /** Without configured users every login is accepted (auth disabled); `withAuthenticator` wraps this. */
  authenticate(token: AuthToken): AuthenticatedUser {
    return new AuthDisabledUser(token.principal ?? 'neo4j');
  }

  beginTransaction(request: TransactionRequest): BackendTransaction {
    const engine = this.databases.get(request.database);
    // A client's own timeout wins over the server default (as in Neo4j).
    const timeoutMs = request.timeoutMs ?? this.defaultTimeoutMs;
    const user = executingUser(request);
    const begin = (readOnly: boolean): EngineTransaction =>
      engine.begin({
        readOnly,
        implicit: request.type === 'auto-commit',
        ...(user === undefined ? {} : { user }),
        ...(timeoutMs === null ? {} : { timeoutMs }),
        ...(request.metadata === null ? {} : { metadata: request.metadata }),
      });
    // An auto-commit transaction holds one query: it is begun when that query arrives, read-only when the
    // query only reads (the store then skips read-set tracking). The query is compiled once for both.
    if (request.type === 'auto-commit' && request.mode !== 'r') {
      return new EngineBackendTransaction(engine.name, (query) => {
        const compiled = engine.tryCompile(query);
        return {
          transaction: begin(compiled !== undefined && isReadOnlyStatement(compiled)),
          compiled,
        };
      });
    }
    const transaction = begin(request.mode === 'r');
    return new EngineBackendTransaction(engine.name, () => ({ transaction, compiled: undefined }));
  }

  routingTable(request: RoutingRequest): RoutingTable {
    return this.table(request.routing, request.database);
  }

  private table(routing: Readonly<Record<string, unknown>>, database: string | null): RoutingTable {
    const engine = this.databases.get(database);
    const dialled = routing['address'];
    // 1.x drivers send an empty routing context: then the server names its own listening address.
    const address = typeof dialled === 'string' && dialled !== '' ? dialled : this.advertisedAddress();
    return {
      ttlSeconds: ROUTING_TTL_SECONDS,
      database: engine.name,
      servers: [
        { role: 'WRITE', addresses: [address] },
        { role: 'READ', addresses: [address] },
        { role: 'ROUTE', addresses: [address] },
      ],
    };
  }
}

/** The engine transaction begun for a first query, and that query's compilation if it was compiled. */
interface BegunTransaction {
  readonly transaction: EngineTransaction;
  readonly compiled: CompiledStatement | undefined;
}

class EngineBackendTransaction implements BackendTransaction {
  readonly database: string;
  private readonly begin: (query: string) => BegunTransaction;
  private transaction: EngineTransaction | undefined;
  private terminated = false;

  /** @param begin starts the engine transaction, given the first query (called once) */
  constructor(database: string, begin: (query: string) => BegunTransaction) {
    this.database = database;
    this.begin = begin;
  }

  run(query: string, parameters: CypherMap): QueryResult {
    if (this.transaction === undefined) {
      const begun = this.begin(query);
      this.transaction = begun.transaction;
      if (this.terminated) this.transaction.terminate();
      if (begun.compiled !== undefined) {
        return new BoltQueryResult(this.transaction.runCompiled(begun.compiled, parameters));
      }
    }
    return new BoltQueryResult(this.transaction.run(query, parameters));
  }

  /** Not `async`: the engine's promise is handed on as it is, without another promise around it. */
  commit(): Promise<string> | string {
    return this.transaction === undefined ? '' : this.transaction.commit();
  }

  rollback(): void {
    this.transaction?.rollback();
  }

  terminate(): void {
    this.terminated = true;
    this.transaction?.terminate();
  }
}
