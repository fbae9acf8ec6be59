/**
 * The flags of `quiver import`, compatible with `neo4j-admin database import full`: `--nodes[=Labels]=files`
 * and `--relationships[=TYPE]=files` (repeatable), the CSV dialect, id type and bad-row policy, plus
 * Quiver's `--data-dir`. Booleans take neo4j-admin's optional `=true|false`. Parsed with commander.
 */
import { Command, CommanderError, Option } from 'commander';
import { DatabaseError, Status } from '../../errors/index.js';
import type { IdType } from './id-spaces.js';
import type { ImportInputs, ImportSettings } from './import-graph.js';
import type { NodeInput } from './node-rows.js';
import type { RelationshipInput } from './relationship-rows.js';

/** Everything `quiver import` was asked to do. */
export interface ImportCommandOptions {
  readonly dataDir: string;
  /** The database name, lower-cased. */
  readonly database: string;
  readonly overwriteDestination: boolean;
  readonly reportFile: string;
  readonly inputs: ImportInputs;
  readonly settings: ImportSettings;
}

/** The parse result: options to run with, or help text to print. */
export type ParsedImportCommand =
  | { readonly kind: 'run'; readonly options: ImportCommandOptions }
  | { readonly kind: 'help'; readonly text: string };

const BOOLEAN_FLAGS = [
  ['--overwrite-destination', 'replace an existing database directory'],
  ['--skip-bad-relationships', 'skip (and report) relationships whose start or end node is missing'],
  ['--skip-duplicate-nodes', 'skip (and report) nodes whose id was already imported in their group'],
  ['--ignore-empty-strings', 'treat empty string values as no value'],
  ['--trim-strings', 'trim leading and trailing whitespace of string values'],
  ['--normalize-types', 'store byte/short/int as 64-bit INTEGER and float as 64-bit FLOAT (default true)'],
  ['--multiline-fields', 'allow line breaks inside quoted fields'],
] as const;

function usageError(message: string): DatabaseError {
  return new DatabaseError(Status.ArgumentError, message);
}

