import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

/** How many lines are kept (file and readline). */
export const HISTORY_SIZE = 1000;

/**
 * The history file: `~/.quiver_shell_history`, or `QUIVER_SHELL_HISTORY` (empty: no history). Null when
 * history is off.
 */
export function historyPath(env: Readonly<Record<string, string | undefined>>): string | null {
  const configured = env['QUIVER_SHELL_HISTORY'];
  if (configured !== undefined) return configured === '' ? null : configured;
  return join(homedir(), '.quiver_shell_history');
}

/**
 * The REPL's input history, one entered line per file line, oldest first. Each line is appended as soon as
 * it is entered (a crash loses nothing); the file is trimmed to the last {@link HISTORY_SIZE} lines when
 * loaded. File errors disable saving instead of stopping the shell: history is a convenience.
 */
export class History {
  private readonly path: string;
  private readonly lines: string[];
  private writable = true;

  private constructor(path: string, lines: string[]) {
    this.path = path;
    this.lines = lines;
  }

  /** Reads the file (a missing file is an empty history). */
  static load(path: string): History {
    let lines: string[] = [];
    try {
      lines = readFileSync(path, 'utf8')
        .split('\n')
        .filter((line) => line !== '');
    } catch {
      // No history yet.
    }
    const history = new History(path, lines.slice(-HISTORY_SIZE));
    if (lines.length > HISTORY_SIZE) history.rewrite();
    return history;
  }

  /** Oldest first. */
  get entries(): readonly string[] {
    return this.lines;
  }

  /** Records an entered line (blank lines and repeats of the previous line are skipped). */
  add(line: string): void {
    if (line.trim() === '' || this.lines.at(-1) === line) return;
    this.lines.push(line);
    if (this.lines.length > HISTORY_SIZE) this.lines.shift();
    if (!this.writable) return;
    try {
      appendFileSync(this.path, `${line}\n`, { mode: 0o600 });
    } catch {
      this.writable = false;
    }
  }

  private rewrite(): void {
    try {
      writeFileSync(this.path, this.lines.map((line) => `${line}\n`).join(''), { mode: 0o600 });
    } catch {
      this.writable = false;
    }
  }
}
