import { Command, Option } from 'commander';
import { checkDatabaseName } from '../../engine/index.js';
import type { BoltSettings } from './bolt-connection.js';
import { optional, parseCommandLine, usageError, type Parsed } from './command-parsing.js';

/** Where `quiver load` puts the data: a database directory (offline) or a running server (online). */
export type LoadTarget =
  | { readonly kind: 'offline'; readonly dataDir: string; readonly database: string }
  | { readonly kind: 'online'; readonly connection: BoltSettings };

/** Everything `quiver load` was asked to do. */
export interface LoadCommandOptions {
  /** The dump file, or `-` for standard input (then `--format` must be given). */
  readonly file: string;
  readonly format: 'auto' | 'cypher' | 'binary';
  readonly target: LoadTarget;
  /** Statements per transaction of a Cypher replay. */
  readonly batchSize: number;
}

const DEFAULT_BATCH = 2000;

function buildCommand(): Command {
  return new Command('quiver load')
    .description(
      [
        'Load a dump made by quiver dump. Offline (--data-dir): a binary backup becomes a',
        'new database (its directory must be empty or absent and no server may have it',
        'open); a Cypher script is replayed through the embedded engine. Online',
        '(--address): a Cypher script is replayed over Bolt.',
        'Examples: quiver load --data-dir data -d copy neo4j.snap',
        '          quiver load --address bolt://localhost:7687 dump.cypher',
        'Exit codes: 0 done, 1 the load failed, 2 bad flags.',
      ].join('\n'),
    )
    .argument('<file>', 'the dump (- for standard input, with --format)')
    .addOption(
      new Option('--format <format>', 'auto: by the file content')
        .choices(['auto', 'cypher', 'binary'])
        .default('auto'),
    )
    .option('--data-dir <dir>', 'load offline into this data directory')
    .option('-d, --database <name>', 'the database (offline default: neo4j; online: the home database)')
    .option('-a, --address <address>', 'load online into this server (Cypher scripts only)')
    .option('-u, --username <name>', 'user name for --address (env NEO4J_USERNAME)')
    .option('-p, --password <password>', 'password for --address (env NEO4J_PASSWORD)')
    .option('--batch-size <n>', 'statements per transaction of a Cypher replay', String(DEFAULT_BATCH));
}

interface LoadFlags {
  readonly format: 'auto' | 'cypher' | 'binary';
  readonly dataDir?: string;
  readonly database?: string;
  readonly address?: string;
  readonly username?: string;
  readonly password?: string;
  readonly batchSize: string;
}

/**
 * Parses the arguments after `quiver load`.
 * @throws DatabaseError (ArgumentError) with a message for the user when they are invalid.
 */
export function parseLoadCommand(
  argv: readonly string[],
  env: NodeJS.ProcessEnv,
): Parsed<LoadCommandOptions> {
  const command = buildCommand();
  const outcome = parseCommandLine(command, argv);
  if (outcome !== 'run') return { kind: 'help', text: outcome.help };
  const flags = command.opts<LoadFlags>();
  const [file] = command.args;
  if (file === undefined) throw usageError("missing required argument 'file'");
  if (file === '-' && flags.format === 'auto') {
    throw usageError('Loading from standard input needs --format cypher or --format binary');
  }
  return {
    kind: 'run',
    options: {
      file,
      format: flags.format,
      target: target(flags, env),
      batchSize: batchSize(flags.batchSize),
    },
  };
}

function target(flags: LoadFlags, env: NodeJS.ProcessEnv): LoadTarget {
  if (flags.dataDir !== undefined && flags.address !== undefined) {
    throw usageError('Give either --data-dir (offline) or --address (online), not both');
  }
  if (flags.address !== undefined) {
    if (flags.format === 'binary') {
      throw usageError(
        'A binary backup loads offline only: stop the server and use --data-dir, or dump as Cypher',
      );
    }
    return {
      kind: 'online',
      connection: {
        address: flags.address,
        ...optional('username', flags.username ?? env['NEO4J_USERNAME']),
        ...optional('password', flags.password ?? env['NEO4J_PASSWORD']),
        ...optional('database', flags.database),
      },
    };
  }
  if (flags.dataDir === undefined) {
    throw usageError(
      'Say where to load: --data-dir <dir> (offline) or --address <bolt://host:port> (online)',
    );
  }
  let database: string;
  try {
    database = checkDatabaseName(flags.database ?? 'neo4j');
  } catch (error) {
    throw usageError(error instanceof Error ? error.message : String(error));
  }
  return { kind: 'offline', dataDir: flags.dataDir, database };
}

function batchSize(text: string): number {
  const value = Number(text);
  if (!Number.isSafeInteger(value) || value < 1) {
    throw usageError(`--batch-size must be a positive integer, not "${text}"`);
  }
  return value;
}
