import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { MemoryPool } from '../engine/index.js';
import type { LogOptions, ServerOptions, UserConfig } from '../server/index.js';
import { closestName, ConfigurationError, readConfigFile, type ConfigFile } from './config-file.js';

/** A setting's value: `undefined` when not set anywhere and without a default (the server decides). */
export type SettingValue = string | number | boolean | readonly string[];

/** How a setting's text or JSON value is read and checked. */
type SettingType =
  | { readonly kind: 'string' }
  | { readonly kind: 'path' }
  | { readonly kind: 'boolean' }
  | { readonly kind: 'integer'; readonly min: number; readonly max?: number }
  | { readonly kind: 'number'; readonly min: number }
  /** Bytes, as a number or with a binary unit: `512m`, `2g`, `64KiB`. */
  | { readonly kind: 'size' }
  | { readonly kind: 'choice'; readonly choices: readonly string[] }
  | { readonly kind: 'users' };

/** One setting: a flag, an environment variable and a config file key, all for the same value. */
export interface SettingSpec {
  /** The flag's name (`data-dir`); the config file key is its camelCase (`dataDir`). */
  readonly flag: string;
  readonly short?: string;
  /** Default: `QUIVER_` and the flag in upper snake case (`QUIVER_DATA_DIR`). */
  readonly env?: string;
  readonly type: SettingType;
  /** The value's name in the help (`<dir>`); none for switches. */
  readonly placeholder?: string;
  readonly description: string;
  readonly defaultValue?: SettingValue;
  /** Shown when there is no default value (`undefined` then means "the server's own default"). */
  readonly unset?: string;
}

const STRING: SettingType = { kind: 'string' };
const PATH: SettingType = { kind: 'path' };
const BOOLEAN: SettingType = { kind: 'boolean' };
const USERS: SettingType = { kind: 'users' };
const PORT: SettingType = { kind: 'integer', min: 0, max: 65535 };
const SIZE: SettingType = { kind: 'size' };
/**
 * `quiver serve` owns its process, so it polls for the next request for 500 µs after each response (the
 * server's default, for in-process servers, is off; docs/adr/0010-idle-polling.md). The maximum is the
 * server's `MAX_IDLE_POLL_MICROS` (a test checks they agree; the server is not loaded to parse flags).
 */
export const DEFAULT_IDLE_POLL_MICROS = 500;
export const IDLE_POLL_MAX_MICROS = 10_000;

/**
 * Every `quiver serve` setting, in help order (one per line: it reads as a table, hence prettier-ignore).
 * Durations and sizes carry their unit in the name.
 */
