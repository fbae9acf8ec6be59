import type { Readable, Writable } from 'node:stream';

/**
 * The streams a shell session uses, injectable for tests: statements come from `input`, results go to
 * `output`, errors and diagnostics to `error`. `interactive` says whether a person is typing (prompts,
 * history, tables by default); the CLI sets it from `isTTY`. `env` replaces `process.env` for the
 * environment variables the shell reads (addresses, credentials, the history file).
 */
export interface ShellIo {
  readonly input: Readable;
  readonly output: Writable;
  readonly error: Writable;
  readonly interactive: boolean;
  readonly env?: Readonly<Record<string, string | undefined>>;
}
