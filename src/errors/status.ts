/**
 * The single registry of public status codes (Neo4j `Status.java`; cockroach `pgcode`). Every error Quiver
 * reports carries one of these. The classification (ClientError, TransientError, DatabaseError) is parsed
 * from the code and never stored separately, so the two cannot drift. Each entry names the GQLSTATUS Neo4j
 * sends with the code (Bolt 5.7+) and, where Neo4j wraps a more specific status, the typical `cause`; both
 * point into the one GQLSTATUS registry in `gql-status.ts`. `docs/errors.md` lists every entry and
 * `status.test.ts` keeps the two in sync.
 */
import { GqlStatus, type GqlErrorStatusCode } from './gql-status.js';
import type { GqlClassification, GqlStatusDefinition } from './gql-status-definition.js';

declare const statusCodeBrand: unique symbol;
/** A Neo4j status code such as `Neo.ClientError.Statement.SyntaxError`; only the registries create them. */
export type StatusCode = string & { readonly [statusCodeBrand]: 'StatusCode' };

export type Classification = 'ClientError' | 'TransientError' | 'DatabaseError' | 'ClientNotification';

export type { GqlClassification };

/**
 * Where the pairing of Neo4j code and GQLSTATUS comes from: `neo4j` when Neo4j's source sends exactly this
 * pair; `quiver` when Neo4j's pairing could not be confirmed and Quiver chose the closest documented status.
 */
export type GqlPairing = 'neo4j' | 'quiver';

export interface StatusDefinition {
  /** Exactly four dot-separated parts: `Neo.<Classification>.<Category>.<Title>`. */
  readonly code: StatusCode;
  /** The GQLSTATUS sent with this code from Bolt 5.7 on. */
  readonly gql: GqlStatusDefinition;
  /** The more specific GQLSTATUS Neo4j sends as `cause`, when it sends one for most errors of this code. */
  readonly gqlCause: GqlStatusDefinition | undefined;
  /** Shorthand for `gql.code`. */
  readonly gqlStatus: string;
  /** Shorthand for `gql.description`, the standard description sent as `description`. */
  readonly gqlDescription: string;
  readonly gqlPairing: GqlPairing;
  /** What the code means and when Quiver uses it, for docs/errors.md. */
  readonly meaning: string;
}

const CLASSIFICATIONS: readonly string[] = [
  'ClientError',
  'TransientError',
  'DatabaseError',
  'ClientNotification',
];

/** Checks that a code has Neo4j's four-part shape; shared with the notification registry. */
export function toStatusCode(code: string): StatusCode {
  const parts = code.split('.');
  const isWellFormed =
    parts.length === 4 &&
    parts[0] === 'Neo' &&
    CLASSIFICATIONS.includes(parts[1] ?? '') &&
    parts.every((part) => /^[A-Za-z]+$/.test(part));
  if (!isWellFormed) throw new Error(`Malformed status code in the registry: ${code}`);
  return code as StatusCode;
}

function def(
  code: string,
  gqlStatus: GqlErrorStatusCode,
  gqlCause: GqlErrorStatusCode | undefined,
  gqlPairing: GqlPairing,
  meaning: string,
): StatusDefinition {
  const gql = GqlStatus[gqlStatus];
  return Object.freeze({
    code: toStatusCode(code),
    gql,
    gqlCause: gqlCause === undefined ? undefined : GqlStatus[gqlCause],
    gqlStatus: gql.code,
    gqlDescription: gql.description,
    gqlPairing,
    meaning,
  });
}

/**
 * Every public status. Keys are the names code refers to (`Status.SyntaxError`); values are the wire facts.
 * Neo4j codes come from docs-status-codes `errors/all-errors.adoc`.
 */
