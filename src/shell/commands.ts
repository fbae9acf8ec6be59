import { CypherArgumentError } from '../errors/index.js';
import {
  evaluationQuery,
  formatParameters,
  parseParameterAssignment,
  restoreDumpBytes,
} from './parameters.js';
import { CONNECT_USAGE, runConnect, runDisconnect } from './connect-command.js';
import type { CredentialPrompter } from './login.js';
import type { ShellConnection } from './shell-connection.js';

/** What a command may touch: the shell implements it. */
export interface CommandContext {
  readonly connection: ShellConnection;
  /** Asks for a password on a terminal (`:connect`); `null` when nobody is at one. */
  readonly prompter: CredentialPrompter | null;
  /** Query parameters by name, sent with every statement. */
  readonly parameters: Map<string, unknown>;
  write(text: string): void;
  /** Evaluates `RETURN <query>` on the server with the current parameters and returns the single value. */
  evaluate(query: string): Promise<unknown>;
  /** Runs the statements of a file; false when one failed. */
  source(path: string): Promise<boolean>;
  requestExit(): void;
}

interface CommandDefinition {
  readonly usage: string;
  readonly summary: string;
  /** Resolves with false when the command failed without an exception (e.g. a `:source`d statement). */
  readonly run: (context: CommandContext, argument: string) => Promise<boolean>;
}

const done = Promise.resolve(true);

const COMMANDS: Readonly<Record<string, CommandDefinition>> = {
  ':begin': {
    usage: ':begin',
    summary: 'Open a transaction',
    run: async (context) => {
      await context.connection.begin();
      return true;
    },
  },
  ':commit': {
    usage: ':commit',
    summary: 'Commit the currently open transaction',
    run: async (context) => {
      await context.connection.commit();
      return true;
    },
  },
  ':rollback': {
    usage: ':rollback',
    summary: 'Rollback the currently open transaction',
    run: async (context) => {
      await context.connection.rollback();
      return true;
    },
  },
  ':connect': {
    usage: CONNECT_USAGE,
    summary: 'Connect to the server again (after :disconnect), as the same or another user',
    run: runConnect,
  },
  ':disconnect': {
    usage: ':disconnect',
    summary: 'Close the connection to the server (statements fail until :connect)',
    run: runDisconnect,
  },
  ':exit': { usage: ':exit', summary: 'Exit the shell', run: exit },
  ':quit': { usage: ':quit', summary: 'Exit the shell (same as :exit)', run: exit },
  ':help': {
    usage: ':help [command]',
    summary: 'Show this help message, or the help of one command',
    run: (context, argument) => {
      context.write(`${helpText(argument)}\n`);
      return done;
    },
  },
  ':param': {
    usage: ':param name => expression | :param {name: expression, ...}',
    summary: 'Set the value of a query parameter (the server evaluates the expression)',
    run: setParameter,
  },
  ':params': {
    usage: ':params [clear]',
    summary: 'Print all query parameter values, or remove them all with `:params clear`',
    run: (context, argument) => {
      if (argument === 'clear') context.parameters.clear();
      else if (argument !== '') throw new CypherArgumentError(`Usage: ${COMMANDS[':params']?.usage ?? ''}`);
      else if (context.parameters.size > 0) context.write(`${formatParameters(context.parameters)}\n`);
      return done;
    },
  },
  ':use': {
    usage: ':use [database]',
    summary: 'Set the active database (the home database without a name)',
    run: async (context, argument) => {
      const name = argument.startsWith('`') && argument.endsWith('`') ? argument.slice(1, -1) : argument;
      await context.connection.use(name === '' ? null : name);
      return true;
    },
  },
  ':source': {
    usage: ':source file',
    summary: 'Run the Cypher statements and commands of a file',
    run: (context, argument) => {
      if (argument === '') throw new CypherArgumentError('Usage: :source file');
      return context.source(argument);
    },
  },
};

function exit(context: CommandContext): Promise<boolean> {
  context.requestExit();
  return done;
}

async function setParameter(context: CommandContext, argument: string): Promise<boolean> {
  const assignment = parseParameterAssignment(argument);
  switch (assignment.kind) {
    case 'INVALID':
      throw new CypherArgumentError(assignment.message);
    case 'NAMED':
      context.parameters.set(
        assignment.name,
        restoreDumpBytes(assignment.name, await context.evaluate(evaluationQuery(assignment.expression))),
      );
      return true;
    case 'MAP': {
      const value = await context.evaluate(evaluationQuery(assignment.expression));
      if (typeof value !== 'object' || value === null || Array.isArray(value)) {
        throw new CypherArgumentError('A parameter map must evaluate to a map');
      }
      for (const [name, item] of Object.entries(value))
        context.parameters.set(name, restoreDumpBytes(name, item));
      return true;
    }
  }
}

/** `:help` (every command) or `:help :param` (one). */
export function helpText(topic = ''): string {
  if (topic !== '') {
    const name = topic.startsWith(':') ? topic : `:${topic}`;
    const command = COMMANDS[name];
    if (command === undefined) return `No help for ${topic}: use :help to list the commands`;
    return `usage: ${command.usage}\n\n${command.summary}`;
  }
  const width = Math.max(...Object.keys(COMMANDS).map((name) => name.length)) + 2;
  const lines = Object.entries(COMMANDS).map(
    ([name, command]) => `  ${name.padEnd(width)}${command.summary}`,
  );
  return [
    'Available commands:',
    ...lines,
    '',
    'Cypher statements end with a semicolon and may span several lines.',
    'For help on a specific command type:',
    '  :help command',
  ].join('\n');
}

/**
 * Runs one `:command` line. Resolves with false when it failed quietly.
 * @throws CypherArgumentError for unknown commands and bad arguments; Bolt errors from the server
 */
export function runCommand(context: CommandContext, line: string): Promise<boolean> {
  const name = /^\S*/.exec(line)?.[0] ?? '';
  const command = COMMANDS[name.toLowerCase()];
  if (command === undefined) {
    throw new CypherArgumentError(`Could not find command ${name}, use :help to see available commands`);
  }
  return command.run(context, line.slice(name.length).trim());
}
