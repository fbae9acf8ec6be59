/**
 * errors: the status registries and the error class family.
 * Inputs: nothing but `util`. Outputs: `Status` (Neo4j error codes, each with its GQLSTATUS and typical
 * cause), `GqlStatus` (every GQLSTATUS Quiver sends), `NotificationCode` (warnings and information),
 * `DatabaseError` and its subclasses, `invariant` and `assertNever`.
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
  type GqlPairing,
} from './status.js';
export {
  GqlStatus,
  ALL_GQL_STATUSES,
  findGqlStatus,
  type GqlStatusCode,
  type GqlErrorStatusCode,
} from './gql-status.js';
export {
  renderGqlDescription,
  type GqlStatusDefinition,
  type GqlStatusKind,
  type NotificationClassification,
} from './gql-status-definition.js';
export {
  NotificationCode,
  ALL_NOTIFICATION_CODES,
  type NotificationDefinition,
  type NotificationName,
  type NotificationSeverity,
} from './notification-code.js';
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
  MemoryLimitError,
  ProtocolError,
  AuthenticationError,
  InternalError,
  type DatabaseErrorOptions,
  type StatusOverrideOptions,
  type TextPosition,
} from './database-error.js';
export { PackStreamError, type PackStreamErrorReason } from './packstream-error.js';
export { invariant, assertNever } from './assert.js';
