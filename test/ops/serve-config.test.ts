// `quiver serve` configuration: flags > environment > config file > defaults, the config file's checks,
// and the help text with the effective configuration.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { ConfigurationError } from '../../src/cli/config-file.js';
import { runServeCommand, type CommandIo } from '../../src/cli/serve-command.js';
import {
  IDLE_POLL_MAX_MICROS,
  parseServeCommand,
  toServeOptions,
  type ServeCommand,
} from '../../src/cli/serve-options.js';
import { MAX_IDLE_POLL_MICROS } from '../../src/server/index.js';

const directory = mkdtempSync(join(tmpdir(), 'quiver-config-'));
after(() => {
  rmSync(directory, { recursive: true, force: true });
});

/** Writes a config file and returns its path. */
function configFile(name: string, content: unknown): string {
  const path = join(directory, name);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
}

function valueOf(command: ServeCommand, key: string): unknown {
  return command.settings.find((setting) => setting.key === key)?.value;
}

function sourceOf(command: ServeCommand, key: string): unknown {
  return command.settings.find((setting) => setting.key === key)?.source;
}

/** Runs `quiver serve` in-process with captured output (only paths that end before a server starts). */
async function runServe(argv: string[], env: NodeJS.ProcessEnv = {}) {
  let stdout = '';
  let stderr = '';
  const io: CommandIo = {
    env,
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
  };
  const code = await runServeCommand(argv, io);
  return { code, stdout, stderr };
}

describe('quiver serve settings', () => {
  test('flags win over the environment, the environment over the file, the file over the defaults', () => {
    const path = configFile('precedence.json', {
      host: 'file-host',
      port: 1111,
      maxConnections: 7,
      queryLog: 'info',
    });
    const command = parseServeCommand(['--config', path, '--port', '3333'], {
      QUIVER_PORT: '2222',
      QUIVER_HOST: 'env-host',
    });
    assert.equal(valueOf(command, 'port'), 3333);
    assert.equal(sourceOf(command, 'port'), 'flag');
    assert.equal(valueOf(command, 'host'), 'env-host');
    assert.equal(sourceOf(command, 'host'), 'environment');
    assert.equal(valueOf(command, 'maxConnections'), 7);
    assert.equal(sourceOf(command, 'maxConnections'), 'config file');
    assert.equal(valueOf(command, 'logLevel'), 'warn');
    assert.equal(sourceOf(command, 'logLevel'), 'default');
  });

  test('the config file may be named by QUIVER_CONFIG, and its relative paths are relative to it', () => {
    const path = configFile('paths.json', { dataDir: 'store', logFile: '/var/log/quiver.log' });
    const command = parseServeCommand([], { QUIVER_CONFIG: path });
    assert.equal(valueOf(command, 'dataDir'), join(directory, 'store'));
    assert.equal(valueOf(command, 'logFile'), '/var/log/quiver.log');
    assert.equal(valueOf(command, 'config'), path);
  });

  test('durability, timeout, log, query log and metrics settings reach the server options in its units', () => {
    const command = parseServeCommand(
      [
        '--sync-policy=relaxed',
        '--sync-interval-ms=50',
        '--snapshot-interval',
        '30',
        '--snapshot-after-wal-mb',
        '64',
        '--wal-segment-mb',
        '16',
        '--transaction-timeout',
        '2.5',
        '--query-log',
        'verbose',
        '--slow-query-ms',
        '100',
        '--metrics-port',
        '9100',
        '--log-level',
        'info',
        '--in-memory',
      ],
      { QUIVER_METRICS_HOST: '0.0.0.0', QUIVER_LOG_FORMAT: 'json' },
    );
    const { server, log } = toServeOptions(command);
    assert.deepEqual(server.durability, {
      syncPolicy: 'relaxed',
      relaxedSyncIntervalMs: 50,
      snapshotIntervalMs: 30_000,
      snapshotAfterWalBytes: 64 * 1024 * 1024,
      walSegmentBytes: 16 * 1024 * 1024,
    });
    assert.equal(server.transactionTimeoutMs, 2500);
    assert.deepEqual(server.queryLog, { mode: 'verbose', slowQueryMs: 100 });
    assert.deepEqual(server.metrics, { port: 9100, host: '0.0.0.0' });
    assert.equal(server.inMemory, true);
    assert.equal(server.dataDir, undefined);
    assert.deepEqual(log, { level: 'info', format: 'json' });
  });

  test("idle polling is on for quiver serve (500 µs) unless set, within the server's bounds", () => {
    assert.equal(toServeOptions(parseServeCommand([], {})).server.idlePollMicros, 500);
    assert.equal(toServeOptions(parseServeCommand(['--idle-poll-us', '0'], {})).server.idlePollMicros, 0);
    const path = configFile('poll.json', { idlePollUs: 50 });
    assert.equal(toServeOptions(parseServeCommand(['--config', path], {})).server.idlePollMicros, 50);
    const fromEnv = parseServeCommand([], { QUIVER_IDLE_POLL_US: '75' });
    assert.equal(toServeOptions(fromEnv).server.idlePollMicros, 75);
    assert.equal(IDLE_POLL_MAX_MICROS, MAX_IDLE_POLL_MICROS);
    assert.throws(
      () => parseServeCommand(['--idle-poll-us', String(MAX_IDLE_POLL_MICROS + 1)], {}),
      /Invalid --idle-poll-us: "10001" \(expected an integer ≥ 0 and ≤ 10000\)/,
    );
  });

  test('users come from repeated flags, a comma-separated variable or a JSON list', () => {
    const fromFlags = toServeOptions(
      parseServeCommand(['--auth', 'basic', '--user', 'a:1', '--user', 'b:2:3'], {}),
    );
    assert.deepEqual(fromFlags.server.auth, {
      users: [
        { username: 'a', password: '1' },
        { username: 'b', password: '2:3' },
      ],
    });
    const fromEnv = toServeOptions(parseServeCommand([], { QUIVER_AUTH: 'basic', QUIVER_USERS: 'x:y, z:w' }));
    assert.deepEqual(
      fromEnv.server.auth?.users?.map((user) => user.username),
      ['x', 'z'],
    );
    const path = configFile('users.json', { auth: 'basic', user: ['file:pw'] });
    const fromFile = toServeOptions(parseServeCommand(['-c', path], {}));
    assert.deepEqual(fromFile.server.auth?.users, [{ username: 'file', password: 'pw' }]);
  });

  test('bad values name the flag, variable or file key and what was expected', () => {
    assert.throws(() => parseServeCommand(['--port', '70000'], {}), {
      name: 'ConfigurationError',
      message: 'Invalid --port: "70000" (expected an integer ≥ 0 and ≤ 65535)',
    });
    assert.throws(
      () => parseServeCommand([], { QUIVER_IN_MEMORY: 'maybe' }),
      /Invalid QUIVER_IN_MEMORY: "maybe"/,
    );
    assert.throws(() => parseServeCommand(['--query-log', 'loud'], {}), /off, info, verbose/);
    const path = configFile('types.json', { port: true });
    assert.throws(() => parseServeCommand(['--config', path], {}), /Invalid "port" in .*types\.json: true/);
    assert.throws(() => parseServeCommand(['--user', 'nopassword'], {}), /expected name:password/);
    assert.throws(() => toServeOptions(parseServeCommand(['--auth', 'basic'], {})), /at least one --user/);
    assert.throws(
      () => toServeOptions(parseServeCommand(['--tls-cert', 'c.pem'], {})),
      /both --tls-cert and --tls-key/,
    );
  });

  test('an unknown flag or file key is refused with a suggestion', () => {
    assert.throws(() => parseServeCommand(['--prot', '1'], {}), {
      message: 'Unknown option --prot (did you mean --port?)',
    });
    const path = configFile('unknown.json', { dataDirectory: 'x', $schema: 'ignored' });
    assert.throws(() => parseServeCommand(['--config', path], {}), {
      message: `Config file "${path}": unknown setting "dataDirectory" (did you mean "dataDir"?)`,
    });
    assert.throws(() => parseServeCommand(['positional'], {}), ConfigurationError);
  });

  test('a config file that is missing, not JSON or not an object is refused clearly', () => {
    assert.throws(
      () => parseServeCommand(['--config', join(directory, 'absent.json')], {}),
      /Cannot read config file ".*absent\.json": no such file/,
    );
    const broken = configFile('broken.json', '{\n  "port": 7687,\n  host: "x"\n}');
    assert.throws(
      () => parseServeCommand(['--config', broken], {}),
      /is not valid JSON: .* at line 3, column 3/,
    );
    const list = configFile('list.json', [1, 2]);
    assert.throws(() => parseServeCommand(['--config', list], {}), /must hold one JSON object of settings/);
  });
});

