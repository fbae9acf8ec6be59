import { BoltResponseError } from '../bolt/index.js';
import { Status } from '../errors/index.js';
import { formatError } from './error-text.js';
import type { ConnectionSettings } from './open-client.js';
import { promptLine } from './prompt-input.js';
import { ShellConnection } from './shell-connection.js';
import type { ShellIo } from './shell-io.js';

/** Logins tried on a terminal before the shell gives up (cypher-shell asks again after each refusal). */
const LOGIN_ATTEMPTS = 3;

/** Asks the person at the terminal for a line; `undefined` when they gave up (Ctrl-C, Ctrl-D). */
export type CredentialPrompter = (
  prompt: string,
  options: { readonly mask: boolean },
) => Promise<string | undefined>;

function isTty(stream: unknown): boolean {
  return (stream as { isTTY?: boolean }).isTTY === true;
}

/**
 * Prompts on the terminal `io.input` is, or `null` when it is not one (a pipe, a file): then the shell
 * never asks. The prompts go to standard output when it is the terminal too, else to standard error, so a
 * redirected output does not receive them.
 */
export function terminalPrompter(io: ShellIo): CredentialPrompter | null {
  if (!isTty(io.input)) return null;
  const output = isTty(io.output) ? io.output : io.error;
  return (prompt, options) => promptLine(io.input, output, prompt, options);
}

/** Whether the server refused the credentials. */
function isAuthenticationFailure(error: unknown): boolean {
  return error instanceof BoltResponseError && error.serverCode === Status.Unauthorized.code;
}

/**
 * Connects as cypher-shell does on a terminal: a user name without a password makes it ask for the
 * password (hidden) first, and a refused login makes it ask for user name and password again, up to
 * {@link LOGIN_ATTEMPTS} logins. Without a prompter (pipes, `-f`, `--non-interactive`) it tries once.
 * @throws DatabaseError the last connection or login error (also when the user gives up at a prompt)
 */
export async function connectWithLogin(
  settings: ConnectionSettings,
  prompter: CredentialPrompter | null,
  report: (text: string) => void,
): Promise<ShellConnection> {
  let current = settings;
  if (prompter !== null && current.username !== undefined && current.password === undefined) {
    const password = await prompter('password: ', { mask: true });
    if (password !== undefined) current = { ...current, password };
  }
  for (let attempt = 1; ; attempt++) {
    try {
      return await ShellConnection.open(current);
    } catch (error) {
      if (prompter === null || !isAuthenticationFailure(error) || attempt >= LOGIN_ATTEMPTS) throw error;
      report(formatError(error));
      const username = await prompter('username: ', { mask: false });
      if (username === undefined) throw error;
      const password = await prompter('password: ', { mask: true });
      if (password === undefined) throw error;
      current = { ...current, username, password };
    }
  }
}
