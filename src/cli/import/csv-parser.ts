/**
 * A streaming CSV reader in the neo4j-admin dialect: one-character delimiter, fields optionally enclosed in a
 * quote character, a doubled quote inside a quoted field stands for one quote, lines end in LF or CRLF, a
 * UTF-8 byte-order mark at the start is dropped and empty lines are skipped. A line break inside a quoted
 * field is data only with `multilineFields`; otherwise the line is reported as bad and reading resumes on
 * the next line (neo4j-admin's `--multiline-fields=false`, which lets it read files in parallel).
 *
 * Speed: most lines of a bulk import contain no quote at all, so a line without one is cut at each
 * delimiter found with `indexOf`, and its fields are handed over as positions in the chunk (a reused
 * `CsvRecord`: no string and no array per field or line); the character state machine runs only from a line
 * that holds a quote. The positions of the next quote and delimiter are remembered, so each is searched for
 * once per chunk, not once per line.
 */
import { DatabaseError, Status } from '../../errors/index.js';
import { CsvRecord, type CsvField } from './csv-record.js';

/** The characters of one CSV dialect (each exactly one UTF-16 unit, checked by the option parser). */
export interface CsvDialect {
  readonly delimiter: string;
  readonly quote: string;
  /** Whether a quoted field may contain line breaks. */
  readonly multilineFields: boolean;
}

/**
 * Receives the records in order; `line` is the 1-based physical line where the record starts. The record is
 * reused for the next line: read what is needed during the call.
 */
export interface CsvSink {
  row(record: CsvRecord, line: number): void;
  /** A record that cannot be read (an unterminated quote); reading continues after it. */
  bad(line: number, reason: string): void;
}

/** The longest record kept while waiting for its end (neo4j-admin caps it with its read buffer). */
export const MAX_RECORD_CHARS = 64 * 1024 * 1024;

const LF = 10;
const CR = 13;

// States of the quoted-field machine.
const FIELD_START = 0;
const UNQUOTED = 1;
const QUOTED = 2;
const AFTER_QUOTE = 3;

/** Splits text pushed in chunks (any boundaries) into records. */
export class CsvParser {
  private readonly delimiter: string;
  private readonly delimiterCode: number;
  private readonly quote: string;
  private readonly quoteCode: number;
  private readonly multiline: boolean;
  private readonly sink: CsvSink;
  private readonly maxRecordChars: number;
  private readonly record = new CsvRecord();
  private pending = '';
  private started = false;
  /** The 1-based number of the next physical line to be read. */
  private line = 1;

  constructor(dialect: CsvDialect, sink: CsvSink, maxRecordChars = MAX_RECORD_CHARS) {
    this.maxRecordChars = maxRecordChars;
    this.delimiter = dialect.delimiter;
    this.delimiterCode = dialect.delimiter.charCodeAt(0);
    this.quote = dialect.quote;
    this.quoteCode = dialect.quote.charCodeAt(0);
    this.multiline = dialect.multilineFields;
    this.sink = sink;
  }

  /** Reads every complete record of `chunk` (plus what an earlier chunk left over). */
  push(chunk: string): void {
    let text = chunk;
    let start = 0;
    if (!this.started && chunk.length > 0) {
      this.started = true;
      if (chunk.charCodeAt(0) === 0xfeff) start = 1;
    }
    if (this.pending !== '') {
      // The record left over is finished on its own, so that the bulk of the chunk is scanned in the
      // chunk itself: a concatenation would make every character read go through an indirection.
      const newline = chunk.indexOf('\n');
      if (newline === -1) {
        text = this.pending + chunk;
      } else {
        const rest = this.scan(this.pending + chunk.slice(0, newline + 1), 0, false);
        if (rest === '') start = newline + 1;
        else text = rest + chunk.slice(newline + 1); // a quoted record spanning lines goes on
      }
    }
    this.pending = this.scan(text, start, false);
    if (this.pending.length > this.maxRecordChars) {
      throw new DatabaseError(
        Status.ArgumentError,
        `The record starting at line ${this.line} is longer than ${this.maxRecordChars} characters ` +
          '(an unterminated quote?)',
      );
    }
  }

  /** Reads the last record (which needs no line break) and reports an unterminated quoted field. */
  end(): void {
    const rest = this.pending;
    this.pending = '';
    if (rest !== '') this.scan(rest, 0, true);
  }