// One entry per line: this is a table, and wrapping each call over seven lines would hide its shape.
// prettier-ignore
export const Status = {
  // Neo.ClientError.Statement
  SyntaxError: def('Neo.ClientError.Statement.SyntaxError', '42001', '42I06', 'neo4j', 'The statement contains invalid or unsupported syntax. The cause names the exact problem (42I06 invalid input, 42I02 unclosed comment, 42N45 unexpected end of input, ...)'),
  SemanticError: def('Neo.ClientError.Statement.SemanticError', '42001', undefined, 'neo4j', 'The statement parses but asks for something the database cannot do: undefined or rebound variables, misplaced aggregation, duplicate column names. Each semantic check passes its own cause (42N62 variable not defined, 42N59 variable already defined, 42I24 misplaced aggregate, ...)'),
  TypeError: def('Neo.ClientError.Statement.TypeError', '22G03', '22N01', 'neo4j', 'An operation received a value of a type it does not support; retrying the same statement cannot succeed'),
  ArgumentError: def('Neo.ClientError.Statement.ArgumentError', '22000', '22N11', 'neo4j', 'A function, procedure or clause received an argument of the right type but an invalid value'),
  ArithmeticError: def('Neo.ClientError.Statement.ArithmeticError', '22003', '22N28', 'neo4j', 'Invalid arithmetic such as integer overflow; division by zero overrides the status with 22012'),
  EntityNotFound: def('Neo.ClientError.Statement.EntityNotFound', '25N13', undefined, 'neo4j', 'The statement used a node or relationship that was deleted earlier in the same transaction'),
  ParameterMissing: def('Neo.ClientError.Statement.ParameterMissing', '42001', '42N81', 'neo4j', 'The statement refers to a parameter the request did not provide'),
  AccessMode: def('Neo.ClientError.Statement.AccessMode', '08N03', '42N02', 'neo4j', 'A write was attempted in a transaction or session opened in read access mode'),
  NotSystemDatabaseError: def('Neo.ClientError.Statement.NotSystemDatabaseError', '51N28', undefined, 'neo4j', 'An administration command was sent to a database other than `system`'),
  UnsupportedAdministrationCommand: def('Neo.ClientError.Statement.UnsupportedAdministrationCommand', '51N31', undefined, 'quiver', 'The administration command exists in Neo4j but Quiver does not support it'),
  ExternalResourceFailed: def('Neo.ClientError.Statement.ExternalResourceFailed', '22000', '22N43', 'neo4j', 'LOAD CSV could not read its file: a missing or unreadable file, a URL outside the import directory, an unsupported URL scheme or a malformed CSV record'),
  // Neo.ClientError.Schema and Neo.DatabaseError.Schema
  ConstraintValidationFailed: def('Neo.ClientError.Schema.ConstraintValidationFailed', '22N79', undefined, 'neo4j', 'A write violates a constraint; uniqueness violations use 22N79, missing required properties override it with 22N77, values of a type a property type constraint does not allow with 22N78'),
  EquivalentSchemaRuleAlreadyExists: def('Neo.ClientError.Schema.EquivalentSchemaRuleAlreadyExists', '22N70', undefined, 'quiver', 'An equivalent index already exists (22N70); for constraints override with 22N65'),
  IndexWithNameAlreadyExists: def('Neo.ClientError.Schema.IndexWithNameAlreadyExists', '22N71', undefined, 'quiver', 'An index with the requested name already exists'),
  ConstraintWithNameAlreadyExists: def('Neo.ClientError.Schema.ConstraintWithNameAlreadyExists', '22N67', undefined, 'quiver', 'A constraint with the requested name already exists'),
  IndexNotFound: def('Neo.ClientError.Schema.IndexNotFound', '22N69', undefined, 'quiver', 'The statement refers to an index that does not exist'),
  ConstraintNotFound: def('Neo.ClientError.Schema.ConstraintNotFound', '22N64', undefined, 'quiver', 'The statement refers to a constraint that does not exist'),
  ConstraintCreationFailed: def('Neo.DatabaseError.Schema.ConstraintCreationFailed', '50N11', undefined, 'quiver', 'Creating a constraint failed, typically because existing data violates it'),
  IndexDropFailed: def('Neo.DatabaseError.Schema.IndexDropFailed', '50N10', undefined, 'neo4j', 'An index could not be dropped because a constraint owns it (cause 22NBC); drop the constraint instead'),
  // Neo.ClientError.Procedure
  ProcedureNotFound: def('Neo.ClientError.Procedure.ProcedureNotFound', '42001', '42N08', 'quiver', 'The statement calls a procedure that is not registered'),
  ProcedureCallFailed: def('Neo.ClientError.Procedure.ProcedureCallFailed', '52N37', undefined, 'quiver', 'A procedure failed while running; the cause says why'),
  // Neo.ClientError.Request (Bolt)
  RequestInvalid: def('Neo.ClientError.Request.Invalid', '08N06', '08N10', 'neo4j', 'A Bolt message arrived in a state that does not accept it, or carried invalid fields'),
  RequestInvalidFormat: def('Neo.ClientError.Request.InvalidFormat', '08N06', '08N11', 'quiver', 'A Bolt message could not be decoded (bad chunking, PackStream or structure); the connection is closed afterwards'),
  // Neo.ClientError.Security
  Unauthorized: def('Neo.ClientError.Security.Unauthorized', '42NFF', undefined, 'neo4j', 'Authentication failed (wrong credentials or unsupported scheme); the connection is closed afterwards'),
  AuthenticationRateLimit: def('Neo.ClientError.Security.AuthenticationRateLimit', '42NFF', undefined, 'quiver', 'Too many failed authentication attempts in a row; the client must wait before retrying'),
  CredentialsExpired: def('Neo.ClientError.Security.CredentialsExpired', '42NFF', '42NFD', 'neo4j', 'The credentials are valid but must be changed before the user may do anything else'),
  Forbidden: def('Neo.ClientError.Security.Forbidden', '42NFF', undefined, 'neo4j', 'The authenticated user is not allowed to perform the action'),
  TokenExpired: def('Neo.ClientError.Security.TokenExpired', '42NFF', '42NFE', 'quiver', 'The auth token used to log on has expired'),
  AuthorizationExpired: def('Neo.ClientError.Security.AuthorizationExpired', '42NFF', '42NFE', 'neo4j', 'The stored authorization has expired; drivers re-authenticate their pooled connections'),
  // Neo.ClientError.Database
  DatabaseNotFound: def('Neo.ClientError.Database.DatabaseNotFound', '22N51', undefined, 'quiver', 'The request names a database that does not exist (Bolt `db` field); drivers fail fast on it'),
  ExistingDatabaseFound: def('Neo.ClientError.Database.ExistingDatabaseFound', '42N11', undefined, 'quiver', 'The request tried to create a database that already exists'),
  // Neo.ClientError.Transaction
  InvalidBookmark: def('Neo.ClientError.Transaction.InvalidBookmark', '08N12', undefined, 'quiver', 'A bookmark sent by the client cannot be parsed; only bookmarks issued by this server are valid'),
  InvalidBookmarkMixture: def('Neo.ClientError.Transaction.InvalidBookmarkMixture', '08N12', undefined, 'quiver', 'The client mixed bookmarks from different databases in one request'),
  Terminated: def('Neo.ClientError.Transaction.Terminated', '25N14', undefined, 'neo4j', 'The transaction was terminated explicitly (RESET, an operator, or shutdown). Pre-5.0 servers sent it as a TransientError; drivers remap that, so Quiver sends the ClientError form'),
  TransactionTimedOut: def('Neo.ClientError.Transaction.TransactionTimedOut', '25N14', undefined, 'neo4j', 'The transaction ran longer than the server-wide transaction timeout'),
  TransactionTimedOutClientConfiguration: def('Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration', '25N14', undefined, 'neo4j', 'The transaction ran longer than the `tx_timeout` the client set when it began'),
  LockClientStopped: def('Neo.ClientError.Transaction.LockClientStopped', '25N14', undefined, 'neo4j', 'The transaction was terminated while waiting for a lock, so it can acquire no more'),
  ForbiddenDueToTransactionType: def('Neo.ClientError.Transaction.ForbiddenDueToTransactionType', '25N01', undefined, 'neo4j', 'Schema changes and data writes were mixed in one transaction'),
  // Neo.ClientError.General and Neo.ClientError.Cluster
  ForbiddenOnReadOnlyDatabase: def('Neo.ClientError.General.ForbiddenOnReadOnlyDatabase', '08N08', undefined, 'neo4j', 'A write reached a database that is read-only; routing drivers forget this writer and retry'),
  TransactionOutOfMemoryError: def('Neo.ClientError.General.TransactionOutOfMemoryError', '51N73', undefined, 'neo4j', 'The transaction used more memory than the configured per-transaction limit; retrying it unchanged cannot succeed'),
  NotALeader: def('Neo.ClientError.Cluster.NotALeader', '08N07', undefined, 'neo4j', 'A write reached a cluster member that is not the leader; routing drivers retry elsewhere'),
  // Neo.TransientError: drivers retry these.
  DeadlockDetected: def('Neo.TransientError.Transaction.DeadlockDetected', '50N05', undefined, 'neo4j', 'Transactions waited for each other, or (in Quiver) wrote the same entity concurrently; this one was aborted and a retry will likely succeed'),
  LockAcquisitionTimeout: def('Neo.TransientError.Transaction.LockAcquisitionTimeout', '25N16', undefined, 'neo4j', 'A lock could not be acquired within the configured lock acquisition timeout'),
  Interrupted: def('Neo.TransientError.Transaction.Interrupted', '25N16', undefined, 'neo4j', 'The transaction was interrupted while waiting'),
  Outdated: def('Neo.TransientError.Transaction.Outdated', '25N11', undefined, 'quiver', 'The transaction saw state that a concurrent commit invalidated; a retry may succeed. Quiver sends it when a transaction that wrote read something a transaction committed after its snapshot changed (serializable validation at commit)'),
  BookmarkTimeout: def('Neo.TransientError.Transaction.BookmarkTimeout', '08N13', undefined, 'quiver', 'The database did not reach the state a bookmark requires in time'),
  MaximumTransactionLimitReached: def('Neo.TransientError.Transaction.MaximumTransactionLimitReached', '51N74', undefined, 'quiver', 'No new transaction can start because the limit of concurrent transactions is reached'),
  DatabaseUnavailable: def('Neo.TransientError.General.DatabaseUnavailable', '08N09', undefined, 'quiver', 'The database is starting, stopping or recovering and cannot serve the request now'),
  MemoryPoolOutOfMemoryError: def('Neo.TransientError.General.MemoryPoolOutOfMemoryError', '51N72', undefined, 'neo4j', 'A shared memory pool is exhausted; another attempt may find memory free'),
  TransactionMemoryLimit: def('Neo.TransientError.General.TransactionMemoryLimit', '51N36', undefined, 'quiver', 'Not enough memory (off-heap transaction memory in Neo4j) to perform the current task'),
  OutOfMemoryError: def('Neo.TransientError.General.OutOfMemoryError', '51N36', undefined, 'quiver', 'The server process ran out of memory for the current task'),
  StackOverFlowError: def('Neo.TransientError.General.StackOverFlowError', '51N37', undefined, 'quiver', 'The task needed more stack than available, e.g. a deeply nested expression'),
  NoThreadsAvailable: def('Neo.TransientError.Request.NoThreadsAvailable', '51N59', '51N38', 'neo4j', 'The server cannot take the request now (overload); Neo4j closes the connection afterwards'),
  // Neo.DatabaseError: server faults, not retried.
  UnknownError: def('Neo.DatabaseError.General.UnknownError', '50N42', undefined, 'neo4j', 'An unexpected internal error; also what every error outside the registry becomes on the wire'),
  StorageDamageDetected: def('Neo.DatabaseError.General.StorageDamageDetected', '50N00', undefined, 'quiver', 'Stored data or its files are damaged; restore from a backup'),
  TransactionStartFailed: def('Neo.DatabaseError.Transaction.TransactionStartFailed', '25N06', undefined, 'neo4j', 'The database could not start the transaction'),
  TransactionCommitFailed: def('Neo.DatabaseError.Transaction.TransactionCommitFailed', '2DN01', undefined, 'neo4j', 'The database could not commit the transaction'),
  TransactionRollbackFailed: def('Neo.DatabaseError.Transaction.TransactionRollbackFailed', '40N01', undefined, 'neo4j', 'The database could not roll the transaction back'),
  TransactionLogError: def('Neo.DatabaseError.Transaction.TransactionLogError', '2DN06', undefined, 'quiver', 'The transaction could not be written to the write-ahead log (e.g. the disk is full), so it was not made durable'),
} as const;

export type StatusName = keyof typeof Status;

/** Every registry entry, in declaration order. */
export const ALL_STATUSES: readonly StatusDefinition[] = Object.values(Status);

/** The classification part of a code (`Neo.<Classification>.…`). */
export function classificationOf(code: StatusCode): Classification {
  return code.split('.')[1] as Classification;
}

/** The GQL diagnostic classification matching a Neo4j code's classification. */
export function gqlClassificationOf(code: StatusCode): GqlClassification {
  switch (classificationOf(code)) {
    case 'TransientError':
      return 'TRANSIENT_ERROR';
    case 'DatabaseError':
      return 'DATABASE_ERROR';
    case 'ClientError':
    case 'ClientNotification':
      return 'CLIENT_ERROR';
  }
}

/** Whether drivers retry this code (they look for `TransientError` in it). */
export function isRetryable(code: StatusCode): boolean {
  return classificationOf(code) === 'TransientError';
}
