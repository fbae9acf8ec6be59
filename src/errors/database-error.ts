import { GqlStatus, type GqlErrorStatusCode } from './gql-status.js';
import type { GqlStatusDefinition } from './gql-status-definition.js';
import { classificationOf, Status, type Classification, type StatusDefinition } from './status.js';

/** A position in query text: 0-based offset, 1-based line and column (Neo4j's convention). */
export interface TextPosition {
  readonly offset: number;
  readonly line: number;
  readonly column: number;
}

export interface DatabaseErrorOptions {
  readonly position?: TextPosition;
  /** The openCypher TCK error detail, such as `UndefinedVariable`. */
  readonly detail?: string;
  /**
   * Replaces the status' own GQLSTATUS. Rarely right: Neo4j keeps the general status (say `42001`) and
   * names the specific problem in `gqlCause`. One legitimate use: division by zero (`22012`).
   */
  readonly gqlStatus?: GqlErrorStatusCode;
  /** The specific GQLSTATUS sent as `cause` (5.7+), such as `42N62`; defaults to the status' typical cause. */
  readonly gqlCause?: GqlErrorStatusCode;
  /** The error that led to this one, kept for logs; never sent to the client. */
  readonly cause?: unknown;
}

/** Options of the error classes that cover a family of codes and default to its most common one. */
export interface StatusOverrideOptions extends DatabaseErrorOptions {
  readonly status?: StatusDefinition;
}

/**
 * The base of every error Quiver reports to a client. The status decides the Neo4j code and, unless the
 * thrower names more specific ones, the GQLSTATUS and its cause; `bolt/messages/failure.ts` is the one place
 * that turns all of it into FAILURE metadata.
 */
export class DatabaseError extends Error {
  readonly status: StatusDefinition;
  readonly position: TextPosition | undefined;
  readonly detail: string | undefined;
  /** The GQLSTATUS sent as `gql_status` (5.7+). */
  readonly gql: GqlStatusDefinition;
  /** The GQLSTATUS sent in `cause` (5.7+), if any. */
  readonly gqlCause: GqlStatusDefinition | undefined;
  /** Shorthand for `gql.code`. */
  readonly gqlStatus: string;

  constructor(status: StatusDefinition, message: string, options: DatabaseErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.status = status;
    this.position = options.position;
    this.detail = options.detail;
    this.gql = options.gqlStatus === undefined ? status.gql : GqlStatus[options.gqlStatus];
    this.gqlCause = options.gqlCause === undefined ? status.gqlCause : GqlStatus[options.gqlCause];
    this.gqlStatus = this.gql.code;
  }

  override get name(): string {
    return this.constructor.name;
  }

  /** The Neo4j status code string (`Neo.ClientError.…`). */
  get code(): string {
    return this.status.code;
  }

  /** `ClientError`, `TransientError` or `DatabaseError`, parsed from the code. */
  get classification(): Classification {
    return classificationOf(this.status.code);
  }
}

/** Invalid syntax in a query (TCK `SyntaxError` raised at compile time). */
export class CypherSyntaxError extends DatabaseError {
  constructor(message: string, options: DatabaseErrorOptions = {}) {
    super(Status.SyntaxError, message, options);
  }
}

/**
 * A query that parses but breaks a scoping, binding or aggregation rule (TCK `SyntaxError` details). Neo4j 5
 * reports these as `Statement.SyntaxError`, so that is the default; `Statement.SemanticError` remains for
 * the few rules Neo4j reports under it.
 */
export class CypherSemanticError extends DatabaseError {
  constructor(message: string, options: StatusOverrideOptions = {}) {
    super(options.status ?? Status.SyntaxError, message, options);
  }
}

/** An operation on values of unsupported types (TCK `TypeError`). */
export class CypherTypeError extends DatabaseError {
  constructor(message: string, options: DatabaseErrorOptions = {}) {
    super(Status.TypeError, message, options);
  }
}

/** A function or clause called with an invalid argument (TCK `ArgumentError`). */
export class CypherArgumentError extends DatabaseError {
  constructor(message: string, options: DatabaseErrorOptions = {}) {
    super(Status.ArgumentError, message, options);
  }
}

/** Integer overflow, division by zero and the like (TCK `ArithmeticError`). */
export class CypherArithmeticError extends DatabaseError {
  constructor(message: string, options: DatabaseErrorOptions = {}) {
    super(Status.ArithmeticError, message, options);
  }
}

/** A query referring to a node or relationship that no longer exists (TCK `EntityNotFound`). */
export class EntityNotFoundError extends DatabaseError {
  constructor(message: string, options: DatabaseErrorOptions = {}) {
    super(Status.EntityNotFound, message, options);
  }
}

/** A write that violates a schema constraint (TCK `ConstraintValidationFailed`). */
export class ConstraintViolationError extends DatabaseError {
  constructor(message: string, options: DatabaseErrorOptions = {}) {
    super(Status.ConstraintValidationFailed, message, options);
  }
}

/**
 * A conflict between concurrent transactions; drivers retry it. Defaults to `DeadlockDetected`; pass
 * `status: Status.Outdated` or `Status.LockAcquisitionTimeout` for those cases.
 */
export class TransactionConflictError extends DatabaseError {
  constructor(message: string, options: StatusOverrideOptions = {}) {
    super(options.status ?? Status.DeadlockDetected, message, options);
  }
}

/**
 * A transaction ended from outside. Defaults to `Terminated` (RESET, shutdown); pass
 * `status: Status.TransactionTimedOutClientConfiguration` (or another termination code) for timeouts.
 */
export class TransactionTerminatedError extends DatabaseError {
  constructor(message: string, options: StatusOverrideOptions = {}) {
    super(options.status ?? Status.Terminated, message, options);
  }
}

/**
 * A transaction that needs more memory than it may use. Defaults to `TransactionOutOfMemoryError` (its own
 * limit: a ClientError, since retrying it unchanged cannot succeed); pass
 * `status: Status.MemoryPoolOutOfMemoryError` when the limit shared by all transactions is reached (a
 * TransientError: drivers retry, and memory may be free by then).
 */
export class MemoryLimitError extends DatabaseError {
  constructor(message: string, options: StatusOverrideOptions = {}) {
    super(options.status ?? Status.TransactionOutOfMemoryError, message, options);
  }
}

/**
 * A Bolt request that is not valid in the current state or has invalid fields. Defaults to
 * `Request.Invalid`; undecodable bytes use `Request.InvalidFormat` (see `PackStreamError`).
 */
export class ProtocolError extends DatabaseError {
  constructor(message: string, options: StatusOverrideOptions = {}) {
    super(options.status ?? Status.RequestInvalid, message, options);
  }
}

/**
 * Failed authentication; the connection is closed after the FAILURE. Defaults to `Unauthorized` with
 * Neo4j's exact message, which some tools match; pass another `Security` status for rate limits or
 * expired credentials.
 */
export class AuthenticationError extends DatabaseError {
  constructor(
    message = 'The client is unauthorized due to authentication failure.',
    options: StatusOverrideOptions = {},
  ) {
    super(options.status ?? Status.Unauthorized, message, options);
  }
}

/** A broken invariant inside Quiver; clients see a generic `UnknownError`. */
export class InternalError extends DatabaseError {
  constructor(message: string, options: DatabaseErrorOptions = {}) {
    super(Status.UnknownError, message, options);
  }
}