// prettier-ignore
export const SERVE_SETTINGS: readonly SettingSpec[] = [
  { flag: 'config', short: 'c', type: PATH, placeholder: '<file>', description: 'JSON config file (keys as below, camelCase)', unset: 'none' },
  { flag: 'host', type: STRING, placeholder: '<host>', description: 'address to listen on (localhost: 127.0.0.1; ::1 for the IPv6 loopback)', defaultValue: 'localhost' },
  { flag: 'port', type: PORT, placeholder: '<port>', description: 'Bolt port (0 picks a free one)', defaultValue: 7687 },
  { flag: 'data-dir', type: PATH, placeholder: '<dir>', description: 'data directory', defaultValue: 'data' },
  { flag: 'import-dir', type: PATH, placeholder: '<dir>', description: 'directory LOAD CSV file:/// URLs resolve in', defaultValue: 'import' },
  { flag: 'in-memory', type: BOOLEAN, description: 'keep everything in memory, write no files', defaultValue: false },
  { flag: 'default-database', type: STRING, placeholder: '<name>', description: 'name of the default database', defaultValue: 'neo4j' },
  { flag: 'auth', type: { kind: 'choice', choices: ['none', 'basic'] }, placeholder: '<none|basic>', description: 'authentication', defaultValue: 'none' },
  { flag: 'user', env: 'QUIVER_USERS', type: USERS, placeholder: '<name:password>', description: 'a user for basic auth (repeatable; env: comma-separated)', defaultValue: [] },
  { flag: 'tls-cert', type: PATH, placeholder: '<file>', description: 'PEM certificate for TLS (bolt+s)', unset: 'no TLS' },
  { flag: 'tls-key', type: PATH, placeholder: '<file>', description: 'PEM private key for TLS', unset: 'none' },
  { flag: 'tls-required', type: BOOLEAN, description: 'refuse unencrypted connections', defaultValue: false },
  { flag: 'idle-poll-us', type: { kind: 'integer', min: 0, max: IDLE_POLL_MAX_MICROS }, placeholder: '<µs>', description: 'after each response, poll for the next request this long before sleeping (0: off)', defaultValue: DEFAULT_IDLE_POLL_MICROS },
  { flag: 'max-connections', type: { kind: 'integer', min: 1 }, placeholder: '<n>', description: 'open connections at most', defaultValue: 1000 },
  { flag: 'transaction-memory-max', type: SIZE, placeholder: '<size>', description: 'memory one transaction may hold, e.g. 512m (0: no limit)', defaultValue: 0 },
  { flag: 'transaction-memory-total-max', type: SIZE, placeholder: '<size>', description: 'memory all transactions may hold together, e.g. 2g (0: no limit)', defaultValue: 0 },
  { flag: 'transaction-timeout', type: { kind: 'number', min: 0 }, placeholder: '<seconds>', description: 'timeout of transactions whose client sets none (0: none)', defaultValue: 0 },
  { flag: 'sync-policy', type: { kind: 'choice', choices: ['commit', 'relaxed'] }, placeholder: '<commit|relaxed>', description: 'fsync before each commit is acknowledged, or every interval', defaultValue: 'commit' },
  { flag: 'sync-interval-ms', type: { kind: 'integer', min: 1 }, placeholder: '<ms>', description: 'fsync interval of the relaxed policy', unset: 'server default' },
  { flag: 'snapshot-interval', type: { kind: 'number', min: 0 }, placeholder: '<seconds>', description: 'take a snapshot this often (0: by WAL size and at shutdown only)', unset: 'server default' },
  { flag: 'snapshot-after-wal-mb', type: { kind: 'number', min: 0 }, placeholder: '<MiB>', description: 'take a snapshot once this much WAL accumulated', unset: 'server default' },
  { flag: 'wal-segment-mb', type: { kind: 'number', min: 0 }, placeholder: '<MiB>', description: 'rotate WAL segments at this size', unset: 'server default' },
  { flag: 'log-level', type: { kind: 'choice', choices: ['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent'] }, placeholder: '<level>', description: 'least severe level logged', defaultValue: 'warn' },
  { flag: 'log-format', type: { kind: 'choice', choices: ['auto', 'json', 'pretty'] }, placeholder: '<auto|json|pretty>', description: 'log lines as JSON, or for people (auto: pretty on a terminal)', defaultValue: 'auto' },
  { flag: 'log-file', type: PATH, placeholder: '<file>', description: 'append the log (JSON lines) to this file', unset: 'stderr' },
  { flag: 'query-log', type: { kind: 'choice', choices: ['off', 'info', 'verbose'] }, placeholder: '<off|info|verbose>', description: 'log each finished query (verbose: with parameters)', defaultValue: 'off' },
  { flag: 'slow-query-ms', type: { kind: 'number', min: 0 }, placeholder: '<ms>', description: 'query log: only queries at least this slow (failures always)', defaultValue: 0 },
  { flag: 'metrics-port', type: PORT, placeholder: '<port>', description: 'serve Prometheus metrics at http://HOST:PORT/metrics', unset: 'off' },
  { flag: 'metrics-host', type: STRING, placeholder: '<host>', description: 'address of the metrics endpoint', unset: 'the Bolt address' },
];

/** The config file key of a setting: its flag in camelCase. */
export function keyOf(spec: SettingSpec): string {
  return spec.flag.replace(/-([a-z])/g, (_, letter: string) => letter.toUpperCase());
}

/** The environment variable of a setting. */
export function envOf(spec: SettingSpec): string {
  return spec.env ?? `QUIVER_${spec.flag.toUpperCase().replaceAll('-', '_')}`;
}

