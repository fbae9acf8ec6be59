import { createInterface } from 'node:readline';
import type { History } from './history.js';
import { HISTORY_SIZE } from './history.js';
import type { Shell } from './shell.js';
import type { ShellIo } from './shell-io.js';
import { StatementSplitter } from './statement-splitter.js';

/**
 * The prompt cypher-shell shows: `user@database> `, `#` instead of `>` inside a transaction, and blanks of
 * the same width while a statement continues on further lines.
 */
export function promptFor(
  user: string | undefined,
  database: string | null,
  inTransaction: boolean,
  continuing: boolean,
): string {
  const prompt = `${user === undefined ? '' : `${user}@`}${database ?? 'neo4j'}${inTransaction ? '#' : '>'} `;
  return continuing ? ' '.repeat(prompt.length) : prompt;
}

/**
 * The interactive loop over node:readline: prompts, collects lines until statements are complete, runs
 * them, and stops at `:exit` or the end of input (Ctrl-D). Ctrl-C interrupts a running statement, or drops
 * the statement being typed. Line editing and arrow-key history apply when both streams are terminals.
 */
export async function runRepl(shell: Shell, io: ShellIo, history: History | null): Promise<void> {
  const isTerminal = isTty(io.input) && isTty(io.output);
  const splitter = new StatementSplitter();
  const prompt = (): string =>
    promptFor(
      shell.connection.settings.username,
      shell.connection.database,
      shell.connection.inTransaction,
      splitter.isIncomplete,
    );
  const reader = createInterface({
    input: io.input,
    output: io.output,
    terminal: isTerminal,
    historySize: isTerminal && history !== null ? HISTORY_SIZE : 0,
    // readline wants the newest entry first.
    history: isTerminal && history !== null ? [...history.entries].reverse() : [],
    removeHistoryDuplicates: true,
    crlfDelay: Infinity,
  });
  reader.on('SIGINT', () => {
    if (shell.connection.isBusy) {
      shell.connection.interrupt();
      return;
    }
    splitter.reset();
    io.output.write('\n');
    reader.setPrompt(prompt());
    reader.prompt();
  });
  reader.setPrompt(prompt());
  reader.prompt();
  try {
    for await (const line of reader) {
      history?.add(line);
      for (const input of splitter.push(line)) {
        await shell.execute(input);
        if (shell.isExitRequested) return;
      }
      reader.setPrompt(prompt());
      reader.prompt();
    }
    // End of input (Ctrl-D): end the prompt's line.
    io.output.write('\n');
  } finally {
    reader.close();
  }
}

function isTty(stream: unknown): boolean {
  return (stream as { isTTY?: boolean }).isTTY === true;
}
