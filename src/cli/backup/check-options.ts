import { Command } from 'commander';
import { checkDatabaseName } from '../../engine/index.js';
import { parseCommandLine, usageError, type Parsed } from './command-parsing.js';

/** Everything `quiver check` was asked to do. */
export interface CheckCommandOptions {
  readonly dataDir: string;
  /** One database, or every database found under `<dataDir>/databases/`. */
  readonly databases: { readonly kind: 'one'; readonly name: string } | { readonly kind: 'all' };
}

function buildCommand(): Command {
  return new Command('quiver check')
    .description(
      [
        'Verify databases of a data directory without changing them: every snapshot and',
        'WAL segment is read and checked, the graph is recovered in memory and verified.',
        'It takes no lock, so it can look at the directory of a running server.',
        'Exit codes: 0 no problem found, 1 problems found (listed), 2 bad flags.',
      ].join('\n'),
    )
    .option('--data-dir <dir>', 'the data directory', 'data')
    .option('-d, --database <name>', 'the database to check (default: neo4j)')
    .option('--all', 'check every database of the data directory');
}

interface CheckFlags {
  readonly dataDir: string;
  readonly database?: string;
  readonly all?: boolean;
}

/**
 * Parses the arguments after `quiver check`.
 * @throws DatabaseError (ArgumentError) with a message for the user when they are invalid.
 */
export function parseCheckCommand(argv: readonly string[]): Parsed<CheckCommandOptions> {
  const command = buildCommand();
  const outcome = parseCommandLine(command, argv);
  if (outcome !== 'run') return { kind: 'help', text: outcome.help };
  const flags = command.opts<CheckFlags>();
  if (flags.all === true && flags.database !== undefined) {
    throw usageError('Give either --database or --all, not both');
  }
  if (flags.all === true)
    return { kind: 'run', options: { dataDir: flags.dataDir, databases: { kind: 'all' } } };
  let name: string;
  try {
    name = checkDatabaseName(flags.database ?? 'neo4j');
  } catch (error) {
    throw usageError(error instanceof Error ? error.message : String(error));
  }
  return { kind: 'run', options: { dataDir: flags.dataDir, databases: { kind: 'one', name } } };
}
