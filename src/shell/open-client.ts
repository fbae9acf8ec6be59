import { basicAuth, BoltClient, type ClientAuthToken, type Metadata } from '../bolt/index.js';
import type { ShellAddress } from './address.js';

/** How to reach and log in to the server. */
export interface ConnectionSettings {
  readonly address: ShellAddress;
  /** Basic auth when given; otherwise the `none` scheme. */
  readonly username?: string;
  readonly password?: string;
  /** The database to use (`-d`); the user's home database when absent. */
  readonly database?: string;
  readonly userAgent?: string;
  readonly connectTimeoutMs?: number;
}

/** A logged-in client and the `server` agent its HELLO SUCCESS named. */
export interface OpenedClient {
  readonly client: BoltClient;
  readonly serverAgent: string;
}

/**
 * Connects and logs in with the settings' credentials.
 * @throws DatabaseError (DatabaseUnavailable, Unauthorized, …) when that fails; the socket is closed then
 */
export async function openClient(settings: ConnectionSettings): Promise<OpenedClient> {
  const { address } = settings;
  const client = await BoltClient.connect({
    host: address.host,
    port: address.port,
    transport: address.transport,
    tls: address.tls ?? false,
    userAgent: settings.userAgent ?? 'quiver-shell',
    ...(settings.connectTimeoutMs === undefined ? {} : { connectTimeoutMs: settings.connectTimeoutMs }),
  });
  const auth: ClientAuthToken =
    settings.username === undefined
      ? { scheme: 'none' }
      : basicAuth(settings.username, settings.password ?? '');
  let hello: Metadata;
  try {
    hello = await client.login(auth);
  } catch (error) {
    await client.goodbye().catch(() => undefined);
    throw error;
  }
  const agent = hello['server'];
  return { client, serverAgent: typeof agent === 'string' ? agent : 'unknown server' };
}

/**
 * The SUCCESS metadata of the first of two pipelined requests; when it fails, the second (IGNORED, or lost
 * with the connection) is left unobserved and the first's error is thrown.
 */
export async function settleFirst(first: Promise<Metadata>, second: Promise<unknown>): Promise<Metadata> {
  try {
    return await first;
  } catch (error) {
    second.catch(() => undefined);
    throw error;
  }
}
