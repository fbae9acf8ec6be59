import { startServer, type ServerLogger } from '../server/index.js';
import { parseServeCommand, SERVE_USAGE } from './serve-options.js';

/** Only problems reach the terminal: the ready line is the one line a healthy start prints. */
const quietLogger: ServerLogger = {
  info: () => undefined,
  warn: (message) => {
    console.warn(`[quiver] WARN ${message}`);
  },
  error: (message, error) => {
    console.error(`[quiver] ERROR ${message}`, ...(error === undefined ? [] : [error]));
  },
};

/**
 * `quiver serve`: starts a server and prints `Bolt ready on bolt://HOST:PORT` once it accepts connections.
 * Resolves with -1 while the server runs (the process stays up until SIGINT/SIGTERM), or an exit code.
 */
export async function runServeCommand(argv: readonly string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseServeCommand(argv, process.env);
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : String(error)}\n\n${SERVE_USAGE}`);
    return 2;
  }
  if (parsed.help) {
    console.log(SERVE_USAGE);
    return 0;
  }
  const server = await startServer({ ...parsed.options, logger: quietLogger });
  console.log(`Bolt ready on ${server.url}`);
  let stopping = false;
  const stop = (): void => {
    if (stopping) return;
    stopping = true;
    server.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error('[quiver] ERROR shutdown failed', error);
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  return -1;
}
