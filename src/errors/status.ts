/**
 * The single registry of public status codes (Neo4j `Status.java`; cockroach `pgcode`). Every error Quiver
 * reports carries one of these. The classification (ClientError, TransientError, DatabaseError) is parsed
 * from the code and never stored separately, so the two cannot drift. `docs/errors.md` lists every entry;
 * `status.test.ts` keeps the two in sync.
 */

declare const statusCodeBrand: unique symbol;
/** A Neo4j status code such as `Neo.ClientError.Statement.SyntaxError`; only the registry creates them. */
export type StatusCode = string & { readonly [statusCodeBrand]: 'StatusCode' };

export type Classification = 'ClientError' | 'TransientError' | 'DatabaseError' | 'ClientNotification';

/** GQL diagnostic classification, as sent in `diagnostic_record._classification` (Bolt 5.7+). */
export type GqlClassification = 'CLIENT_ERROR' | 'TRANSIENT_ERROR' | 'DATABASE_ERROR';

export interface StatusDefinition {
  /** Exactly four dot-separated parts: `Neo.<Classification>.<Category>.<Title>`. */
  readonly code: StatusCode;
  /** The GQLSTATUS (5 characters) sent as `gql_status` from Bolt 5.7 on. */
  readonly gqlStatus: string;
  /** The standard GQLSTATUS description sent as `description` from Bolt 5.7 on. */
  readonly gqlDescription: string;
  /** What the code means, for docs/errors.md. */
  readonly meaning: string;
}

const CLASSIFICATIONS: readonly Classification[] = ['ClientError', 'TransientError', 'DatabaseError', 'ClientNotification'];

function def(code: string, gqlStatus: string, gqlDescription: string, meaning: string): StatusDefinition {
  const parts = code.split('.');
  if (parts.length !== 4 || parts[0] !== 'Neo' || !CLASSIFICATIONS.includes(parts[1] as Classification)) {
    throw new Error(`Malformed status code in the registry: ${code}`);
  }
  if (!/^[0-9A-Z]{5}$/.test(gqlStatus)) throw new Error(`Malformed GQLSTATUS for ${code}: ${gqlStatus}`);
  return Object.freeze({ code: code as StatusCode, gqlStatus, gqlDescription, meaning });
}

const SYNTAX = 'error: syntax error or access rule violation';
const DATA = 'error: data exception';
const CONNECTION = 'error: connection exception';
const TX_STATE = 'error: invalid transaction state';
const PROCESSING = 'error: general processing exception';
const TX_ROLLBACK = 'error: transaction rollback';

/**
 * Every public status. Keys are the names code refers to (`Status.SyntaxError`); values are the wire facts.
 * GQLSTATUS codes and descriptions follow Neo4j's status-code documentation.
 */
