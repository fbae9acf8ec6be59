/**
 * The server's log sink. Messages name connections by id and never contain credentials, auth tokens, query
 * parameters or request bytes (the one exception: the query log in `verbose` mode, which the operator asks
 * for explicitly, writes parameters).
 */
export interface ServerLogger {
  info(message: string): void;
  warn(message: string): void;
  /** `error` is the original error (with its stack) of something clients only saw as UnknownError. */
  error(message: string, error?: unknown): void;
  /**
   * Writes one structured record of a separate channel (the query log), whatever the logger's level: the
   * query log is switched on by its own setting. Loggers without it get the record as text through `info`.
   */
  record?(fields: Readonly<Record<string, unknown>>, message: string): void;
}

/** Severity thresholds, pino's names: a logger writes messages at its level and above. */
export type LogLevel = 'trace' | 'debug' | 'info' | 'warn' | 'error' | 'fatal' | 'silent';

/** Every level, least severe first. */
export const LOG_LEVELS: readonly LogLevel[] = ['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent'];

/** Whether a logger at `threshold` writes messages of `level`. */
export function isLevelEnabled(level: LogLevel, threshold: LogLevel): boolean {
  return LOG_LEVELS.indexOf(level) >= LOG_LEVELS.indexOf(threshold) && level !== 'silent';
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
