/**
 * server: the only place where Bolt meets the database. Input: configuration (address, TLS, users, limits)
 * and a BoltBackend (the engine's adapter, or a test backend). Output: a running listener serving raw Bolt,
 * WebSocket and TLS on one port, with authentication and clean shutdown.
 * Must not know: Bolt's wire details beyond bolt/index.ts, storage, the Cypher front end.
 */
export { startBoltServer, type BoltServer } from './start-bolt-server.js';
export {
  resolveServerConfig,
  DEFAULT_BOLT_PORT,
  DEFAULT_MAX_CONNECTIONS,
  MAX_IDLE_POLL_MICROS,
  type BoltServerOptions,
  type TlsConfig,
} from './config.js';
export { IdlePoller, type PollScheduler } from './idle-poll.js';
export {
  createAuthenticator,
  hashPassword,
  withAuthenticator,
  DEFAULT_SCRYPT,
  type AuthConfig,
  type Authenticator,
  type ScryptParameters,
  type UserConfig,
} from './auth.js';
export {
  consoleLogger,
  silentLogger,
  isLevelEnabled,
  LOG_LEVELS,
  type LogLevel,
  type ServerLogger,
} from './logging.js';
// Observability (ops): pino and prom-client are imported lazily inside, never by this index.
export { createServerLog, type LogOptions } from './observability/server-log.js';
export type { ClosableServerLogger } from './observability/pino-logger.js';
export type { QueryLogMode, QueryLogOptions, QueryLogRecord } from './observability/query-log.js';
export type { MetricsOptions, ObservabilityOptions } from './observability/observability.js';
export type { DurabilityMetricsSource } from './observability/durability-metrics.js';
export type { QueryEvent, ServerObserver, TransactionOutcome } from './observability/server-observer.js';
export type { ConnectionInfo } from './listeners.js';
export {
  startServer,
  type ServerOptions,
  type ServerDurabilityOptions,
  type QuiverServer,
} from './start-server.js';
export { EngineBoltBackend, type EngineBackendOptions } from './bolt-backend.js';
export { DatabaseManager } from './databases.js';
export { PRODUCT_NAME, PRODUCT_VERSION, BOLT_AGENT } from './version.js';
