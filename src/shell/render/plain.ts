import { formatValue } from '../format-value.js';
import type { ResultRenderer, TextWriter } from './renderer.js';

/**
 * cypher-shell's `plain` format: the column names joined by `, `, then one line per record with the values
 * formatted as in tables and joined the same way. Nothing at all for a result without records, as in
 * cypher-shell (the header is printed with the first record).
 */
export class PlainRenderer implements ResultRenderer {
  private readonly write: TextWriter;
  private fields: readonly string[] = [];
  private rows = 0;

  constructor(write: TextWriter) {
    this.write = write;
  }

  begin(fields: readonly string[]): void {
    this.fields = fields;
  }

  record(values: readonly unknown[]): void {
    if (this.rows === 0 && this.fields.length > 0) this.write(`${this.fields.join(', ')}\n`);
    this.rows++;
    if (this.fields.length > 0) this.write(`${values.map(formatValue).join(', ')}\n`);
  }

  end(): number {
    return this.rows;
  }
}
