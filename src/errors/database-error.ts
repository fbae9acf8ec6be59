import { Status, type StatusDefinition } from './status.js';

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
  /** A more specific GQLSTATUS than the status' own, when one applies. */
  readonly gqlStatus?: string;
  readonly cause?: unknown;
}

/**
 * The base of every error Quiver reports to a client. The status decides the Neo4j code and the GQLSTATUS;
 * `bolt/messages/failure.ts` is the one place that turns it into FAILURE metadata.
 */
export class DatabaseError extends Error {
  readonly status: StatusDefinition;
  readonly position: TextPosition | undefined;
  readonly detail: string | undefined;
  readonly gqlStatus: string;

  constructor(status: StatusDefinition, message: string, options: DatabaseErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.status = status;
    this.position = options.position;
    this.detail = options.detail;
    this.gqlStatus = options.gqlStatus ?? status.gqlStatus;
  }

  override get name(): string {
    return this.constructor.name;
  }

  /** The Neo4j status code string (`Neo.ClientError.…`). */
  get code(): string {
    return this.status.code;
  }
}

/** Invalid syntax in a query (TCK `SyntaxError` raised at compile time). */
export class CypherSyntaxError extends DatabaseError {
  constructor(message: string, options: DatabaseErrorOptions = {}) {
    super(Status.SyntaxError, message, options);
  }
}

/** A query that parses but breaks a scoping, binding or aggregation rule (TCK `SyntaxError` details). */
export class CypherSemanticError extends DatabaseError {
  constructor(message: string, options: DatabaseErrorOptions = {}) {
    super(Status.SemanticError, message, options);
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

/** A write-write conflict between concurrent transactions; drivers retry it. */
export class TransactionConflictError extends DatabaseError {
  constructor(message: string, options: DatabaseErrorOptions = {}) {
    super(Status.DeadlockDetected, message, options);
  }
}

/** A transaction ended from outside (RESET, termination, timeout). */
export class TransactionTerminatedError extends DatabaseError {
  constructor(message: string, options: DatabaseErrorOptions = {}) {
    super(Status.Terminated, message, options);
  }
}

/** A Bolt request that is not valid in the current state or has invalid fields. */
export class ProtocolError extends DatabaseError {
  constructor(message: string, options: DatabaseErrorOptions & { status?: StatusDefinition } = {}) {
    super(options.status ?? Status.RequestInvalid, message, options);
  }
}

/** Failed authentication; the connection is closed after the FAILURE. */
export class AuthenticationError extends DatabaseError {
  constructor(message = 'The client is unauthorized due to authentication failure.', options: DatabaseErrorOptions = {}) {
    super(Status.Unauthorized, message, options);
  }
}

/** A broken invariant inside Quiver; clients see a generic `UnknownError`. */
export class InternalError extends DatabaseError {
  constructor(message: string, options: DatabaseErrorOptions = {}) {
    super(Status.UnknownError, message, options);
  }
}
