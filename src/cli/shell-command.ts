import { Command, CommanderError, Option } from 'commander';
import { PRODUCT_VERSION } from '../util/index.js';
import { DEFAULT_ADDRESS, EXIT_USAGE, runShell, type ShellIo } from '../shell/index.js';

/**
 * `quiver shell [options] [cypher]`: flags as cypher-shell has them, resolved against the environment
 * (QUIVER_ADDRESS / NEO4J_ADDRESS, QUIVER_USERNAME / NEO4J_USERNAME, QUIVER_PASSWORD / NEO4J_PASSWORD,
 * NEO4J_DATABASE), then a shell session. On a terminal, a user name without a password (flag or variable)
 * makes the shell ask for it, hidden, and a refused login asks again, as cypher-shell does.
 * Resolves with the exit code: 0 ok, 1 a statement, the connection or the login failed, 2 bad usage
 * (commander's parse errors are mapped to 2; `--help` and `--version` exit 0).
 */
export async function runShellCommand(argv: readonly string[], io: ShellIo = processIo()): Promise<number> {
  const env = io.env ?? process.env;
  const program = buildProgram(io, env);
  try {
    await program.parseAsync([...argv], { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : EXIT_USAGE;
    throw error;
  }
  const options = program.opts<ParsedFlags>();
  const [statement] = program.processedArgs as [string | undefined];
  return runShell(
    {
      address: options.address,
      ...optional('username', options.username ?? env['QUIVER_USERNAME'] ?? env['NEO4J_USERNAME']),
      ...optional('password', options.password ?? env['QUIVER_PASSWORD'] ?? env['NEO4J_PASSWORD']),
      ...optional('database', options.database ?? env['NEO4J_DATABASE']),
      ...optional('file', options.file),
      ...optional('statement', statement),
      format: options.format,
      parameters: options.param ?? [],
      nonInteractive: options.nonInteractive === true,
      failFast: options.failAtEnd !== true,
      userAgent: `quiver-shell/${version()}`,
    },
    io,
  );
}

interface ParsedFlags {
  readonly address: string;
  readonly username?: string;
  readonly password?: string;
  readonly database?: string;
  readonly format: 'auto' | 'verbose' | 'plain' | 'json' | 'csv';
  readonly file?: string;
  readonly param?: string[];
  readonly nonInteractive?: boolean;
  readonly failFast?: boolean;
  readonly failAtEnd?: boolean;
}

function buildProgram(io: ShellIo, env: Readonly<Record<string, string | undefined>>): Command {
  const address = env['QUIVER_ADDRESS'] ?? env['NEO4J_ADDRESS'] ?? DEFAULT_ADDRESS;
  return new Command('quiver shell')
    .description('An interactive Cypher shell over Bolt (works with Quiver, Neo4j and Memgraph)')
    .argument('[cypher]', 'statements to run instead of reading input (non-interactive)')
    .option(
      '-a, --address <address>',
      'bolt://, neo4j://, bolt+s://, bolt+ssc:// URL or host:port (env QUIVER_ADDRESS, NEO4J_ADDRESS)',
      address,
    )
    .option(
      '-u, --username <name>',
      'user name (env QUIVER_USERNAME, NEO4J_USERNAME); no authentication without it',
    )
    .option(
      '-p, --password <password>',
      'password (env QUIVER_PASSWORD, NEO4J_PASSWORD); asked for on a terminal when missing',
    )
    .option('-d, --database <name>', 'database to use (env NEO4J_DATABASE); default: the home database')
    .addOption(
      new Option(
        '--format <format>',
        'auto: tables when interactive, plain otherwise; verbose: tables and summaries',
      )
        .choices(['auto', 'verbose', 'plain', 'json', 'csv'])
        .default('auto'),
    )
    .option('-f, --file <path>', 'run the statements of a file, then exit')
    .addOption(
      new Option('-P, --param <assignment>', "set a parameter: 'name => expression' (repeatable)").argParser(
        collect,
      ),
    )
    .option('--non-interactive', 'never prompt, read statements from the input stream')
    .addOption(
      new Option('--fail-fast', 'stop at the first failing statement (default)').conflicts('failAtEnd'),
    )
    .option('--fail-at-end', 'run every statement and exit 1 at the end if one failed')
    .version(`quiver shell ${version()}`, '-v, --version', 'print the version and exit')
    .helpOption('-h, --help', 'show this help')
    .addHelpText(
      'after',
      '\nExit codes: 0 success, 1 a statement failed (non-interactive) or the connection failed, 2 bad usage.\n' +
        'Commands in the shell: type :help.',
    )
    .exitOverride()
    .configureOutput({
      writeOut: (text) => io.output.write(text),
      writeErr: (text) => io.error.write(text),
    });
}

function collect(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), value];
}

function optional<K extends string>(key: K, value: string | undefined): Partial<Record<K, string>> {
  return value === undefined ? {} : ({ [key]: value } as Record<K, string>);
}

/** The package version. */
function version(): string {
  return PRODUCT_VERSION;
}

function processIo(): ShellIo {
  return {
    input: process.stdin,
    output: process.stdout,
    error: process.stderr,
    interactive: isTty(process.stdin) && isTty(process.stdout),
  };
}

/** `isTTY` is typed as always present but is undefined on pipes and files. */
function isTty(stream: object): boolean {
  return (stream as { isTTY?: boolean }).isTTY === true;
}
