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
  const stdin = new PassThrough();
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
