/**
 * errors: the single status registry (Neo4j status codes with their GQLSTATUS) and the error class family.
 * Input: nothing but `util`. Output: `Status`, `DatabaseError` and its subclasses, `invariant`.
 * Every layer throws these; only `bolt/messages/failure.ts` turns them into wire metadata.
 * Must not know: values, Bolt, Cypher or anything above.
 */
export {
  Status,
  ALL_STATUSES,
  classificationOf,
  gqlClassificationOf,
  isRetryable,
  type StatusCode,
  type StatusDefinition,
  type StatusName,
  type Classification,
  type GqlClassification,
} from './status.js';
export {
  DatabaseError,
  CypherSyntaxError,
  CypherSemanticError,
  CypherTypeError,
  CypherArgumentError,
  CypherArithmeticError,
  EntityNotFoundError,
  ConstraintViolationError,
  TransactionConflictError,
  TransactionTerminatedError,
  ProtocolError,
  AuthenticationError,
  InternalError,
  type DatabaseErrorOptions,
  type TextPosition,
} from './database-error.js';
export { PackStreamError, type PackStreamErrorReason } from './packstream-error.js';
export { invariant, assertNever } from './assert.js';
