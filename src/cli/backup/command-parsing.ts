import { CommanderError, type Command } from 'commander';
import { DatabaseError, Status } from '../../errors/index.js';

/** A parsed command line: what to run, or help text to print. */
export type Parsed<T> =
  { readonly kind: 'run'; readonly options: T } | { readonly kind: 'help'; readonly text: string };

/** A mistake in the flags (exit code 2), with a message for the user. */
export function usageError(message: string): DatabaseError {
  return new DatabaseError(Status.ArgumentError, message);
}

/** Whether an error is a usage mistake (`usageError`), which the commands answer with exit code 2. */
export function isUsageError(error: unknown): boolean {
  return error instanceof DatabaseError && error.status === Status.ArgumentError;
}

/**
 * Runs commander over `argv` with its own output silenced and its exits turned into values: `--help` gives
 * the help text, parse errors a usage error.
 * @throws DatabaseError ArgumentError with commander's message (without its `error: ` prefix).
 */
export function parseCommandLine(command: Command, argv: readonly string[]): 'run' | { help: string } {
  command
    .helpOption('-h, --help', 'show this help')
    .allowExcessArguments(false)
    .exitOverride()
    .configureOutput({ writeOut: () => undefined, writeErr: () => undefined });
  try {
    command.parse([...argv], { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.code === 'commander.helpDisplayed') return { help: command.helpInformation() };
      throw usageError(error.message.replace(/^error: /, ''));
    }
    throw error;
  }
  return 'run';
}

/** The Bolt address default: `QUIVER_ADDRESS`, `NEO4J_ADDRESS`, then cypher-shell's. */
export function defaultAddress(env: NodeJS.ProcessEnv): string {
  return env['QUIVER_ADDRESS'] ?? env['NEO4J_ADDRESS'] ?? 'bolt://localhost:7687';
}

/** `{key: value}` when the value is set, `{}` otherwise (exactOptionalPropertyTypes). */
export function optional<K extends string, V>(key: K, value: V | undefined): Partial<Record<K, V>> {
  return value === undefined ? {} : ({ [key]: value } as Record<K, V>);
}
