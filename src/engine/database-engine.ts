import { resolve } from 'node:path';
import { DatabaseError, Status } from '../errors/index.js';
import type { MemoryPool, ProcedureDefinition } from '../execution/index.js';
import type { CatalogView } from '../planner/index.js';
import { GraphStore } from '../storage/index.js';
import { StoreCatalogView } from './catalog.js';
import { QueryCache, type CompiledCommand, type CompiledStatement } from './compile.js';
import { EngineTransaction, type EngineTransactionOptions } from './engine-transaction.js';
import { MutableProcedureRegistry } from './procedure-registry.js';
import { builtinProcedures } from './procedures/builtin-procedures.js';
import { runDatabaseCommand } from './show/database-commands.js';
import type { DatabaseAdministration } from './show/administration.js';
import { runShowCommand } from './show/run-show.js';
import type { StatementResult } from './statement-result.js';
import type { CypherMap } from '../values/index.js';

export interface DatabaseEngineOptions {
  /** The database name (`neo4j` by default). */
  readonly name?: string;
  /** An existing store (recovered by durability); a new empty in-memory one otherwise. */
  readonly store?: GraphStore;
  /** The time zone of temporal functions without an explicit one (default `Z`, UTC). */
  readonly defaultTimeZone?: string;
  readonly procedures?: readonly ProcedureDefinition[];
  /** Query cache capacity (statements). */
  readonly queryCacheSize?: number;
  /** The server's databases (SHOW DATABASES, CREATE/DROP DATABASE); without it the engine sees only itself. */
  readonly administration?: DatabaseAdministration;
  /**
   * The root of `file:///` URLs in LOAD CSV (Neo4j's `server.directories.import`): `file:///a/b.csv` reads
   * `<importDirectory>/a/b.csv`, and paths leading outside it are refused. A relative path is resolved
   * against the working directory when the engine is created. Default: `import` under the process's
   * working directory (Neo4j's default is `import` under its home directory).
   */
  readonly importDirectory?: string;
  /**
   * The most memory (bytes, estimated) one transaction may hold in sorts, aggregations, DISTINCT, Eager,
   * collected lists and its own writes, like Neo4j's `db.memory.transaction.max`; beyond it the statement
   * fails with `Neo.ClientError.General.TransactionOutOfMemoryError` and the transaction is rolled back.
   * Default 0: no limit (Neo4j's default too).
   */
  readonly transactionMemoryMax?: number;
  /**
   * The memory all transactions together may hold (Neo4j's `dbms.memory.transaction.total.max`): pass the
   * same pool to every engine that shares it. Beyond it a statement fails with the transient
   * `Neo.TransientError.General.MemoryPoolOutOfMemoryError`. Default: none.
   */
  readonly memoryPool?: MemoryPool;
}

/** Whether a compiled statement is a query that only reads. */
export function isReadOnlyStatement(compiled: CompiledStatement): boolean {
  return compiled.kind === 'query' && compiled.plan.queryType === 'r';
}

/**
 * One database: its store, its procedures, its query cache and its running transactions. The embedded API
 * (`Database`) and the Bolt backend both drive it through `begin()`.
 */
export class DatabaseEngine {
  readonly name: string;
  readonly store: GraphStore;
  readonly procedures: MutableProcedureRegistry;
  readonly defaultTimeZone: string;
  /** The absolute directory LOAD CSV reads `file:///` URLs from. */
  readonly importDirectory: string;
  readonly cache: QueryCache;
  readonly catalog: CatalogView;
  /** When this engine was opened (db.info's creationDate; SHOW DATABASES' creationTime). */
  readonly createdAt: Date;
  /** Bytes one transaction may hold (0: no limit). */
  readonly transactionMemoryMax: number;
  readonly memoryPool: MemoryPool | undefined;
  private readonly active = new Set<EngineTransaction>();
  private readonly administration: DatabaseAdministration;
  /**
   * The name of the database of this server whose store has the id `databaseId` (the middle part of an
   * element id), or null (`db.nameFromElementId`).
   */
  readonly databaseNameOf = (databaseId: string): string | null =>
    this.administration.databases().find((engine) => engine.store.databaseId === databaseId)?.name ?? null;
  private generation = { procedures: -1, schema: -1, key: '' };

