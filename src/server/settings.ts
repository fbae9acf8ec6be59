import { resolve } from 'node:path';
import { durationSetting, type Setting } from '../engine/index.js';
import type { ServerOptions } from './start-server.js';

/** A setting whose default is known: explicitly set when it differs from the default. */
function setting(
  name: string,
  value: string | null,
  defaultValue: string | null,
  description: string,
  validValues: string,
): Setting {
  return { name, value, defaultValue, description, isExplicitlySet: value !== defaultValue, validValues };
}

const BOOLEAN = 'a boolean';
const DURATION = 'a duration (Valid units are: `ns`, `μs`, `ms`, `s`, `m`, `h` and `d`; default unit is `s`)';

/**
 * Neo4j Browser's settings, which `dbms.clientConfig()` hands to clients. Quiver has no Browser of its own
 * and keeps Neo4j's defaults.
 */
const BROWSER_SETTINGS: readonly Setting[] = [
  setting(
    'browser.allow_outgoing_connections',
    'true',
    'true',
    'Whether Neo4j Browser may fetch content from the Internet (guides, images).',
    BOOLEAN,
  ),
  setting(
    'browser.credential_timeout',
    '0s',
    '0s',
    'How long Neo4j Browser keeps the credentials of an idle user (0s: no limit).',
    DURATION,
  ),
  setting('browser.post_connect_cmd', '', '', 'Commands Neo4j Browser runs after connecting.', 'a string'),
  setting(
    'browser.remote_content_hostname_allowlist',
    'guides.neo4j.com,localhost',
    'guides.neo4j.com,localhost',
    'The hosts Neo4j Browser may fetch remote content from.',
    'a string',
  ),
  setting(
    'browser.retain_connection_credentials',
    'true',
    'true',
    'Whether Neo4j Browser keeps the credentials of a connection.',
    BOOLEAN,
  ),
  setting(
    'browser.retain_editor_history',
    'true',
    'true',
    "Whether Neo4j Browser keeps the editor's history.",
    BOOLEAN,
  ),
];

/** The names `dbms.clientConfig()` returns: Browser's settings and those a client needs to know. */
export const CLIENT_SETTINGS: ReadonlySet<string> = new Set([
  ...BROWSER_SETTINGS.map((each) => each.name),
  'client.allow_telemetry',
  'dbms.security.auth_enabled',
  'initial.dbms.default_database',
]);

/**
 * The configuration of a running server under Neo4j's setting names (SHOW SETTINGS, `dbms.listConfig`),
 * with Quiver's own options under `quiver.*`. `address` is where the Bolt listener is bound.
 */
export function serverSettings(options: ServerOptions, address: string): Setting[] {
  const tls =
    options.tls === undefined ? 'DISABLED' : options.tls.required === true ? 'REQUIRED' : 'OPTIONAL';
  const inMemory = options.inMemory === true || options.dataDir === undefined;
  return [
    ...BROWSER_SETTINGS,
    setting(
      'client.allow_telemetry',
      String(options.telemetryEnabled ?? true),
      'true',
      'Whether drivers may send usage data (Bolt TELEMETRY); Quiver accepts and drops it.',
      BOOLEAN,
    ),
    setting(
      'db.transaction.timeout',
      durationSetting(options.transactionTimeoutMs ?? 0),
      '0s',
      'The maximum time a transaction may run when its client sets no timeout (0s: no limit).',
      DURATION,
    ),
    setting(
      'dbms.security.auth_enabled',
      String(options.auth?.required ?? true),
      'true',
      'Whether clients must authenticate.',
      BOOLEAN,
    ),
    setting(
      'initial.dbms.default_database',
      options.defaultDatabase ?? 'neo4j',
      'neo4j',
      'The name of the default database.',
      'a valid database name',
    ),
    setting(
      'quiver.wal.sync_policy',
      inMemory ? null : (options.durability?.syncPolicy ?? 'commit'),
      'commit',
      'When a commit is acknowledged: after its fsync (commit), or after its write with an fsync every interval (relaxed); unset in memory.',
      'one of [commit, relaxed]',
    ),
    setting(
      'server.bolt.advertised_address',
      address,
      ':7687',
      'The address clients reach Bolt at.',
      'a socket address',
    ),
    setting('server.bolt.enabled', 'true', 'true', 'Whether the Bolt connector is on.', BOOLEAN),
    setting(
      'server.bolt.listen_address',
      address,
      ':7687',
      'The address the Bolt connector listens at (TCP and WebSocket on one port).',
      'a socket address',
    ),
    setting(
      'server.bolt.tls_level',
      tls,
      'DISABLED',
      'Encryption of Bolt connections.',
      'one of [REQUIRED, OPTIONAL, DISABLED]',
    ),
    setting(
      'server.directories.data',
      inMemory ? null : resolve(options.dataDir ?? '.'),
      'data',
      'Where the databases are stored; unset when they are kept in memory.',
      'a path',
    ),
  ];
}
