import { openSync } from 'node:fs';
import type { DestinationStream } from 'pino';
import { consoleLogger, isLevelEnabled, type LogLevel, type ServerLogger } from '../logging.js';
import type { ClosableServerLogger, LogSink, PinoLoggerOptions } from './pino-logger.js';

/** Settings of the server's log. */
export interface LogOptions {
  /** Default `warn`: a healthy start writes nothing but the ready line. */
  readonly level?: LogLevel;
  /**
   * `json`: pino's JSON lines; `pretty`: one human line per message; `auto` (default): pretty when the log
   * goes to a terminal, JSON otherwise (a file, a pipe, a log collector).
   */
  readonly format?: 'auto' | 'json' | 'pretty';
  /** Append to this file instead of stderr. */
  readonly file?: string;
  /** Write to this sink instead (tests, embedding applications). */
  readonly stream?: DestinationStream;
}

/**
 * Creates the server's logger: stderr by default, so stdout keeps only the `Bolt ready` line. pino is
 * imported on the first message that passes the level (start-up time: a quiet server never loads it);
 * messages logged meanwhile are queued and written in order.
 * @throws the file system's error when `file` cannot be opened for appending
 */
export function createServerLog(options: LogOptions = {}): ClosableServerLogger {
  const level = options.level ?? 'warn';
  const sink: LogSink =
    options.stream !== undefined
      ? { stream: options.stream }
      : { fd: options.file === undefined ? 2 : openSync(options.file, 'a') };
  const terminal = options.stream === undefined && options.file === undefined && process.stderr.isTTY;
  const format =
    options.format === 'auto' || options.format === undefined
      ? terminal
        ? 'pretty'
        : 'json'
      : options.format;
  return new LazyPinoLogger(level, {
    level,
    sink,
    format,
    colours: format === 'pretty' && terminal && process.env['NO_COLOR'] === undefined,
  });
}

class LazyPinoLogger implements ClosableServerLogger {
  private readonly level: LogLevel;
  private readonly options: PinoLoggerOptions;
  private loaded: ClosableServerLogger | undefined;
  private loading: Promise<void> | undefined;
  private pending: ((logger: ServerLogger) => void)[] = [];

  constructor(level: LogLevel, options: PinoLoggerOptions) {
    this.level = level;
    this.options = options;
  }

  info(message: string): void {
    if (isLevelEnabled('info', this.level))
      this.dispatch((logger) => {
        logger.info(message);
      });
  }

  warn(message: string): void {
    if (isLevelEnabled('warn', this.level))
      this.dispatch((logger) => {
        logger.warn(message);
      });
  }

  error(message: string, error?: unknown): void {
    if (isLevelEnabled('error', this.level))
      this.dispatch((logger) => {
        logger.error(message, error);
      });
  }

  record(fields: Readonly<Record<string, unknown>>, message: string): void {
    this.dispatch((logger) => {
      if (logger.record === undefined) logger.info(`${message} ${JSON.stringify(fields)}`);
      else logger.record(fields, message);
    });
  }

  async flush(): Promise<void> {
    await this.loading;
    await this.loaded?.flush();
  }

  async close(): Promise<void> {
    await this.loading;
    await this.loaded?.close();
  }

  private dispatch(write: (logger: ServerLogger) => void): void {
    if (this.loaded !== undefined) {
      write(this.loaded);
      return;
    }
    this.pending.push(write);
    this.loading ??= import('./pino-logger.js').then(
      (module) => {
        this.drain(module.createPinoLogger(this.options));
      },
      (error: unknown) => {
        consoleLogger.error('Cannot load the logger (pino); logging to the console', error);
        this.drain({ ...consoleLogger, flush: () => Promise.resolve(), close: () => Promise.resolve() });
      },
    );
  }

  private drain(logger: ClosableServerLogger): void {
    this.loaded = logger;
    const pending = this.pending;
    this.pending = [];
    for (const write of pending) write(logger);
  }
}
