/** Writes text to the shell's output as is (renderers add their own line ends). */
export type TextWriter = (text: string) => void;

/**
 * Turns one streamed result into text. The shell calls `begin` once with the column names (before any
 * record), `record` per record as it arrives, and `end` once; `end` returns how many records there were.
 * A statement without columns (a CREATE without RETURN) gets `begin([])` and usually prints nothing.
 */
export interface ResultRenderer {
  begin(fields: readonly string[]): void;
  record(values: readonly unknown[]): void;
  end(): number;
}

/** The output formats (`--format`); `auto` is resolved to `verbose` or `plain` before rendering. */
export type OutputFormat = 'verbose' | 'plain' | 'json' | 'csv';
