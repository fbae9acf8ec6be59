import {
  basicAuth,
  BoltClient,
  formatProtocolVersion,
  type ClientAuthToken,
  type Metadata,
} from '../../bolt/index.js';
import { DatabaseError, Status } from '../../errors/index.js';
import { parseAddress } from '../../shell/index.js';
import { PRODUCT_VERSION } from '../../util/index.js';

/** How `quiver dump` and `quiver load --address` reach a server. */
export interface BoltSettings {
  /** `bolt://host:port` and the other forms `quiver shell -a` accepts. */
  readonly address: string;
  /** Basic auth when given; the `none` scheme otherwise. */
  readonly username?: string;
  readonly password?: string;
  /** The database to use; the user's home database when absent. */
  readonly database?: string;
}

/** A logged-in Bolt connection and the `db` field its requests carry. */
export interface ToolConnection {
  readonly client: BoltClient;
  /** `{db}` for RUN and BEGIN when a database was chosen (and the server speaks Bolt 4+), else `{}`. */
  readonly extra: Metadata;
  readonly close: () => Promise<void>;
}

/**
 * Connects and logs in.
 * @throws DatabaseError ArgumentError for a bad address; the connection's or the login's error otherwise.
 */
export async function connectBolt(settings: BoltSettings, userAgent: string): Promise<ToolConnection> {
  const address = parseAddress(settings.address);
  if ('error' in address) throw new DatabaseError(Status.ArgumentError, address.error);
  const client = await BoltClient.connect({
    host: address.host,
    port: address.port,
    transport: address.transport,
    tls: address.tls ?? false,
    userAgent: `${userAgent}/${PRODUCT_VERSION}`,
  });
  const auth: ClientAuthToken =
    settings.username === undefined
      ? { scheme: 'none' }
      : basicAuth(settings.username, settings.password ?? '');
  const close = (): Promise<void> => client.goodbye().catch(() => undefined);
  try {
    await client.login(auth);
  } catch (error) {
    await close();
    throw error;
  }
  if (settings.database !== undefined && !client.isAtLeast(4, 0)) {
    await close();
    throw new DatabaseError(
      Status.ArgumentError,
      `The server speaks Bolt ${formatProtocolVersion(client.version)}, which cannot select a database: leave out --database`,
    );
  }
  const extra: Metadata = settings.database === undefined ? {} : { db: settings.database };
  return { client, extra, close };
}
