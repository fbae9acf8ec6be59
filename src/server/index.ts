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
  type BoltServerOptions,
  type TlsConfig,
} from './config.js';
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
export { consoleLogger, silentLogger, type ServerLogger } from './logging.js';
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