  /** Consumes the records of `text` from `start`; returns the unconsumed tail (an incomplete record). */
  private scan(text: string, start: number, final: boolean): string {
    const length = text.length;
    const delimiter = this.delimiter;
    let position = start;
    // The next quote and the next delimiter at or after `position` (`length` when there is none), kept
    // between lines so that a file is searched for each only once.
    let nextQuote = -1;
    let nextDelimiter = -1;
    while (position < length) {
      let newline = text.indexOf('\n', position);
      if (newline === -1) {
        if (!final) return text.slice(position);
        newline = length;
      }
      if (nextQuote < position) {
        nextQuote = text.indexOf(this.quote, position);
        if (nextQuote === -1) nextQuote = length;
      }
      if (nextQuote < newline) {
        const next = this.scanQuoted(text, position, final);
        if (next === -1) return text.slice(position);
        position = next;
        continue;
      }
      const end = newline > position && text.charCodeAt(newline - 1) === CR ? newline - 1 : newline;
      if (end > position) {
        // A quote-free line: cut at each delimiter, the fields left in place in the chunk.
        const record = this.record;
        record.reset(text);
        let field = position;
        for (;;) {
          if (nextDelimiter < field) {
            nextDelimiter = text.indexOf(delimiter, field);
            if (nextDelimiter === -1) nextDelimiter = length;
          }
          const stop = nextDelimiter < end ? nextDelimiter : end;
          if (stop > field) record.add(field, stop);
          else record.add(-1, -1);
          if (stop === end) break;
          field = stop + 1;
        }
        this.sink.row(record, this.line);
      }
      this.line++;
      position = newline + 1;
    }
    return '';
  }

  /**
   * Runs the state machine over one record starting at `start` (which holds a quote somewhere). Returns the
   * position after the record, or -1 when the text ends inside a quoted field and more may come.
   */
  private scanQuoted(text: string, start: number, final: boolean): number {
    const length = text.length;
    const fields: CsvField[] = [];
    let state = FIELD_START;
    let value = '';
    let segment = start;
    let lines = 0;
    for (let index = start; ; index++) {
      let code: number;
      if (index < length) {
        code = text.charCodeAt(index);
      } else {
        // The text ends inside this record: wait for more, or treat the end of the file as a line break.
        if (!final) return -1;
        if (state === QUOTED) {
          return this.unterminated(index, lines, 'unterminated quoted field at the end of the file');
        }
        code = LF;
      }
      switch (state) {
        case FIELD_START:
          if (code === this.quoteCode) {
            state = QUOTED;
            value = '';
            segment = index + 1;
          } else if (code === this.delimiterCode) {
            fields.push(undefined);
          } else if (code === LF) {
            fields.push(undefined);
            return this.finish(fields, index, lines);
          } else {
            state = UNQUOTED;
            value = '';
            segment = index;
          }
          break;
        case UNQUOTED:
          if (code === this.delimiterCode) {
            fields.push(emptyAsAbsent(value + text.slice(segment, index)));
            state = FIELD_START;
          } else if (code === LF) {
            const end = index > segment && text.charCodeAt(index - 1) === CR ? index - 1 : index;
            fields.push(emptyAsAbsent(value + text.slice(segment, end)));
            return this.finish(fields, index, lines);
          }
          break;
        case QUOTED:
          if (code === this.quoteCode) {
            value += text.slice(segment, index);
            state = AFTER_QUOTE;
          } else if (code === LF) {
            if (!this.multiline) {
              return this.unterminated(
                index,
                lines,
                'line break inside a quoted field (unterminated quote, or use --multiline-fields)',
              );
            }
            lines++;
          }
          break;
        case AFTER_QUOTE:
          if (code === this.quoteCode) {
            // A doubled quote inside a quoted field: one literal quote; the quote itself starts the segment.
            segment = index;
            state = QUOTED;
          } else if (code === this.delimiterCode) {
            fields.push(value);
            state = FIELD_START;
          } else if (code === LF) {
            fields.push(value);
            return this.finish(fields, index, lines);
          } else if (!(code === CR && index + 1 < length && text.charCodeAt(index + 1) === LF)) {
            // Text after a closing quote is kept, as neo4j-admin does: `"a"b` reads as `ab`.
            segment = index;
            state = UNQUOTED;
          }
          break;
      }
    }
  }

  private finish(fields: CsvField[], newline: number, innerLines: number): number {
    this.record.assign(fields);
    this.sink.row(this.record, this.line);
    this.line += innerLines + 1;
    return newline + 1;
  }

  /** Reports the current record as bad and skips to after the line break at `index`. */
  private unterminated(index: number, innerLines: number, reason: string): number {
    this.sink.bad(this.line, reason);
    this.line += innerLines + 1;
    return index + 1;
  }
}

function emptyAsAbsent(text: string): CsvField {
  return text === '' ? undefined : text;
}
