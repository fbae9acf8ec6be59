/**
 * bolt: the Neo4j Bolt protocol, server and client side. Input: bytes from any byte channel (TCP, TLS,
 * WebSocket) and a {@link BoltBackend} (the port a database implements). Output: Bolt responses on the
 * channel; on the client side, responses and hydrated records. Sub-modules: transport (handshake, chunks,
 * sniffing), messages, hydration (values ⇄ structures per version), versions, state-machine, connection
 * (one connection's glue), client (a minimal client for the shell and tests).
 * Must not know: the engine, storage, Cypher or sockets' origin (listeners live in server/).
 */
export type {
  AuthenticatedUser,
  BackendTransaction,
  BoltBackend,
  CounterName,
  MaybePromise,
  Notification,
  NotificationFilter,
  PlanDescription,
  ProfiledPlanDescription,
  QueryCounters,
  QueryResult,
  QueryType,
  RecordSink,
  ResultSummary,
  RoutingRequest,
  RoutingRole,
  RoutingTable,
  ServerInfo,
  TransactionRequest,
} from './backend.js';
export type { AccessMode, AuthToken, MinimumSeverity, RoutingContext } from './messages/request.js';
export type { BoltState } from './state-machine/states.js';
export {
  type ProtocolVersion,
  protocolVersion,
  formatProtocolVersion,
  compareProtocolVersions,
  isProtocolAtLeast,
  isSameProtocolVersion,
} from './protocol-version.js';
export {
  sniffTransport,
  SNIFF_MAX_BYTES,
  DEFAULT_MAX_MESSAGE_BYTES,
  type TransportKind,
} from './transport/index.js';
export { SUPPORTED_PROTOCOL_VERSIONS, findBoltVersion } from './versions/index.js';
export { createHydration, type Hydration, type HydrationOptions } from './hydration/index.js';
export { BoltConnection, serveBolt } from './connection.js';
export type { ByteChannel, EventSource } from './connection/byte-channel.js';
export { ReplyTiming, CONCURRENT_READ_WINDOW_MS } from './connection/reply-timing.js';
export {
  DEFAULT_HANDSHAKE_TIMEOUT_MS,
  DEFAULT_WRITE_BYTES,
  DEFAULT_MAX_PIPELINED_REQUESTS,
  type BoltConnectionOptions,
  type ConnectionEvents,
} from './connection/options.js';
export {
  BoltClient,
  basicAuth,
  type ClientAuthToken,
  type Metadata,
  type QueryResult as ClientQueryResult,
  type StreamResult,
} from './client/bolt-client.js';
export type { BoltClientOptions, RecordCallback } from './client/client-core.js';
export { DEFAULT_PROPOSALS, type VersionProposal } from './client/client-handshake.js';
export type { ClientTlsOptions } from './client/open-channel.js';
export { BoltResponseError, failureCode, type BoltResponse } from './client/response-error.js';
