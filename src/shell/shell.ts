import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { CypherArgumentError } from '../errors/index.js';
import { runCommand, type CommandContext } from './commands.js';
import { formatError } from './error-text.js';
import type { CredentialPrompter } from './login.js';
import { createRenderer } from './render/create-renderer.js';
import type { OutputFormat } from './render/renderer.js';
import type { ShellConnection } from './shell-connection.js';
import type { ShellIo } from './shell-io.js';
import { StatementSplitter, type ShellInput } from './statement-splitter.js';
import { formatCounters, formatFooter } from './summary-text.js';

/** How deep `:source` may nest (a file that sources itself stops here). */
const MAX_SOURCE_DEPTH = 16;

/** How a session prints and reacts to failures. */
export interface ShellSettings {
  readonly format: OutputFormat;
  /** Stop a script at its first failing statement (cypher-shell's default) instead of at its end. */
  readonly failFast: boolean;
  /** Asks for credentials (`:connect -u name` without `-p`); `null` when nobody is at a terminal. */
  readonly prompter: CredentialPrompter | null;
}

/**
 * One shell session over a connection: runs statements and `:commands`, renders results in the chosen
 * format (tables with the row count, timings and counters in `verbose`), prints errors to the error stream,
 * and holds the parameters. Input comes from the REPL or from scripts ({@link runLines}).
 */
export class Shell implements CommandContext {
  readonly connection: ShellConnection;
  readonly parameters = new Map<string, unknown>();
  private readonly io: ShellIo;
  private readonly settings: ShellSettings;
  private exitRequested = false;
  private sourceDepth = 0;

  constructor(connection: ShellConnection, io: ShellIo, settings: ShellSettings) {
    this.connection = connection;
    this.io = io;
    this.settings = settings;
    connection.onNotice = (text) => {
      this.writeError(text);
    };
  }

  get prompter(): CredentialPrompter | null {
    return this.settings.prompter;
  }

  /** Whether `:exit` was entered. */
  get isExitRequested(): boolean {
    return this.exitRequested;
  }

  write(text: string): void {
    this.io.output.write(text);
  }

  writeError(text: string): void {
    this.io.error.write(`${text}\n`);
  }

  requestExit(): void {
    this.exitRequested = true;
  }

  /** Runs one statement or command; prints its result or its error. Resolves with false when it failed. */
  async execute(input: ShellInput): Promise<boolean> {
    try {
      if (input.kind === 'COMMAND') return await runCommand(this, input.text);
      await this.runCypher(input.text);
      return true;
    } catch (error) {
      this.writeError(formatError(error, input.kind === 'CYPHER' ? input.text : undefined));
      return false;
    }
  }

  /**
   * Runs the lines of a script: statements end with `;` (the last one may omit it), `:commands` take a line.
   * With fail-fast it stops at the first failure. Resolves with false when anything failed.
   */
  async runLines(lines: Iterable<string> | AsyncIterable<string>): Promise<boolean> {
    const splitter = new StatementSplitter();
    let succeeded = true;
    const runAll = async (inputs: readonly ShellInput[]): Promise<boolean> => {
      for (const input of inputs) {
        if (this.exitRequested) return false;
        if (!(await this.execute(input))) {
          succeeded = false;
          if (this.settings.failFast) return false;
        }
      }
      return true;
    };
    for await (const line of lines) {
      if (!(await runAll(splitter.push(line)))) return succeeded;
    }
    await runAll(splitter.finish());
    return succeeded;
  }

  /** `:source file`: the file's statements in this session (relative paths from the working directory). */
  async source(path: string): Promise<boolean> {
    if (this.sourceDepth >= MAX_SOURCE_DEPTH) {
      throw new CypherArgumentError(`:source is nested more than ${MAX_SOURCE_DEPTH} levels deep`);
    }
    const text = await readScript(path);
    this.sourceDepth++;
    try {
      return await this.runLines(text.split(/\r?\n/));
    } finally {
      this.sourceDepth--;
    }
  }

  async evaluate(query: string): Promise<unknown> {
    let value: unknown = null;
    await this.connection.run(query, Object.fromEntries(this.parameters), {
      begin: () => undefined,
      record: (values) => {
        value = values[0] ?? null;
      },
    });
    return value;
  }

  private async runCypher(query: string): Promise<void> {
    const renderer = createRenderer(this.settings.format, (text) => {
      this.write(text);
    });
    const summary = await this.connection.run(query, Object.fromEntries(this.parameters), renderer);
    const rows = renderer.end();
    if (this.settings.format !== 'verbose') return;
    this.write(`${formatFooter(rows, summary.availableAfterMs, summary.consumedAfterMs)}\n`);
    const counters = formatCounters(summary.metadata['stats']);
    if (counters !== '') this.write(`${counters}\n`);
  }
}

/**
 * Reads a script file.
 * @throws CypherArgumentError naming the file when it cannot be read
 */
export async function readScript(path: string): Promise<string> {
  try {
    return await readFile(resolve(path), 'utf8');
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new CypherArgumentError(`Cannot read file "${path}": ${reason}`);
  }
}
