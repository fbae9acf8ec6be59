import { formatValue } from '../format-value.js';
import type { ResultRenderer, TextWriter } from './renderer.js';

/**
 * RFC 4180 CSV: a header record with the column names, then one record per result record, each ended by
 * CRLF. A field is quoted (with inner quotes doubled) when it holds a comma, a quote, CR or LF, or starts
 * or ends with a space. Strings are written as their text, NULL as an empty field, every other value as
 * the shell shows it in tables (`[1, 2]`, `(:Person {name: "A"})`). A result without columns prints nothing.
 */
export class CsvRenderer implements ResultRenderer {
  private readonly write: TextWriter;
  private fields: readonly string[] = [];
  private rows = 0;

  constructor(write: TextWriter) {
    this.write = write;
  }

  begin(fields: readonly string[]): void {
    this.fields = fields;
    if (fields.length > 0) this.write(csvLine(fields));
  }

  record(values: readonly unknown[]): void {
    this.rows++;
    if (this.fields.length === 0) return;
    this.write(csvLine(values.map(csvText)));
  }

  end(): number {
    return this.rows;
  }
}

function csvText(value: unknown): string {
  if (value === null || value === undefined) return '';
  return typeof value === 'string' ? value : formatValue(value);
}

const NEEDS_QUOTES = /[",\r\n]|^ | $/;

/** One CSV record: fields quoted where RFC 4180 needs it, joined by commas, ended by CRLF. */
export function csvLine(fields: readonly string[]): string {
  const cells = fields.map((field) =>
    NEEDS_QUOTES.test(field) ? `"${field.replaceAll('"', '""')}"` : field,
  );
  return `${cells.join(',')}\r\n`;
}