describe('quiver serve --help', () => {
  test('prints every option and the effective configuration with passwords masked', async () => {
    const path = configFile('help.json', { user: ['alice:wonderland'], port: 7777 });
    const { code, stdout, stderr } = await runServe(['--help', '--config', path, '--query-log', 'info'], {
      QUIVER_USERS: 'bob:builder',
    });
    assert.equal(code, 0);
    assert.equal(stderr, '');
    for (const flag of [
      '--config <file>',
      '--port <port>',
      '--sync-policy <commit|relaxed>',
      '--metrics-port',
      '--log-file',
      '--slow-query-ms',
      '--max-connections',
      '--transaction-timeout',
    ]) {
      assert.ok(stdout.includes(flag), `help lists ${flag}`);
    }
    assert.ok(stdout.includes('[QUIVER_USERS]'));
    assert.match(stdout, /Effective configuration/);
    assert.match(stdout, /\n {2}port +7777 +config file\n/);
    assert.match(stdout, /\n {2}user +bob:\*\*\*\* +environment\n/);
    assert.match(stdout, /\n {2}queryLog +info +flag\n/);
    assert.match(stdout, /\n {2}metricsPort +\(off\) +default\n/);
    assert.ok(!stdout.includes('builder') && !stdout.includes('wonderland'), 'no password is printed');
  });

  test('a bad config file ends with exit code 2 and a message naming the file', async () => {
    const path = configFile('bad.json', '{"port": }');
    const { code, stdout, stderr } = await runServe(['--config', path]);
    assert.equal(code, 2);
    assert.equal(stdout, '');
    assert.match(stderr, /^quiver serve: Config file ".*bad\.json" is not valid JSON: .*line 1, column 10\n/);
    assert.match(stderr, /quiver serve --help/);
  });

  test('a bad flag ends with exit code 2', async () => {
    const { code, stderr } = await runServe(['--port', 'http']);
    assert.equal(code, 2);
    assert.match(stderr, /Invalid --port: "http"/);
  });
});
