import { closeSync, openSync, writeSync } from 'node:fs';
import type { ReportSink } from './bad-rows.js';

const FLUSH_CHARS = 64 * 1024;

/**
 * The bad-row report file (`--report-file`): created empty when the import starts, so an old report never
 * passes for this run's, and written in buffered appends.
 */
export class ReportFile implements ReportSink {
  readonly path: string;
  private readonly fd: number;
  private buffer = '';
  private closed = false;

  constructor(path: string) {
    this.path = path;
    this.fd = openSync(path, 'w');
  }

  write(line: string): void {
    this.buffer += `${line}\n`;
    if (this.buffer.length >= FLUSH_CHARS) this.flush();
  }

  flush(): void {
    if (this.buffer === '' || this.closed) return;
    writeSync(this.fd, this.buffer);
    this.buffer = '';
  }

  close(): void {
    if (this.closed) return;
    this.flush();
    this.closed = true;
    closeSync(this.fd);
  }
}
