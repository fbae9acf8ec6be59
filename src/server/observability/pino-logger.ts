import { writeSync } from 'node:fs';
import { pino, type DestinationStream, type Logger } from 'pino';
import type { LogLevel, ServerLogger } from '../logging.js';
import { formatPrettyLine } from './pretty-format.js';

/** Where a pino logger writes: an open file descriptor (stderr, stdout, a log file) or any line sink. */
export type LogSink = { readonly fd: number } | { readonly stream: DestinationStream };

/** Options of {@link createPinoLogger}. */
export interface PinoLoggerOptions {
  readonly level: LogLevel;
  readonly sink: LogSink;
  /** `pretty`: the human one-line format ({@link formatPrettyLine}); `json`: pino's JSON lines. */
  readonly format: 'json' | 'pretty';
  /** ANSI colours in the pretty format (a terminal). */
  readonly colours?: boolean;
}

/** A {@link ServerLogger} that can be flushed and closed (a log file is written asynchronously). */
export interface ClosableServerLogger extends ServerLogger {
  /** Writes out what is buffered. */
  flush(): Promise<void>;
  /** Flushes and closes the file (never stdout or stderr). */
  close(): Promise<void>;
}

/**
 * The pino-backed server logger: one JSON line per message (`level` as a name, ISO `time`, `pid`,
 * `hostname`, `msg`, `err` with its stack), and the query log's records through a child logger that
 * writes at `info` whatever the main level. This module imports pino; load it only when a log line is due.
 */
export function createPinoLogger(options: PinoLoggerOptions): ClosableServerLogger {
  const { destination, flush, close } = openDestination(options);
  const logger: Logger = pino(
    {
      level: options.level,
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
    },
    destination,
  );
  // The query log has its own on/off setting, so its records pass even when the main level is `warn`.
  const records = logger.child({}, { level: 'info' });
  return {
    info: (message) => {
      logger.info(message);
    },
    warn: (message) => {
      logger.warn(message);
    },
    error: (message, error) => {
      if (error === undefined) logger.error(message);
      else logger.error({ err: error }, message);
    },
    record: (fields, message) => {
      records.info(fields, message);
    },
    flush,
    close,
  };
}

interface OpenDestination {
  readonly destination: DestinationStream;
  readonly flush: () => Promise<void>;
  readonly close: () => Promise<void>;
}

function openDestination(options: PinoLoggerOptions): OpenDestination {
  const { sink } = options;
  const done = (): Promise<void> => Promise.resolve();
  if ('stream' in sink) {
    const target = sink.stream;
    const destination =
      options.format === 'pretty'
        ? {
            write: (line: string) => {
              target.write(formatPrettyLine(line, options.colours ?? false));
            },
          }
        : target;
    return { destination, flush: done, close: done };
  }
  const { fd } = sink;
  if (options.format === 'pretty') {
    const destination = {
      write: (line: string) => {
        writeSync(fd, formatPrettyLine(line, options.colours ?? false));
      },
    };
    return { destination, flush: done, close: done };
  }
  // stdout and stderr are written synchronously (nothing is lost when the process exits or crashes);
  // a log file asynchronously, flushed at shutdown.
  const standard = fd === 1 || fd === 2;
  const boom = pino.destination({ dest: fd, sync: standard });
  const flush = (): Promise<void> =>
    new Promise((resolve) => {
      if (standard) {
        resolve();
        return;
      }
      boom.flush(() => {
        resolve();
      });
    });
  return {
    destination: boom,
    flush,
    close: async () => {
      if (standard) return;
      // `flush` does not wait for a write in progress (sonic-boom calls back at once when minLength is 0),
      // so closing waits for the stream's own 'close', emitted once every pending write reached the file.
      await new Promise<void>((resolve) => {
        boom.once('close', () => {
          resolve();
        });
        boom.end();
      });
    },
  };
}
