import type { ClosableServerLogger, QuiverServer } from '../server/index.js';
import { ConfigurationError } from './config-file.js';
import {
  envOf,
  maskUser,
  parseServeCommand,
  SERVE_SETTINGS,
  toServeOptions,
  type EffectiveSetting,
} from './serve-options.js';

/** Where a command reads its environment and writes its output (tests pass their own). */
export interface CommandIo {
  readonly env: NodeJS.ProcessEnv;
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
}

const processIo: CommandIo = {
  env: process.env,
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
};

/** The help text of `quiver serve`, generated from the settings table. */
export function formatServeUsage(): string {
  const rows = SERVE_SETTINGS.map((spec) => {
    const name = `${spec.short === undefined ? '    ' : `-${spec.short}, `}--${spec.flag}`;
    return [
      `${name}${spec.placeholder === undefined ? '' : ` ${spec.placeholder}`}`,
      `${spec.description} [${envOf(spec)}]`,
    ];
  });
  rows.push(['-h, --help', 'this text and the effective configuration']);
  const width = Math.max(...rows.map(([left = '']) => left.length)) + 2;
  return [
    'Usage: quiver serve [options]',
    '',
    'Starts a Quiver server speaking Bolt (TCP, WebSocket and TLS on one port) and prints',
    '"Bolt ready on bolt://HOST:PORT" on stdout once it accepts connections. Logs go to stderr',
    '(or --log-file). Each option is also an environment variable [in brackets] and a config file',
    'key (the option in camelCase: --data-dir is "dataDir"); flags win over the environment, the',
    'environment over the config file, the file over the defaults.',
    '',
    'Options:',
    ...rows.map(([left = '', right = '']) => `  ${left.padEnd(width)}${right}`),
    '',
  ].join('\n');
}

/** The effective configuration as a table: setting, value (passwords masked), where it came from. */
export function formatEffectiveConfig(settings: readonly EffectiveSetting[]): string {
  const rows = settings.map((setting) => [setting.key, displayValue(setting), setting.source]);
  const keyWidth = Math.max(...rows.map(([key = '']) => key.length)) + 2;
  const valueWidth = Math.min(48, Math.max(...rows.map(([, value = '']) => value.length)) + 2);
  return [
    'Effective configuration (flags > environment > config file > defaults):',
    ...rows.map(
      ([key = '', value = '', source = '']) =>
        `  ${key.padEnd(keyWidth)}${value.padEnd(valueWidth)}${source}`,
    ),
    '',
  ].join('\n');
}

function displayValue(setting: EffectiveSetting): string {
  const { value, spec } = setting;
  if (value === undefined) return `(${spec.unset ?? 'not set'})`;
  if (Array.isArray(value)) {
    const shown = spec.type.kind === 'users' ? value.map(maskUser) : value;
    return shown.length === 0 ? '(none)' : shown.join(', ');
  }
  return String(value);
}

/**
 * `quiver serve`: starts a server and prints `Bolt ready on bolt://HOST:PORT` on stdout once it accepts
 * connections (then `Metrics on http://…/metrics` when the metrics endpoint is on). Resolves with -1
 * while the server runs (the process stays up until SIGINT/SIGTERM), or an exit code: 2 for bad flags,
 * environment or files, 1 when the server cannot start (port in use).
 */
export async function runServeCommand(argv: readonly string[], io: CommandIo = processIo): Promise<number> {
  let options;
  try {
    const command = parseServeCommand(argv, io.env);
    if (command.help) {
      io.stdout(`${formatServeUsage()}\n${formatEffectiveConfig(command.settings)}`);
      return 0;
    }
    options = toServeOptions(command);
  } catch (error) {
    if (!(error instanceof ConfigurationError)) throw error;
    io.stderr(`quiver serve: ${error.message}\nRun "quiver serve --help" for the options.\n`);
    return 2;
  }
  // The server is loaded only now: `--help` and bad flags answer without loading the engine.
  const { createServerLog, startServer } = await import('../server/index.js');
  let logger: ClosableServerLogger;
  try {
    logger = createServerLog(options.log);
  } catch (error) {
    io.stderr(`quiver serve: cannot open --log-file "${options.log.file ?? ''}": ${describe(error)}\n`);
    return 2;
  }
  let server: QuiverServer;
  try {
    server = await startServer({ ...options.server, logger });
  } catch (error) {
    logger.error('Server start failed', error);
    await logger.close();
    io.stderr(`quiver serve: cannot start: ${describe(error)}\n`);
    return 1;
  }
  io.stdout(`Bolt ready on ${server.url}\n`);
  if (server.metricsUrl !== undefined) io.stdout(`Metrics on ${server.metricsUrl}\n`);
  stopOnSignals(server, logger);
  return -1;
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function stopOnSignals(server: QuiverServer, logger: ClosableServerLogger): void {
  let stopping = false;
  const stop = (): void => {
    if (stopping) return;
    stopping = true;
    server
      .close()
      .then(
        () => logger.close(),
        async (error: unknown) => {
          logger.error('Shutdown failed', error);
          await logger.close();
          process.exitCode = 1;
        },
      )
      .finally(() => process.exit());
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}
