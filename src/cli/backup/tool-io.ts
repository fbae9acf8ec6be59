/** The outside world of `quiver dump`, `load` and `check` (tests pass their own). */
export interface ToolIo {
  readonly env: NodeJS.ProcessEnv;
  /** Reports for the user. */
  readonly stdout: (text: string) => void;
  /** Errors, and reports when the dump itself goes to standard output. */
  readonly stderr: (text: string) => void;
  /** Where `--to -` writes a dump. */
  readonly output: NodeJS.WritableStream;
  /** Whether `output` is a terminal (a binary dump is not written to one). */
  readonly outputIsTerminal: boolean;
  /** Where `quiver load -` reads. */
  readonly input: NodeJS.ReadableStream;
}

/** The process's own streams. */
export function processToolIo(): ToolIo {
  return {
    env: process.env,
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    output: process.stdout,
    // `isTTY` is typed as always present but is undefined on pipes and files.
    outputIsTerminal: (process.stdout as { isTTY?: boolean }).isTTY === true,
    input: process.stdin,
  };
}

/** `850ms`, `12.3s`, `4m 05s`. */
export function formatDuration(milliseconds: number): string {
  if (milliseconds < 1000) return `${String(Math.round(milliseconds))}ms`;
  if (milliseconds < 60_000) return `${(milliseconds / 1000).toFixed(1)}s`;
  const seconds = Math.round(milliseconds / 1000);
  return `${String(Math.floor(seconds / 60))}m ${String(seconds % 60).padStart(2, '0')}s`;
}

/** The message of an error for the user. */
export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
