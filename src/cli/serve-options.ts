import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import type { ServerOptions, UserConfig } from '../server/index.js';

/** The result of reading `quiver serve`'s flags, environment and (later) config file. */
export interface ServeCommand {
  readonly options: ServerOptions;
  readonly help: boolean;
}

export const SERVE_USAGE = `Usage: quiver serve [options]

Starts a Quiver server speaking Bolt (TCP, WebSocket and TLS on one port).

Options:
  --host <host>            address to listen on (env QUIVER_HOST; default localhost)
  --port <port>            port (env QUIVER_PORT; default 7687; 0 picks a free one)
  --data-dir <dir>         data directory (env QUIVER_DATA_DIR; default ./data)
  --in-memory              keep everything in memory, write no files (env QUIVER_IN_MEMORY=1)
  --auth <none|basic>      authentication (env QUIVER_AUTH; default none)
  --user <name:password>   a user for basic auth (repeatable; env QUIVER_USERS=name:pw,name:pw)
  --tls-cert <file>        PEM certificate for TLS (bolt+s) (env QUIVER_TLS_CERT)
  --tls-key <file>         PEM key for TLS (env QUIVER_TLS_KEY)
  --default-database <n>   name of the default database (default neo4j)
  -h, --help               this text
`;

/**
 * Reads `serve` flags (winning) and QUIVER_* environment variables, and the TLS files they name.
 * @throws TypeError on bad input, and the file system's error for unreadable TLS files
 */
export function parseServeCommand(argv: readonly string[], env: NodeJS.ProcessEnv): ServeCommand {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      host: { type: 'string' },
      port: { type: 'string' },
      'data-dir': { type: 'string' },
      'in-memory': { type: 'boolean' },
      auth: { type: 'string' },
      user: { type: 'string', multiple: true },
      'tls-cert': { type: 'string' },
      'tls-key': { type: 'string' },
      'default-database': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
    allowPositionals: false,
  });
  const portText = values.port ?? env['QUIVER_PORT'] ?? '7687';
  const port = Number(portText);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new TypeError(`Invalid port: ${portText}`);
  const auth = values.auth ?? env['QUIVER_AUTH'] ?? 'none';
  if (auth !== 'none' && auth !== 'basic') throw new TypeError(`Invalid --auth: ${auth} (none or basic)`);
  const userSpecs = values.user ?? (env['QUIVER_USERS'] ?? '').split(',').filter((spec) => spec !== '');
  const users: UserConfig[] = userSpecs.map((spec) => {
    const colon = spec.indexOf(':');
    if (colon <= 0) throw new TypeError(`Invalid --user ${JSON.stringify(spec)}: expected name:password`);
    return { username: spec.slice(0, colon), password: spec.slice(colon + 1) };
  });
  if (auth === 'basic' && users.length === 0) throw new TypeError('--auth basic needs at least one --user');
  const cert = values['tls-cert'] ?? env['QUIVER_TLS_CERT'];
  const key = values['tls-key'] ?? env['QUIVER_TLS_KEY'];
  if ((cert === undefined) !== (key === undefined))
    throw new TypeError('TLS needs both --tls-cert and --tls-key');
  const inMemory = values['in-memory'] ?? env['QUIVER_IN_MEMORY'] === '1';
  const dataDir = values['data-dir'] ?? env['QUIVER_DATA_DIR'] ?? 'data';
  const defaultDatabase = values['default-database'];
  return {
    help: values.help ?? false,
    options: {
      host: values.host ?? env['QUIVER_HOST'] ?? 'localhost',
      port,
      inMemory,
      ...(inMemory ? {} : { dataDir }),
      ...(auth === 'basic' ? { auth: { users } } : {}),
      ...(cert !== undefined && key !== undefined
        ? { tls: { cert: readFileSync(cert), key: readFileSync(key) } }
        : {}),
      ...(defaultDatabase === undefined ? {} : { defaultDatabase }),
    },
  };
}