export const Status = {
  // Neo.ClientError.Statement
  SyntaxError: def('Neo.ClientError.Statement.SyntaxError', '42001', `${SYNTAX} - invalid syntax`, 'The statement contains invalid or unsupported syntax'),
  SemanticError: def('Neo.ClientError.Statement.SemanticError', '42N00', `${SYNTAX}`, 'The statement is syntactically valid, but expresses something the database cannot do'),
  TypeError: def('Neo.ClientError.Statement.TypeError', '22N01', `${DATA} - invalid type`, 'The statement is attempting to perform operations on values with types that are not supported by the operation'),
  ArgumentError: def('Neo.ClientError.Statement.ArgumentError', '22N11', `${DATA} - invalid argument`, 'The statement is attempting to perform operations using invalid arguments'),
  ArithmeticError: def('Neo.ClientError.Statement.ArithmeticError', '22000', `${DATA}`, 'Invalid use of arithmetic, such as dividing by zero or an overflowing integer'),
  EntityNotFound: def('Neo.ClientError.Statement.EntityNotFound', '22N00', `${DATA}`, 'The statement refers to a non-existent entity'),
  ParameterMissing: def('Neo.ClientError.Statement.ParameterMissing', '42N51', `${SYNTAX} - invalid parameter`, 'The statement refers to a parameter that was not provided in the request'),
  PropertyNotFound: def('Neo.ClientError.Statement.PropertyNotFound', '22N00', `${DATA}`, 'The statement refers to a non-existent property'),
  NotSystemDatabaseError: def('Neo.ClientError.Statement.NotSystemDatabaseError', '42N17', `${SYNTAX} - unsupported request`, 'An administration command was sent to a database other than system'),
  UnsupportedAdministrationCommand: def('Neo.ClientError.Statement.UnsupportedAdministrationCommand', '42N17', `${SYNTAX} - unsupported request`, 'The administration command is not supported'),
  ExecutionFailed: def('Neo.ClientError.Statement.ExecutionFailed', '50N42', `${PROCESSING} - unexpected error`, 'The statement failed while executing'),
  // Neo.ClientError.Schema
  ConstraintValidationFailed: def('Neo.ClientError.Schema.ConstraintValidationFailed', '22N80', `${DATA}`, 'A constraint imposed by the database was violated'),
  ConstraintCreationFailed: def('Neo.ClientError.Schema.ConstraintCreationFailed', '22N80', `${DATA}`, 'Creating a requested constraint failed because the existing data violates it'),
  EquivalentSchemaRuleAlreadyExists: def('Neo.ClientError.Schema.EquivalentSchemaRuleAlreadyExists', '22N71', `${DATA}`, 'An index or constraint equivalent to the requested one already exists'),
  IndexNotFound: def('Neo.ClientError.Schema.IndexNotFound', '50N11', `${PROCESSING}`, 'The requested index was not found'),
  ConstraintNotFound: def('Neo.ClientError.Schema.ConstraintNotFound', '50N12', `${PROCESSING}`, 'The requested constraint was not found'),
  // Neo.ClientError.Procedure
  ProcedureNotFound: def('Neo.ClientError.Procedure.ProcedureNotFound', '42N08', `${SYNTAX} - no such procedure or function`, 'A request referred to a procedure that does not exist'),
  ProcedureCallFailed: def('Neo.ClientError.Procedure.ProcedureCallFailed', '52N37', 'error: procedure exception - procedure execution error', 'A procedure failed while executing'),
  // Neo.ClientError.Request (Bolt)
  RequestInvalid: def('Neo.ClientError.Request.Invalid', '08N06', `${CONNECTION} - protocol error`, 'The client provided a request that was invalid in the current state or with invalid fields'),
  RequestInvalidFormat: def('Neo.ClientError.Request.InvalidFormat', '08N06', `${CONNECTION} - protocol error`, 'The client provided a request that could not be decoded (bad chunking or PackStream)'),
  // Neo.ClientError.Security
  Unauthorized: def('Neo.ClientError.Security.Unauthorized', '42NFF', `${SYNTAX} - permission/access denied`, 'The client is unauthorized due to authentication failure'),
  AuthenticationRateLimit: def('Neo.ClientError.Security.AuthenticationRateLimit', '42NFF', `${SYNTAX} - permission/access denied`, 'The client has provided incorrect authentication details too many times in a row'),
  CredentialsExpired: def('Neo.ClientError.Security.CredentialsExpired', '42NFD', `${SYNTAX} - credentials expired`, 'The credentials have expired and need to be updated'),
  Forbidden: def('Neo.ClientError.Security.Forbidden', '42NFF', `${SYNTAX} - permission/access denied`, 'An attempt was made to perform an unauthorized action'),
  TokenExpired: def('Neo.ClientError.Security.TokenExpired', '42NFF', `${SYNTAX} - permission/access denied`, 'The provided token has expired'),
  // Neo.ClientError.Database
  DatabaseNotFound: def('Neo.ClientError.Database.DatabaseNotFound', '22N51', `${DATA} - graph reference not found`, 'The request referred to a database that does not exist'),
  ExistingDatabaseFound: def('Neo.ClientError.Database.ExistingDatabaseFound', '42N11', `${SYNTAX} - graph reference already exists`, 'The request attempted to create a database that already exists'),
  // Neo.ClientError.Transaction
  TransactionNotFound: def('Neo.ClientError.Transaction.TransactionNotFound', '25N05', `${TX_STATE} - transaction not found`, 'The request referred to a transaction that does not exist'),
  InvalidBookmark: def('Neo.ClientError.Transaction.InvalidBookmark', '08N12', `${CONNECTION} - invalid bookmark`, 'The supplied bookmark cannot be interpreted'),
  InvalidBookmarkMixture: def('Neo.ClientError.Transaction.InvalidBookmarkMixture', '08N13', `${CONNECTION} - invalid bookmark mixture`, 'Bookmarks for different databases were mixed in one request'),
  Terminated: def('Neo.ClientError.Transaction.Terminated', '25N14', `${TX_STATE}`, 'The transaction was terminated explicitly (RESET, TERMINATE TRANSACTION or timeout)'),
  TransactionTimedOutClientConfiguration: def('Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration', '25N14', `${TX_STATE}`, 'The transaction ran longer than the timeout the client configured'),
  ForbiddenDueToTransactionType: def('Neo.ClientError.Transaction.ForbiddenDueToTransactionType', '25N03', `${TX_STATE}`, 'Schema and data writes were mixed in one transaction'),
  // Neo.ClientError.General
  ForbiddenOnReadOnlyDatabase: def('Neo.ClientError.General.ForbiddenOnReadOnlyDatabase', '08N08', `${CONNECTION} - database is read-only`, 'A write was attempted in a read-only transaction or database'),
  // Neo.TransientError
  DeadlockDetected: def('Neo.TransientError.Transaction.DeadlockDetected', '50N05', `${PROCESSING} - deadlock detected`, 'Two transactions wrote the same entity concurrently; retrying may succeed'),
  Outdated: def('Neo.TransientError.Transaction.Outdated', '40N01', `${TX_ROLLBACK}`, 'The transaction read data that a concurrent transaction changed; retrying may succeed'),
  BookmarkTimeout: def('Neo.TransientError.Transaction.BookmarkTimeout', '08N13', `${CONNECTION}`, 'Waiting for the changes of a bookmark timed out'),
  DatabaseUnavailable: def('Neo.TransientError.General.DatabaseUnavailable', '08N09', `${CONNECTION} - database unavailable`, 'The database is not currently available to serve the request'),
  MemoryPoolOutOfMemoryError: def('Neo.TransientError.General.MemoryPoolOutOfMemoryError', '51N26', 'error: system configuration or operation exception - memory limit exceeded', 'The transaction used more memory than allowed'),
  NoThreadsAvailable: def('Neo.TransientError.Request.NoThreadsAvailable', '51N00', 'error: system configuration or operation exception', 'The server has too many connections or requests and cannot take this one now'),
  // Neo.DatabaseError
  UnknownError: def('Neo.DatabaseError.General.UnknownError', '50N42', `${PROCESSING} - unexpected error`, 'An unknown error occurred'),
  StorageDamageDetected: def('Neo.DatabaseError.General.StorageDamageDetected', '50N00', `${PROCESSING} - internal error`, 'Damage in the stored data was detected'),
  OutOfDiskSpace: def('Neo.DatabaseError.General.OutOfDiskSpace', '50N00', `${PROCESSING} - internal error`, 'The disk is full; the write was not made durable'),
  TransactionCommitFailed: def('Neo.DatabaseError.Transaction.TransactionCommitFailed', '40N01', `${TX_ROLLBACK}`, 'The database could not commit the transaction'),
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
