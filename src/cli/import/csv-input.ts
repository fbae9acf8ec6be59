/**
 * Reads one input group of `--nodes` or `--relationships`: its files in order, streamed in large chunks;
 * the first line of the first file is the group's header (that file may hold nothing else, as
 * neo4j-admin's header files do) and every other line of every file is data.
 */
import { createReadStream } from 'node:fs';
import { DatabaseError, Status } from '../../errors/index.js';
import { CsvParser, type CsvDialect } from './csv-parser.js';
import type { CsvField, CsvRecord } from './csv-record.js';

/** Bytes read per chunk: large reads keep the per-chunk overhead negligible. */
const CHUNK_BYTES = 1 << 20;

/** Receives the header, the data rows (a reused record: see `CsvSink`) and unreadable records of a group. */
export interface InputHandler {
  header(fields: CsvField[], source: string): void;
  row(record: CsvRecord, source: string, line: number): void;
  bad(source: string, line: number, reason: string): void;
}

/** Told how far reading got (bytes of the files, data rows). */
export type ReadProgress = (bytes: number, rows: number) => void;

/**
 * Reads `files` as one group.
 * @throws DatabaseError (ArgumentError) when a file cannot be read or the group has no header line;
 * whatever the handler throws (a stopped import) ends the read.
 */
export async function readInputGroup(
  files: readonly string[],
  dialect: CsvDialect,
  handler: InputHandler,
  progress: ReadProgress = () => undefined,
): Promise<void> {
  // An object, not a `let`: the parser's callbacks set it, which flow analysis does not follow.
  const seen = { header: false };
  for (const file of files) {
    let rows = 0;
    const parser = new CsvParser(dialect, {
      row(record, line) {
        if (seen.header) {
          rows++;
          handler.row(record, file, line);
        } else {
          seen.header = true;
          handler.header(record.fields(), file);
        }
      },
      bad(line, reason) {
        if (!seen.header) throw unreadable(file, `its header line is not valid CSV: ${reason}`);
        handler.bad(file, line, reason);
      },
    });
    const stream = createReadStream(file, { encoding: 'utf8', highWaterMark: CHUNK_BYTES });
    let bytes = 0;
    try {
      for await (const chunk of stream as AsyncIterable<string>) {
        parser.push(chunk);
        progress(stream.bytesRead - bytes, rows);
        bytes = stream.bytesRead;
        rows = 0;
      }
      parser.end();
      progress(0, rows);
    } catch (error) {
      stream.destroy();
      if (error instanceof DatabaseError) throw error;
      throw unreadable(file, error instanceof Error ? error.message : String(error), error);
    }
  }
  if (!seen.header) throw unreadable(files[0] ?? '(no file)', 'there is no header line');
}

function unreadable(file: string, reason: string, cause?: unknown): DatabaseError {
  return new DatabaseError(Status.ArgumentError, `Cannot read ${file}: ${reason}`, { cause });
}