/** Where a setting's effective value came from, strongest first. */
export type SettingSource = 'flag' | 'environment' | 'config file' | 'default';

/** A setting's value after flags, environment, config file and defaults. */
export interface EffectiveSetting {
  readonly spec: SettingSpec;
  /** The config file key (`dataDir`). */
  readonly key: string;
  readonly value: SettingValue | undefined;
  readonly source: SettingSource;
}

/** `quiver serve`'s command line, environment and config file, merged. */
export interface ServeCommand {
  readonly help: boolean;
  /** Every setting, in {@link SERVE_SETTINGS} order. */
  readonly settings: readonly EffectiveSetting[];
}

/**
 * Reads the flags, the `QUIVER_*` environment variables and the config file (`--config` or
 * `QUIVER_CONFIG`; there is no implicit `./quiver.json`, so a server never changes behaviour because of
 * the directory it starts in), with precedence flags > environment > config file > defaults. Relative
 * paths in the config file are relative to the file's directory.
 * @throws ConfigurationError for an unknown flag, a bad value or a bad config file
 */
export function parseServeCommand(argv: readonly string[], env: NodeJS.ProcessEnv): ServeCommand {
  const flags = readFlags(argv);
  const configPath = flags.values.get('config') ?? env['QUIVER_CONFIG'];
  let file: ConfigFile | undefined;
  if (typeof configPath === 'string' && configPath !== '') {
    const fileKeys = SERVE_SETTINGS.map(keyOf).filter((key) => key !== 'config');
    file = readConfigFile(configPath, fileKeys);
  }
  const settings = SERVE_SETTINGS.map((spec): EffectiveSetting => {
    const key = keyOf(spec);
    const flag = flags.values.get(key);
    if (flag !== undefined) {
      return { spec, key, value: readValue(spec, flag, `--${spec.flag}`), source: 'flag' };
    }
    const text = env[envOf(spec)];
    if (text !== undefined && text !== '') {
      return { spec, key, value: readValue(spec, text, envOf(spec)), source: 'environment' };
    }
    if (file?.values.has(key) === true) {
      const value = readValue(spec, file.values.get(key), `"${key}" in ${file.path}`);
      const resolved = spec.type.kind === 'path' ? resolve(file.directory, String(value)) : value;
      return { spec, key, value: resolved, source: 'config file' };
    }
    return { spec, key, value: spec.defaultValue, source: 'default' };
  });
  return { help: flags.help, settings };
}

interface Flags {
  readonly help: boolean;
  /** By config file key. */
  readonly values: ReadonlyMap<string, string | boolean | readonly string[]>;
}

function readFlags(argv: readonly string[]): Flags {
  const options: Record<string, { type: 'string' | 'boolean'; multiple?: boolean; short?: string }> = {
    help: { type: 'boolean', short: 'h' },
  };
  for (const spec of SERVE_SETTINGS) {
    options[spec.flag] = {
      type: spec.type.kind === 'boolean' ? 'boolean' : 'string',
      ...(spec.type.kind === 'users' ? { multiple: true } : {}),
      ...(spec.short === undefined ? {} : { short: spec.short }),
    };
  }
  let parsed: Record<string, string | boolean | (string | boolean)[] | undefined>;
  try {
    parsed = parseArgs({ args: [...argv], options, strict: true, allowPositionals: false }).values;
  } catch (error) {
    throw new ConfigurationError(describeArgumentError(error));
  }
  const values = new Map<string, string | boolean | readonly string[]>();
  for (const spec of SERVE_SETTINGS) {
    const value = parsed[spec.flag];
    if (value !== undefined) values.set(keyOf(spec), Array.isArray(value) ? value.map(String) : value);
  }
  return { help: parsed['help'] === true, values };
}

/** parseArgs' messages, shortened, with a "did you mean" for misspelt flags. */
function describeArgumentError(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const unknown = /^Unknown option '(-{1,2})([^']*)'/.exec(message);
  if (unknown !== null) {
    const name = unknown[2] ?? '';
    const suggestion = closestName(
      name,
      SERVE_SETTINGS.map((spec) => spec.flag),
    );
    return `Unknown option ${unknown[1] ?? ''}${name}${suggestion === undefined ? '' : ` (did you mean --${suggestion}?)`}`;
  }
  return message.replace(
    /\. This command does not take positional arguments.*$/,
    ' (quiver serve takes only options)',
  );
}