function buildCommand(): Command {
  const command = new Command('quiver import')
    .description(
      'Import CSV files (neo4j-admin import format) into a new database of a data directory.\n' +
        'Example: quiver import --nodes=User=users.csv --relationships=FRIEND=friends.csv',
    )
    .argument('[database]', 'the database to create (same as --database)')
    .addOption(new Option('--data-dir <path>', 'the data directory').default('./data'))
    .addOption(new Option('--database <name>', 'the database to create').default('neo4j'))
    .addOption(
      new Option('--nodes <[labels=]files>', 'node files, the first line of the first one is the header')
        .argParser(collect)
        .default([]),
    )
    .addOption(
      new Option('--relationships <[type=]files>', 'relationship files, header first')
        .argParser(collect)
        .default([]),
    )
    .addOption(new Option('--delimiter <char>', 'field delimiter (TAB or \\t for a tab)').default(','))
    .addOption(new Option('--array-delimiter <char>', 'delimiter of array values').default(';'))
    .addOption(new Option('--quote <char>', 'quote character').default('"'))
    .addOption(new Option('--id-type <type>', 'string, integer or actual').default('string'))
    .addOption(new Option('--bad-tolerance <n>', 'bad rows allowed before the import stops').default('1000'))
    .addOption(new Option('--report-file <path>', 'where bad rows are reported').default('import.report'));
  for (const [flag, description] of BOOLEAN_FLAGS) {
    command.addOption(new Option(`${flag} [true|false]`, description));
  }
  return command
    .helpOption('-h, --help', 'show this help')
    .allowExcessArguments(false)
    .exitOverride()
    .configureOutput({ writeOut: () => undefined, writeErr: () => undefined });
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

/**
 * Parses the arguments after `quiver import`.
 * @throws DatabaseError (ArgumentError) with a message for the user when they are invalid.
 */
export function parseImportCommand(argv: readonly string[]): ParsedImportCommand {
  const command = buildCommand();
  try {
    command.parse([...argv], { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.code === 'commander.helpDisplayed') return { kind: 'help', text: command.helpInformation() };
      throw usageError(error.message.replace(/^error: /, ''));
    }
    throw error;
  }
  const flags = command.opts<Record<string, unknown>>();
  const text = (name: string): string => String(flags[name]);
  const flag = (name: string, fallback: boolean): boolean => booleanFlag(flags[name], name, fallback);
  const positional = command.args[0];
  if (positional !== undefined && argv.some((arg) => arg.startsWith('--database'))) {
    throw usageError('Give the database either as an argument or with --database, not both');
  }
  const nodes = (flags['nodes'] as string[]).map(nodeInput);
  if (nodes.length === 0) throw usageError('At least one --nodes option is needed');
  const delimiter = character(text('delimiter'), '--delimiter');
  const arrayDelimiter = character(text('arrayDelimiter'), '--array-delimiter');
  const quote = character(text('quote'), '--quote');
  if (delimiter === quote || arrayDelimiter === quote || delimiter === arrayDelimiter) {
    throw usageError('--delimiter, --array-delimiter and --quote must be three different characters');
  }
  return {
    kind: 'run',
    options: {
      dataDir: text('dataDir'),
      database: databaseName(positional ?? text('database')),
      overwriteDestination: flag('overwriteDestination', false),
      reportFile: text('reportFile'),
      inputs: { nodes, relationships: (flags['relationships'] as string[]).map(relationshipInput) },
      settings: {
        delimiter,
        arrayDelimiter,
        quote,
        multilineFields: flag('multilineFields', false),
        idType: idType(text('idType')),
        badTolerance: tolerance(text('badTolerance')),
        skipBadRelationships: flag('skipBadRelationships', false),
        skipDuplicateNodes: flag('skipDuplicateNodes', false),
        ignoreEmptyStrings: flag('ignoreEmptyStrings', false),
        trimStrings: flag('trimStrings', false),
        normalizeTypes: flag('normalizeTypes', true),
      },
    },
  };
}

/** `files` or `Label1:Label2=files`. */
function nodeInput(spec: string): NodeInput {
  const [prefix, files] = splitSpec(spec, '--nodes');
  const labels = prefix === undefined ? [] : prefix.split(':').map((label) => label.trim());
  if (labels.some((label) => label === '')) throw usageError(`--nodes=${spec}: an empty label`);
  return { labels, files };
}

/** `files` or `TYPE=files`. */
function relationshipInput(spec: string): RelationshipInput {
  const [prefix, files] = splitSpec(spec, '--relationships');
  const type = prefix?.trim();
  if (type === '') throw usageError(`--relationships=${spec}: an empty type`);
  return { type, files };
}

function splitSpec(spec: string, option: string): [string | undefined, string[]] {
  const equals = spec.indexOf('=');
  const prefix = equals === -1 ? undefined : spec.slice(0, equals);
  const files = (equals === -1 ? spec : spec.slice(equals + 1)).split(',').map((file) => file.trim());
  if (files.some((file) => file === '')) throw usageError(`${option}=${spec}: an empty file name`);
  return [prefix, files];
}

/** One character: itself, `TAB`, `\t`, or `U+XXXX`. */
export function character(value: string, option: string): string {
  if (value === 'TAB' || value === '\\t') return '\t';
  const unicode = /^U\+([0-9A-Fa-f]{4})$/.exec(value);
  if (unicode?.[1] !== undefined) return String.fromCharCode(parseInt(unicode[1], 16));
  if (value.length !== 1) throw usageError(`${option} must be one character, TAB or U+XXXX, not '${value}'`);
  if (value === '\n' || value === '\r') throw usageError(`${option} cannot be a line break`);
  return value;
}

function booleanFlag(value: unknown, name: string, fallback: boolean): boolean {
  if (value === undefined) return fallback;
  if (value === true) return true;
  const lower = (typeof value === 'string' ? value : JSON.stringify(value)).toLowerCase();
  if (lower === 'true') return true;
  if (lower === 'false') return false;
  throw usageError(`--${kebab(name)} takes true or false, not '${lower}'`);
}

function kebab(name: string): string {
  return name.replace(/[A-Z]/g, (upper) => `-${upper.toLowerCase()}`);
}

function idType(value: string): IdType {
  const lower = value.toLowerCase();
  if (lower === 'string' || lower === 'integer' || lower === 'actual') return lower;
  throw usageError(`--id-type must be string, integer or actual, not '${value}'`);
}

/** A non-negative count; -1 means no limit. */
function tolerance(value: string): number {
  const number = Number(value);
  if (number === -1) return Number.POSITIVE_INFINITY;
  if (!Number.isSafeInteger(number) || number < 0) {
    throw usageError(`--bad-tolerance must be a non-negative integer (or -1 for no limit), not '${value}'`);
  }
  return number;
}

/**
 * Database names by Neo4j's rule, lower-cased: 3 to 63 characters, a letter first, then letters, digits,
 * dots and dashes (the rule the engine's `checkDatabaseName` applies; repeated here so that parsing flags
 * loads no engine).
 */
function databaseName(value: string): string {
  const name = value.toLowerCase();
  if (!/^[a-z][a-z0-9.-]{2,62}$/.test(name)) {
    throw usageError(
      `Database name '${value}' is invalid: a name has 3 to 63 characters, starts with a letter and ` +
        'contains only letters, digits, dots and dashes',
    );
  }
  return name;
}
