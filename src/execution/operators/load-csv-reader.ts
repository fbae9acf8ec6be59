import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { DatabaseError, Status } from '../../errors/index.js';
import { parseCsvRecord } from './load-csv-parser.js';

/** Bytes read from the file per `readSync`: a LIMIT over a huge file reads only what it needs. */
export const DEFAULT_CSV_CHUNK_BYTES = 64 * 1024;

/**
 * Reads CSV records from a file lazily: the file is opened at construction and read in chunks with
 * `fs.readSync` only when the next record needs more text (the engine's executor is synchronous). The
 * bytes are decoded as UTF-8 in streaming mode, so a character split between two chunks decodes whole,
 * and a byte order mark at the start is dropped (`TextDecoder` does that unless told `ignoreBOM`). The file
 * is closed when the last record was returned or on `close()`.
 * @throws DatabaseError `Neo.ClientError.Statement.ExternalResourceFailed` when the file cannot be
 *   opened or read, or a record is malformed.
 */
export class CsvFileReader {
  /** The absolute path read, as `file()` reports it. */
  readonly path: string;
  private readonly delimiter: number;
  private readonly chunk: Buffer;
  private readonly decoder = new TextDecoder('utf-8');
  private fd: number | undefined;
  private text = '';
  private position = 0;
  private atEnd = false;
  private records = 0;
  private bytes = 0;

  constructor(path: string, delimiter: string, chunkBytes = DEFAULT_CSV_CHUNK_BYTES) {
    this.path = path;
    this.delimiter = delimiter.charCodeAt(0);
    this.chunk = Buffer.allocUnsafe(chunkBytes);
    this.fd = openFile(path);
  }

  /** The number of the record returned last (1 for the first; blank lines do not count), as `linenumber()`. */
  get recordNumber(): number {
    return this.records;
  }

  /** Bytes read from the file so far. */
  get bytesRead(): number {
    return this.bytes;
  }

  /** Whether the file descriptor is released (after the last chunk was read, or after `close()`). */
  get isClosed(): boolean {
    return this.fd === undefined;
  }

  /** The next record's fields (empty fields are null), or null at the end of the file. */
  next(): (string | null)[] | null {
    for (;;) {
      if (this.fd === undefined && !this.atEnd) return null;
      const step = parseCsvRecord(this.text, this.position, this.delimiter, this.atEnd);
      switch (step.kind) {
        case 'record':
          this.position = step.next;
          this.records++;
          return step.fields;
        case 'blank':
          this.position = step.next;
          continue;
        case 'more':
          this.readChunk();
          continue;
        case 'end':
          this.close();
          return null;
        case 'malformed': {
          const record = this.records + 1;
          this.close();
          throw new DatabaseError(
            Status.ExternalResourceFailed,
            `At ${this.path} @ record ${String(record)}: ${step.reason}`,
          );
        }
      }
    }
  }

  /** Closes the file (idempotent); `next()` then returns null. */
  close(): void {
    this.atEnd = false;
    this.text = '';
    this.position = 0;
    this.closeFile();
  }

  private closeFile(): void {
    const fd = this.fd;
    this.fd = undefined;
    if (fd !== undefined) closeSync(fd);
  }

  /** Appends the next chunk to the unparsed text; at the end of the file, marks the text complete. */
  private readChunk(): void {
    const fd = this.fd;
    if (fd === undefined) return;
    let count: number;
    try {
      count = readSync(fd, this.chunk, 0, this.chunk.length, null);
    } catch (error) {
      this.close();
      throw cannotLoad(this.path, error);
    }
    this.bytes += count;
    // Parsed text is dropped so the buffer holds at most one chunk plus the record being read.
    const rest = this.text.slice(this.position);
    if (count === 0) {
      // The whole file is read: the descriptor is released now, the text left is parsed from memory.
      this.text = rest + this.decoder.decode();
      this.atEnd = true;
      this.closeFile();
    } else {
      this.text = rest + this.decoder.decode(this.chunk.subarray(0, count), { stream: true });
    }
    this.position = 0;
  }
}

function openFile(path: string): number {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (error) {
    throw cannotLoad(path, error);
  }
  // A directory opens fine on Linux and fails only when read: refuse it here, with the same error.
  if (!fstatSync(fd).isFile()) {
    closeSync(fd);
    throw cannotLoad(path, undefined);
  }
  return fd;
}

/** Neo4j's wording for a file that is missing or cannot be read (LoadExternalResourceException). */
function cannotLoad(path: string, cause: unknown): DatabaseError {
  return new DatabaseError(
    Status.ExternalResourceFailed,
    `Couldn't load the external resource at: file:${path}`,
    { cause },
  );
}
