import { createInterface } from 'node:readline';
import { BoltResponseError } from '../bolt/index.js';
import { parseAddress } from './address.js';
import { formatError } from './error-text.js';
import { History, historyPath } from './history.js';
import { connectWithLogin, terminalPrompter } from './login.js';
import type { OutputFormat } from './render/renderer.js';
import { runRepl } from './repl.js';
import { readScript, Shell } from './shell.js';
import type { ShellConnection } from './shell-connection.js';
import type { ShellIo } from './shell-io.js';

/** Exit codes, as cypher-shell uses them. */
export const EXIT_OK = 0;
/** A statement failed (non-interactive), or the connection or login failed. */
export const EXIT_FAILURE = 1;
/** Bad command-line usage. */
export const EXIT_USAGE = 2;

/** A shell session's settings, after flags and environment variables were resolved. */
export interface ShellOptions {
  /** `bolt://host:port`, `neo4j+s://…`, `host:port`, … */
  readonly address: string;
  readonly username?: string;
  readonly password?: string;
  readonly database?: string;
  /** `auto`: tables (`verbose`) when interactive, `plain` otherwise. */
  readonly format: OutputFormat | 'auto';
  /** Run this script file instead of reading input. */
  readonly file?: string;
  /** Run these statements (the positional argument) instead of reading input. */
  readonly statement?: string;
  /** `:param` assignments to make before anything runs (`-P 'name => value'`). */
  readonly parameters: readonly string[];
  /** Never prompt, even on a terminal. */
  readonly nonInteractive: boolean;
  /** Stop at the first failed statement (default) or run everything and fail at the end. */
  readonly failFast: boolean;
  readonly userAgent?: string;
}

/**
 * Runs a shell session and resolves with its exit code: connects, sets the `-P` parameters, then runs the
 * REPL (interactive) or the statements of `-f`, the positional argument or the input stream. Never throws
 * for user errors: they are printed to `io.error`.
 */
export async function runShell(options: ShellOptions, io: ShellIo): Promise<number> {
  const address = parseAddress(options.address);
  if ('error' in address) {
    io.error.write(`${address.error}\n`);
    return EXIT_USAGE;
  }
  // Credentials are asked for on a terminal only: never for pipes, `-f` scripts or --non-interactive.
  const prompter = options.nonInteractive || options.file !== undefined ? null : terminalPrompter(io);
  let connection: ShellConnection;
  try {
    const settings = {
      address,
      ...(options.username === undefined ? {} : { username: options.username }),
      ...(options.password === undefined ? {} : { password: options.password }),
      ...(options.database === undefined ? {} : { database: options.database }),
      ...(options.userAgent === undefined ? {} : { userAgent: options.userAgent }),
    };
    connection = await connectWithLogin(settings, prompter, (text) => io.error.write(`${text}\n`));
  } catch (error) {
    io.error.write(`${connectionFailure(address.url, error)}\n`);
    return EXIT_FAILURE;
  }
  const interactive =
    io.interactive &&
    !options.nonInteractive &&
    options.file === undefined &&
    options.statement === undefined;
  const format = options.format === 'auto' ? (interactive ? 'verbose' : 'plain') : options.format;
  const shell = new Shell(connection, io, { format, failFast: options.failFast, prompter });
  try {
    for (const assignment of options.parameters) {
      if (!(await shell.execute({ kind: 'COMMAND', text: `:param ${assignment}` }))) return EXIT_FAILURE;
    }
    if (interactive) {
      await greet(shell, io, address.url, options);
      const path = historyPath(io.env ?? process.env);
      await runRepl(shell, io, path === null ? null : History.load(path));
      return EXIT_OK;
    }
    const ok = await shell.runLines(await scriptLines(options, io));
    return ok ? EXIT_OK : EXIT_FAILURE;
  } catch (error) {
    io.error.write(`${formatError(error)}\n`);
    return EXIT_FAILURE;
  } finally {
    await connection.close();
  }
}

/**
 * A refused login shows the server's answer; anything else is a connection problem, told the way
 * cypher-shell tells it, with the cause.
 */
function connectionFailure(url: string, error: unknown): string {
  if (error instanceof BoltResponseError) return formatError(error);
  const cause = error instanceof Error && error.cause instanceof Error ? ` (${error.cause.message})` : '';
  return (
    `Unable to connect to ${url}, ensure the database is running and that there is a working network ` +
    `connection to it: ${formatError(error)}${cause}`
  );
}

async function greet(shell: Shell, io: ShellIo, url: string, options: ShellOptions): Promise<void> {
  // A trivial statement tells which database is the home one (the prompt shows it), as cypher-shell does.
  if (options.database === undefined) await shell.connection.use(null).catch(() => undefined);
  const { connection } = shell;
  const username = connection.settings.username;
  const user = username === undefined ? '' : ` as user ${username}`;
  io.output.write(
    `Connected to ${connection.serverAgent} at ${url} using Bolt protocol version ` +
      `${connection.protocolVersion}${user}.\n` +
      'Type :help for a list of available commands or :exit to exit the shell.\n' +
      'Note that Cypher queries must end with a semicolon.\n',
  );
}

/** The script to run: the positional statement, the `-f` file, or the input stream line by line. */
async function scriptLines(
  options: ShellOptions,
  io: ShellIo,
): Promise<Iterable<string> | AsyncIterable<string>> {
  if (options.statement !== undefined) return options.statement.split(/\r?\n/);
  if (options.file !== undefined) return (await readScript(options.file)).split(/\r?\n/);
  return createInterface({ input: io.input, crlfDelay: Infinity, terminal: false });
}
