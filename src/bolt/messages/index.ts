/**
 * bolt/messages: Bolt request and response messages, one file per message.
 * Input: the fields of a request struct (already unpacked, values hydrated). Output: typed request messages
 * (`kind` = spec name), or response structs written straight into a PackStream `Packer`; `failure.ts` is the
 * one place where errors become FAILURE metadata.
 * Must not know: the state machine, sockets, the database.
 */
export type {
  AccessMode,
  AuthToken,
  BoltAgent,
  MinimumSeverity,
  NotificationConfig,
  RequestDecoder,
  RequestFeatures,
  RequestKind,
  RequestMessage,
  RoutingContext,
  TelemetryApi,
  TransactionExtra,
} from './request.js';
export { REQUEST_KINDS } from './request.js';
export { REQUEST_TAG, RESPONSE_TAG, type ResponseKind } from './tags.js';
export { writeSuccess, writeSuccessHeader } from './success.js';
export { writeRecord } from './record.js';
export { writeIgnored } from './ignored.js';
export {
  GQL_FAILURE_SINCE,
  isUnexpectedError,
  toFailureMetadata,
  writeFailure,
  type FailureMetadata,
  type GqlFailureMetadata,
  type LegacyFailureMetadata,
} from './failure.js';
