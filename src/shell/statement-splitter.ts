/** One unit of shell input: a Cypher statement (without its `;`) or a `:command` line. */
export type ShellInput =
  { readonly kind: 'CYPHER'; readonly text: string } | { readonly kind: 'COMMAND'; readonly text: string };

/** Where the scanner is inside the statement being collected. */
type ScanState = 'CODE' | 'SINGLE_QUOTED' | 'DOUBLE_QUOTED' | 'BACKTICKED' | 'LINE_COMMENT' | 'BLOCK_COMMENT';

/**
 * Cuts shell input into statements the way cypher-shell does: a Cypher statement ends at a `;` that is not
 * inside a string (`'…'`, `"…"`, with backslash escapes), a backticked name, a `//` line comment or a
 * block comment; it may span many lines. A line starting with `:` while no statement is in progress is a
 * shell command and ends with the line. Feed lines with {@link push}; {@link finish} returns what is left
 * at the end of input (a last statement without `;`, as cypher-shell runs it in scripts).
 */
export class StatementSplitter {
  private buffer = '';
  private state: ScanState = 'CODE';
  /** Whether the buffer holds something other than blanks and comments (a statement has started). */
  private hasCode = false;
  /** The previous character was a backslash inside a string. */
  private escaped = false;

  /** Whether a statement is partly entered (the REPL shows its continuation prompt then). */
  get isIncomplete(): boolean {
    return this.hasCode || this.state === 'BLOCK_COMMENT';
  }

  /** Feeds one line (without its line break) and returns the inputs it completed, in order. */
  push(line: string): ShellInput[] {
    if (!this.hasCode && this.state === 'CODE' && line.trimStart().startsWith(':')) {
      this.buffer = '';
      return [{ kind: 'COMMAND', text: stripCommandEnd(line.trim()) }];
    }
    const completed: ShellInput[] = [];
    // The buffer grows by slices of the line, not character by character: dump lines are long.
    let start = 0;
    for (let index = 0; index < line.length; index++) {
      const char = line.charAt(index);
      if (this.state === 'CODE' && char === ';') {
        const text = this.buffer + line.slice(start, index);
        if (this.hasCode) completed.push({ kind: 'CYPHER', text: text.trim() });
        this.reset();
        start = index + 1;
        continue;
      }
      // Only characters that can change the state need step(); plain text is passed over here.
      if (!isSpecial(char)) {
        if (this.state === 'CODE') this.hasCode ||= char.trim() !== '';
        else this.escaped = false;
        continue;
      }
      if (this.step(char, line.charAt(index + 1))) index++;
    }
    this.buffer += line.slice(start);
    if (this.state === 'LINE_COMMENT') this.state = 'CODE';
    this.buffer += '\n';
    return completed;
  }

  /** Ends the input: the unterminated last statement, if it holds any code. */
  finish(): ShellInput[] {
    const text = this.buffer.trim();
    const rest: ShellInput[] = this.hasCode ? [{ kind: 'CYPHER', text }] : [];
    this.reset();
    return rest;
  }

  /** Drops a partly entered statement (Ctrl-C in the REPL). */
  reset(): void {
    this.buffer = '';
    this.state = 'CODE';
    this.hasCode = false;
    this.escaped = false;
  }

  /** Advances the state over `char`; returns true when `next` belongs to the same token (`//`, `/*`, `*\/`). */
  private step(char: string, next: string): boolean {
    switch (this.state) {
      case 'CODE':
        if (char === '/' && next === '/') {
          this.state = 'LINE_COMMENT';
          return true;
        }
        if (char === '/' && next === '*') {
          this.state = 'BLOCK_COMMENT';
          return true;
        }
        if (char.trim() !== '') this.hasCode = true;
        if (char === "'") this.state = 'SINGLE_QUOTED';
        else if (char === '"') this.state = 'DOUBLE_QUOTED';
        else if (char === '`') this.state = 'BACKTICKED';
        return false;
      case 'SINGLE_QUOTED':
      case 'DOUBLE_QUOTED':
        if (this.escaped) this.escaped = false;
        else if (char === '\\') this.escaped = true;
        else if (char === (this.state === 'SINGLE_QUOTED' ? "'" : '"')) this.state = 'CODE';
        return false;
      case 'BACKTICKED':
        // A doubled backtick inside a name closes and reopens it, which leaves the state right.
        if (char === '`') this.state = 'CODE';
        return false;
      case 'LINE_COMMENT':
        return false;
      case 'BLOCK_COMMENT':
        if (char === '*' && next === '/') {
          this.state = 'CODE';
          return true;
        }
        return false;
    }
  }
}

/** Characters that start or end a string, a name or a comment, or escape inside a string. */
function isSpecial(char: string): boolean {
  return char === "'" || char === '"' || char === '`' || char === '/' || char === '*' || char === '\\';
}

/** cypher-shell accepts `:param x => 1;`: a trailing semicolon on a command line is not part of it. */
function stripCommandEnd(command: string): string {
  return command.endsWith(';') ? command.slice(0, -1).trimEnd() : command;
}
