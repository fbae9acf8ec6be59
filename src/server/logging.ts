/**
 * The server's log sink. Messages name connections by id and never contain credentials, auth tokens, query
 * parameters or request bytes.
 */
export interface ServerLogger {
  info(message: string): void;
  warn(message: string): void;
  /** `error` is the original error (with its stack) of something clients only saw as UnknownError. */
  error(message: string, error?: unknown): void;
}

/** Writes warnings and errors to stderr, information to stdout. */
export const consoleLogger: ServerLogger = Object.freeze({
  info: (message: string) => {
    console.log(`[quiver] ${message}`);
  },
  warn: (message: string) => {
    console.warn(`[quiver] WARN ${message}`);
  },
  error: (message: string, error?: unknown) => {
    console.error(`[quiver] ERROR ${message}`, ...(error === undefined ? [] : [error]));
  },
});

/** Drops everything (tests that check behaviour, not logs). */
export const silentLogger: ServerLogger = Object.freeze({
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
});
