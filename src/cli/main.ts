#!/usr/bin/env node
/**
 * The `quiver` command. `quiver serve` (the default) starts a server and prints one line,
 * `Bolt ready on bolt://HOST:PORT`, once it accepts connections.
 */
import { startServer, type ServerLogger } from '../server/index.js';
import { parseServeCommand, SERVE_USAGE } from './serve-options.js';

const USAGE = `Usage: quiver <command> [options]

Commands:
  serve     start a server (default)
  help      this text

${SERVE_USAGE}`;

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

async function main(argv: readonly string[]): Promise<number> {
  const [command = 'serve', ...rest] = argv[0]?.startsWith('-') === true ? ['serve', ...argv] : argv;
  if (command === 'help' || command === '--help' || command === '-h') {
    console.log(USAGE);
    return 0;
  }
  if (command !== 'serve') {
    console.error(`Unknown command: ${command}\n\n${USAGE}`);
    return 2;
  }
  let parsed;
  try {
    parsed = parseServeCommand(rest, process.env);
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : String(error)}\n\n${SERVE_USAGE}`);
    return 2;
  }
  if (parsed.help) {
    console.log(SERVE_USAGE);
    return 0;
  }
  if (!parsed.options.inMemory) {
    console.warn('[quiver] WARN durability is not implemented yet: data lives in memory only');
  }
  const server = await startServer({ ...parsed.options, logger: quietLogger });
  console.log(`Bolt ready on ${server.url}`);
  const stop = (): void => {
    void server.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  return -1;
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code >= 0) process.exitCode = code;
  },
  (error: unknown) => {
    console.error('[quiver] ERROR', error);
    process.exitCode = 1;
  },
);
