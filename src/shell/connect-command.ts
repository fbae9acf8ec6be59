import { CypherArgumentError } from '../errors/index.js';
import type { CredentialPrompter } from './login.js';
import type { ConnectionSettings } from './open-client.js';
import type { ShellConnection } from './shell-connection.js';

/** What `:connect` and `:disconnect` need from the shell. */
export interface ConnectContext {
  readonly connection: ShellConnection;
  readonly prompter: CredentialPrompter | null;
  write(text: string): void;
}

export const CONNECT_USAGE = ':connect [-u username] [-p password] [-d database]';

/** The flags of `:connect`, as cypher-shell names them. */
function parseFlags(argument: string): { username?: string; password?: string; database?: string } {
  const words = argument.split(/\s+/).filter((word) => word !== '');
  const flags: { username?: string; password?: string; database?: string } = {};
  for (let index = 0; index < words.length; index += 2) {
    const flag = words[index];
    const value = words[index + 1];
    if (value === undefined) throw new CypherArgumentError(`Usage: ${CONNECT_USAGE}`);
    if (flag === '-u' || flag === '--username') flags.username = value;
    else if (flag === '-p' || flag === '--password') flags.password = value;
    else if (flag === '-d' || flag === '--database') flags.database = value;
    else throw new CypherArgumentError(`Usage: ${CONNECT_USAGE}`);
  }
  return flags;
}

/**
 * `:connect`: connects again after `:disconnect`, with the previous settings or the ones given; a user
 * name without a password makes it ask for the password on a terminal.
 * @throws CypherArgumentError when already connected or for bad flags; the login's error
 */
export async function runConnect(context: ConnectContext, argument: string): Promise<boolean> {
  const { connection } = context;
  if (connection.isConnected) {
    throw new CypherArgumentError(
      `Already connected to ${connection.settings.address.url}: use :disconnect first`,
    );
  }
  const flags = parseFlags(argument);
  const previous = connection.settings;
  let settings: ConnectionSettings = {
    address: previous.address,
    ...(previous.userAgent === undefined ? {} : { userAgent: previous.userAgent }),
    ...(previous.connectTimeoutMs === undefined ? {} : { connectTimeoutMs: previous.connectTimeoutMs }),
  };
  const username = flags.username ?? previous.username;
  // A new user name does not inherit the old password.
  let password = flags.username === undefined ? (flags.password ?? previous.password) : flags.password;
  if (username !== undefined && password === undefined && context.prompter !== null) {
    password = await context.prompter('password: ', { mask: true });
  }
  const database = flags.database ?? previous.database;
  settings = {
    ...settings,
    ...(username === undefined ? {} : { username }),
    ...(password === undefined ? {} : { password }),
    ...(database === undefined ? {} : { database }),
  };
  await connection.reconnect(settings);
  const user = username === undefined ? '' : ` as user ${username}`;
  context.write(
    `Connected to ${connection.serverAgent} at ${settings.address.url} using Bolt protocol version ` +
      `${connection.protocolVersion}${user}.\n`,
  );
  return true;
}

/** `:disconnect`: says GOODBYE; statements fail until `:connect`. */
export async function runDisconnect(context: ConnectContext): Promise<boolean> {
  if (!context.connection.isConnected) throw new CypherArgumentError('Not connected: nothing to disconnect');
  await context.connection.close();
  context.write(`Disconnected from ${context.connection.settings.address.url}.\n`);
  return true;
}