  constructor(options: DatabaseEngineOptions = {}) {
    this.name = options.name ?? 'neo4j';
    this.store = options.store ?? new GraphStore();
    this.createdAt = new Date();
    this.procedures = new MutableProcedureRegistry([
      ...builtinProcedures(this.store, {
        name: this.name,
        id: this.store.databaseId,
        creationDate: this.createdAt.toISOString(),
      }),
      ...(options.procedures ?? []),
    ]);
    this.defaultTimeZone = options.defaultTimeZone ?? 'Z';
    this.importDirectory = resolve(options.importDirectory ?? 'import');
    this.cache = new QueryCache(options.queryCacheSize ?? 1000);
    this.transactionMemoryMax = options.transactionMemoryMax ?? 0;
    this.memoryPool = options.memoryPool;
    this.catalog = new StoreCatalogView(this.store, this.procedures);
    this.administration = options.administration ?? this.standalone();
  }

  /** Starts a transaction. */
  begin(options: EngineTransactionOptions = {}): EngineTransaction {
    const transaction = new EngineTransaction(this, options);
    this.active.add(transaction);
    return transaction;
  }

  /** The running transactions (SHOW TRANSACTIONS). */
  get activeTransactions(): readonly EngineTransaction[] {
    return [...this.active];
  }

  /** Compiles through the query cache. */
  compile(text: string): CompiledStatement {
    return this.cache.compile(text, this.catalog, this.catalogGeneration());
  }

  /**
   * Whether `text` compiles to a query that only reads. An auto-commit transaction for such a query is begun
   * read-only, which spares the store the read-set tracking that serializable validation of writing
   * transactions needs. Compile errors answer false (running the query reports them).
   */
  isReadOnlyQuery(text: string): boolean {
    const compiled = this.tryCompile(text);
    return compiled !== undefined && isReadOnlyStatement(compiled);
  }

  /**
   * The compilation of `text`, or undefined when it does not compile (running it then reports the error).
   * With `isReadOnlyStatement` it tells how to begin an auto-commit transaction, and
   * `EngineTransaction.runCompiled` runs it without compiling again.
   */
  tryCompile(text: string): CompiledStatement | undefined {
    try {
      return this.compile(text);
    } catch {
      return undefined;
    }
  }

  /** The bookmark naming the latest commit of this database. */
  bookmark(): string {
    return `quiver:${this.store.databaseId}:${this.store.lastCommitTs}`;
  }

  /** Called by a transaction once it committed or rolled back. */
  transactionEnded(transaction: EngineTransaction): void {
    this.active.delete(transaction);
  }

  /**
   * SHOW, TERMINATE, CREATE/DROP DATABASE and Cypher transaction-control commands, run in `transaction`.
   * BEGIN/COMMIT/ROLLBACK inside a transaction are refused: the client controls transactions.
   */
  runAdministrativeCommand(
    compiled: CompiledCommand,
    transaction: EngineTransaction,
    parameters: CypherMap,
  ): StatementResult {
    const statement = compiled.statement;
    if (statement.kind === 'ShowCommand') {
      return runShowCommand(statement, compiled.text, transaction, parameters, this.administration);
    }
    if (statement.kind === 'CreateDatabase' || statement.kind === 'DropDatabase') {
      return runDatabaseCommand(statement, compiled.text, parameters, this.name, this.administration);
    }
    throw new DatabaseError(
      Status.SyntaxError,
      `${statement.kind} is not supported in this context: ${compiled.text}`,
    );
  }

  /** The administration of an engine that is not part of a server: itself only, no CREATE/DROP. */
  private standalone(): DatabaseAdministration {
    const refuse = (): never => {
      throw new DatabaseError(
        Status.UnsupportedAdministrationCommand,
        'This database is not hosted by a server: it cannot create or drop databases.',
      );
    };
    return { defaultDatabase: this.name, databases: () => [this], create: refuse, drop: refuse };
  }

  /** What a cached plan depends on: the procedures and the indexes (both versioned, so this is cheap). */
  private catalogGeneration(): string {
    const procedures = this.procedures.version;
    const schema = this.store.schemaVersion;
    if (procedures !== this.generation.procedures || schema !== this.generation.schema) {
      this.generation = { procedures, schema, key: `${procedures}|${schema}` };
    }
    return this.generation.key;
  }
}
