import { Command, Option } from 'commander';
import type { BoltSettings } from './bolt-connection.js';
import { defaultAddress, optional, parseCommandLine, type Parsed } from './command-parsing.js';

/** Everything `quiver dump` was asked to do. */
export interface DumpCommandOptions {
  readonly connection: BoltSettings;
  /** A file, or `-` for standard output. */
  readonly to: string;
  readonly format: 'cypher' | 'binary';
}

function buildCommand(env: NodeJS.ProcessEnv): Command {
  return new Command('quiver dump')
    .description(
      [
        'Dump a database of a running server: as a Cypher script (DUMP DATABASE, one',
        'statement per line, replayable by cypher-shell and quiver load) or as a binary',
        'backup (one consistent snapshot, restored with quiver load --data-dir).',
        'Example: quiver dump -d neo4j --format binary --to neo4j.snap',
        'Exit codes: 0 done, 1 the dump failed, 2 bad flags.',
      ].join('\n'),
    )
    .option('-a, --address <address>', 'the server (env QUIVER_ADDRESS, NEO4J_ADDRESS)', defaultAddress(env))
    .option('-u, --username <name>', 'user name (env NEO4J_USERNAME); no authentication without it')
    .option('-p, --password <password>', 'password (env NEO4J_PASSWORD)')
    .option('-d, --database <name>', 'the database to dump (env NEO4J_DATABASE); default: the home database')
    .option('--to <file>', 'where the dump goes; - for standard output', '-')
    .addOption(
      new Option('--format <format>', 'cypher: a script; binary: a snapshot file')
        .choices(['cypher', 'binary'])
        .default('cypher'),
    );
}

interface DumpFlags {
  readonly address: string;
  readonly username?: string;
  readonly password?: string;
  readonly database?: string;
  readonly to: string;
  readonly format: 'cypher' | 'binary';
}

/**
 * Parses the arguments after `quiver dump`.
 * @throws DatabaseError (ArgumentError) with a message for the user when they are invalid.
 */
export function parseDumpCommand(
  argv: readonly string[],
  env: NodeJS.ProcessEnv,
): Parsed<DumpCommandOptions> {
  const command = buildCommand(env);
  const outcome = parseCommandLine(command, argv);
  if (outcome !== 'run') return { kind: 'help', text: outcome.help };
  const flags = command.opts<DumpFlags>();
  return {
    kind: 'run',
    options: {
      connection: {
        address: flags.address,
        ...optional('username', flags.username ?? env['NEO4J_USERNAME']),
        ...optional('password', flags.password ?? env['NEO4J_PASSWORD']),
        ...optional('database', flags.database ?? env['NEO4J_DATABASE']),
      },
      to: flags.to,
      format: flags.format,
    },
  };
}