/**
 * Reads one setting's value from a flag or variable (text) or the config file (JSON).
 * @param where names the source in error messages
 */
function readValue(spec: SettingSpec, raw: unknown, where: string): SettingValue {
  const bad = (expected: string): ConfigurationError =>
    new ConfigurationError(`Invalid ${where}: ${JSON.stringify(raw)} (expected ${expected})`);
  const { type } = spec;
  switch (type.kind) {
    case 'string':
    case 'path':
      if (typeof raw !== 'string' || raw === '') throw bad('a non-empty string');
      return raw;
    case 'boolean':
      if (typeof raw === 'boolean') return raw;
      if (typeof raw === 'string' && /^(1|true|yes|on)$/i.test(raw)) return true;
      if (typeof raw === 'string' && /^(0|false|no|off)$/i.test(raw)) return false;
      throw bad('true or false');
    case 'integer':
    case 'number': {
      const number =
        typeof raw === 'number' ? raw : typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : NaN;
      const max = type.kind === 'integer' ? type.max : undefined;
      const expected = `${type.kind === 'integer' ? 'an integer' : 'a number'} ≥ ${type.min}${max === undefined ? '' : ` and ≤ ${max}`}`;
      if (!Number.isFinite(number) || number < type.min || (max !== undefined && number > max))
        throw bad(expected);
      if (type.kind === 'integer' && !Number.isInteger(number)) throw bad(expected);
      return number;
    }
    case 'size': {
      const bytes = typeof raw === 'number' ? raw : typeof raw === 'string' ? parseSize(raw) : NaN;
      if (!Number.isSafeInteger(bytes) || bytes < 0)
        throw bad('a size such as 512m, 2g or a number of bytes');
      return bytes;
    }
    case 'choice':
      if (typeof raw !== 'string' || !type.choices.includes(raw))
        throw bad(type.choices.join(', ') + ' (one of)');
      return raw;
    case 'users': {
      const list = typeof raw === 'string' ? raw.split(',') : raw;
      if (!Array.isArray(list) || !list.every((entry) => typeof entry === 'string')) {
        throw bad('name:password strings');
      }
      const users = list.map((entry: string) => entry.trim()).filter((entry) => entry !== '');
      for (const user of users) {
        if (user.indexOf(':') <= 0) {
          throw new ConfigurationError(`Invalid ${where}: "${maskUser(user)}" (expected name:password)`);
        }
      }
      return users;
    }
  }
}

const SIZE_UNITS: Readonly<Record<string, number>> = {
  '': 1,
  b: 1,
  k: 1024,
  m: 1024 ** 2,
  g: 1024 ** 3,
  t: 1024 ** 4,
};

/** `512m`, `2 GiB`, `64k`, `1048576` → bytes (units are binary, as in Neo4j's settings); NaN otherwise. */
export function parseSize(text: string): number {
  const match = /^\s*(\d+(?:\.\d+)?)\s*([kmgt]?)(?:i?b)?\s*$/i.exec(text);
  if (match === null) return NaN;
  const unit = SIZE_UNITS[(match[2] ?? '').toLowerCase()] ?? NaN;
  return Math.round(Number(match[1]) * unit);
}

/** `name:password` with the password hidden (help output, error messages). */
export function maskUser(user: string): string {
  const colon = user.indexOf(':');
  return colon < 0 ? '****' : `${user.slice(0, colon)}:****`;
}

/** What `quiver serve` starts: the server's options and its log's. */
export interface ServeOptions {
  readonly server: ServerOptions;
  readonly log: LogOptions;
}

const MIB = 1024 * 1024;

/**
 * Turns the effective settings into server and log options, reading the TLS files.
 * @throws ConfigurationError for inconsistent settings or unreadable TLS files
 */
