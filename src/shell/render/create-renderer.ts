import { CsvRenderer } from './csv.js';
import { JsonRenderer } from './json.js';
import { PlainRenderer } from './plain.js';
import type { OutputFormat, ResultRenderer, TextWriter } from './renderer.js';
import { TableRenderer } from './table.js';

/** A fresh renderer for one result in the given format (`verbose` draws tables). */
export function createRenderer(format: OutputFormat, write: TextWriter): ResultRenderer {
  switch (format) {
    case 'verbose':
      return new TableRenderer(write);
    case 'plain':
      return new PlainRenderer(write);
    case 'json':
      return new JsonRenderer(write);
    case 'csv':
      return new CsvRenderer(write);
  }
}
