import { formatValue } from '../format-value.js';
import { cutToWidth, displayWidth } from './display-width.js';
import type { ResultRenderer, TextWriter } from './renderer.js';

/** How many records size the columns before the table starts printing (cypher-shell samples 1000). */
export const DEFAULT_SAMPLE_ROWS = 1000;

/**
 * cypher-shell's table: a dashed rule, the header, a rule, one line per record, a rule and an empty line.
 * Column widths come from the header and the first `sampleRows` records; a later value that does not fit
 * is cut and ends with `…`. The rules have no inner `+`, exactly as cypher-shell draws them:
 *
 * ```
 * +-----------------+
 * | name      | age |
 * +-----------------+
 * | "Alice"   | 33  |
 * +-----------------+
 * ```
 */
export class TableRenderer implements ResultRenderer {
  private readonly write: TextWriter;
  private readonly sampleRows: number;
  private fields: readonly string[] = [];
  private sample: string[][] | null = [];
  private widths: number[] = [];
  private rows = 0;

  constructor(write: TextWriter, sampleRows = DEFAULT_SAMPLE_ROWS) {
    this.write = write;
    this.sampleRows = sampleRows;
  }

  begin(fields: readonly string[]): void {
    this.fields = fields;
  }

  record(values: readonly unknown[]): void {
    this.rows++;
    if (this.fields.length === 0) return;
    const cells = values.map(formatValue);
    if (this.sample === null) {
      this.write(this.line(cells));
      return;
    }
    this.sample.push(cells);
    if (this.sample.length >= this.sampleRows) this.flushSample();
  }

  end(): number {
    if (this.fields.length === 0) return this.rows;
    if (this.sample !== null) this.flushSample();
    this.write(`${this.rule()}\n\n`);
    return this.rows;
  }

  private flushSample(): void {
    const sample = this.sample ?? [];
    this.widths = this.fields.map((field, column) =>
      Math.max(displayWidth(field), ...sample.map((cells) => displayWidth(cells[column] ?? ''))),
    );
    this.write(`${this.rule()}\n${this.line(this.fields)}${this.rule()}\n`);
    for (const cells of sample) this.write(this.line(cells));
    this.sample = null;
  }

  private rule(): string {
    const inner = this.widths.reduce((sum, width) => sum + width + 3, 1) - 2;
    return `+${'-'.repeat(inner)}+`;
  }

  private line(cells: readonly string[]): string {
    const parts = this.widths.map((width, column) => ` ${fit(cells[column] ?? '', width)} `);
    return `|${parts.join('|')}|\n`;
  }
}

function fit(text: string, width: number): string {
  const length = displayWidth(text);
  if (length <= width) return text + ' '.repeat(width - length);
  const cut = `${cutToWidth(text, width - 1)}…`;
  return cut + ' '.repeat(width - displayWidth(cut));
}