export function toServeOptions(command: ServeCommand): ServeOptions {
  const values = new Map(command.settings.map((setting) => [setting.key, setting.value]));
  const text = (key: string): string | undefined => {
    const value = values.get(key);
    return typeof value === 'string' ? value : undefined;
  };
  const number = (key: string): number | undefined => {
    const value = values.get(key);
    return typeof value === 'number' ? value : undefined;
  };
  const optional = <T>(name: string, value: T | undefined): Record<string, T> =>
    value === undefined ? {} : { [name]: value };

  const users: UserConfig[] = ((values.get('user') as readonly string[] | undefined) ?? []).map((spec) => {
    const colon = spec.indexOf(':');
    return { username: spec.slice(0, colon), password: spec.slice(colon + 1) };
  });
  const auth = text('auth');
  if (auth === 'basic' && users.length === 0) {
    throw new ConfigurationError('--auth basic needs at least one --user name:password');
  }
  const cert = text('tlsCert');
  const key = text('tlsKey');
  if ((cert === undefined) !== (key === undefined)) {
    throw new ConfigurationError('TLS needs both --tls-cert and --tls-key');
  }
  const inMemory = values.get('inMemory') === true;
  const timeoutSeconds = number('transactionTimeout') ?? 0;
  const memoryMax = number('transactionMemoryMax') ?? 0;
  const memoryTotalMax = number('transactionMemoryTotalMax') ?? 0;
  const snapshotSeconds = number('snapshotInterval');
  const snapshotMb = number('snapshotAfterWalMb');
  const segmentMb = number('walSegmentMb');
  const metricsPort = number('metricsPort');
  const queryLog = text('queryLog');
  const server: ServerOptions = {
    host: text('host') ?? 'localhost',
    port: number('port') ?? 7687,
    inMemory,
    ...(inMemory ? {} : optional('dataDir', text('dataDir'))),
    ...optional('defaultDatabase', text('defaultDatabase')),
    ...optional('importDirectory', text('importDir')),
    ...(auth === 'basic' ? { auth: { users } } : {}),
    ...(cert !== undefined && key !== undefined
      ? {
          tls: {
            cert: readTlsFile(cert, '--tls-cert'),
            key: readTlsFile(key, '--tls-key'),
            required: values.get('tlsRequired') === true,
          },
        }
      : {}),
    ...optional('maxConnections', number('maxConnections')),
    idlePollMicros: number('idlePollUs') ?? DEFAULT_IDLE_POLL_MICROS,
    ...(timeoutSeconds > 0 ? { transactionTimeoutMs: Math.round(timeoutSeconds * 1000) } : {}),
    ...(memoryMax > 0 ? { transactionMemoryMax: memoryMax } : {}),
    // One pool for every database of the server: the limit is on all their transactions together.
    ...(memoryTotalMax > 0 ? { memoryPool: new MemoryPool(memoryTotalMax) } : {}),
    durability: {
      ...optional('syncPolicy', text('syncPolicy') as 'commit' | 'relaxed' | undefined),
      ...optional('relaxedSyncIntervalMs', number('syncIntervalMs')),
      ...optional(
        'snapshotIntervalMs',
        snapshotSeconds === undefined ? undefined : Math.round(snapshotSeconds * 1000),
      ),
      ...optional(
        'snapshotAfterWalBytes',
        snapshotMb === undefined ? undefined : Math.round(snapshotMb * MIB),
      ),
      ...optional('walSegmentBytes', segmentMb === undefined ? undefined : Math.round(segmentMb * MIB)),
    },
    ...(queryLog === 'info' || queryLog === 'verbose'
      ? { queryLog: { mode: queryLog, slowQueryMs: number('slowQueryMs') ?? 0 } }
      : {}),
    ...(metricsPort === undefined
      ? {}
      : { metrics: { port: metricsPort, ...optional('host', text('metricsHost')) } }),
  };
  const log: LogOptions = {
    level: (text('logLevel') ?? 'warn') as NonNullable<LogOptions['level']>,
    format: (text('logFormat') ?? 'auto') as NonNullable<LogOptions['format']>,
    ...optional('file', text('logFile')),
  };
  return { server, log };
}

function readTlsFile(path: string, flag: string): Buffer {
  try {
    return readFileSync(path);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new ConfigurationError(`Cannot read ${flag} file "${path}": ${reason}`);
  }
}
