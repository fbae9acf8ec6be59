/**
 * Drives `quiver shell` in-process: an in-memory Quiver server on an ephemeral port, and runShellCommand
 * with injected streams, so a test can feed a scripted session and compare the transcript.
 */
import { PassThrough } from 'node:stream';
import { runShellCommand } from '../../src/cli/shell-command.js';
import { silentLogger, startServer, type QuiverServer, type ServerOptions } from '../../src/server/index.js';

export interface SessionOutcome {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

export interface SessionOptions {
  readonly interactive?: boolean;
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** Make standard input look like a terminal (`isTTY`, `setRawMode`), as a person typing would be. */
  readonly terminal?: boolean;
}

/** A standard input stream that claims to be a terminal and records the raw-mode switches asked of it. */
export class FakeTerminalInput extends PassThrough {
  readonly isTTY = true;
  readonly rawModes: boolean[] = [];

  setRawMode(raw: boolean): this {
    this.rawModes.push(raw);
    return this;
  }
}

/** A session still running: feed it lines, wait for its output, then end its input and await the outcome. */
export interface LiveSession {
  readonly stdin: PassThrough;
  write(text: string): void;
  /** Resolves once standard output or error (whichever is named) matches `pattern`. */
  waitFor(stream: 'stdout' | 'stderr', pattern: RegExp): Promise<void>;
  readonly stdout: () => string;
  readonly stderr: () => string;
  /** The raw-mode switches asked of a fake terminal input (`terminal: true`), in order. */
  readonly rawModes: () => readonly boolean[];
  /** Ends the input and resolves with the outcome. */
  end(): Promise<SessionOutcome>;
}

/** Starts `quiver shell <args>` with an open input stream. */
export function startSession(args: readonly string[], options: SessionOptions = {}): LiveSession {
  const stdin = options.terminal === true ? new FakeTerminalInput() : new PassThrough();
  const output = new PassThrough();
  const error = new PassThrough();
  const text = { stdout: '', stderr: '' };
  const waiters: (() => void)[] = [];
  const notify = (): void => {
    for (const waiter of waiters.splice(0)) waiter();
  };
  output.on('data', (chunk: Buffer) => {
    text.stdout += chunk.toString('utf8');
    notify();
  });
  error.on('data', (chunk: Buffer) => {
    text.stderr += chunk.toString('utf8');
    notify();
  });
  const code = runShellCommand(args, {
    input: stdin,
    output,
    error,
    interactive: options.interactive ?? false,
    env: options.env ?? { QUIVER_SHELL_HISTORY: '' },
  });
  return {
    stdin,
    write: (data) => stdin.write(data),
    waitFor: (stream, pattern) =>
      new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          reject(new Error(`Timed out waiting for ${String(pattern)} in ${stream}:\n${text[stream]}`));
        }, 10_000);
        const check = (): void => {
          if (pattern.test(text[stream])) {
            clearTimeout(timer);
            resolve();
          } else waiters.push(check);
        };
        check();
      }),
    stdout: () => text.stdout,
    stderr: () => text.stderr,
    rawModes: () => (stdin instanceof FakeTerminalInput ? stdin.rawModes : []),
    end: async () => {
      stdin.end();
      return { code: await code, stdout: text.stdout, stderr: text.stderr };
    },
  };
}

/** An in-memory server on 127.0.0.1 whose clock is frozen, so summaries say `after 0 ms`. */
export function startTestServer(options: Partial<ServerOptions> = {}): Promise<QuiverServer> {
  return startServer({
    host: '127.0.0.1',
    port: 0,
    inMemory: true,
    logger: silentLogger,
    now: () => 0,
    ...options,
  });
}

/** Runs `quiver shell <args>` with `input` as its whole input and collects both output streams. */
export async function runSession(
  args: readonly string[],
  input: string,
  options: SessionOptions = {},
): Promise<SessionOutcome> {
  const stdin = options.terminal === true ? new FakeTerminalInput() : new PassThrough();
  const output = new PassThrough();
  const error = new PassThrough();
  let stdout = '';
  let stderr = '';
  output.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
  error.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  stdin.end(input);
  const code = await runShellCommand(args, {
    input: stdin,
    output,
    error,
    interactive: options.interactive ?? false,
    env: options.env ?? { QUIVER_SHELL_HISTORY: '' },
  });
  return { code, stdout, stderr };
}
