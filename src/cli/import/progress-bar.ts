import type { ImportProgress } from './import-graph.js';

/** The part of a TTY stream the bar writes to (process.stderr). */
export interface ProgressStream {
  write(text: string): boolean;
  readonly columns?: number;
}

const WIDTH = 30;
const REDRAW_MS = 200;

/**
 * The progress bar `quiver import` draws on a terminal's stderr: one line per stage (Nodes,
 * Relationships, Snapshot), redrawn at most every 200 ms with the share of bytes read, rows and rows/s.
 */
export class ProgressBar implements ImportProgress {
  private readonly stream: ProgressStream;
  private readonly now: () => number;
  private name = '';
  private totalBytes = 0;
  private bytes = 0;
  private rows = 0;
  private started = 0;
  private drawnAt = Number.NEGATIVE_INFINITY;
  private open = false;

  constructor(stream: ProgressStream, now: () => number = () => performance.now()) {
    this.stream = stream;
    this.now = now;
  }

  stage(name: string, totalBytes: number): void {
    this.finishLine();
    this.name = name;
    this.totalBytes = totalBytes;
    this.bytes = 0;
    this.rows = 0;
    this.started = this.now();
    this.drawnAt = Number.NEGATIVE_INFINITY;
    this.draw();
  }

  advance(bytes: number, rows: number): void {
    this.bytes += bytes;
    this.rows += rows;
    if (this.now() - this.drawnAt >= REDRAW_MS) this.draw();
  }

  /** Ends the current line (call before printing anything else). */
  done(): void {
    this.finishLine();
  }

  private finishLine(): void {
    if (!this.open) return;
    this.draw();
    this.stream.write('\n');
    this.open = false;
  }

  private draw(): void {
    const now = this.now();
    this.drawnAt = now;
    this.open = true;
    const seconds = Math.max((now - this.started) / 1000, 1e-3);
    const share = this.totalBytes > 0 ? Math.min(1, this.bytes / this.totalBytes) : 0;
    const filled = Math.round(share * WIDTH);
    const bar =
      this.totalBytes > 0
        ? `[${'#'.repeat(filled)}${'-'.repeat(WIDTH - filled)}] ${(share * 100).toFixed(0).padStart(3)}% `
        : '';
    const rate = this.rows > 0 ? `, ${formatCount(this.rows / seconds)} rows/s` : '';
    const rows = this.rows > 0 ? `${formatCount(this.rows)} rows${rate}` : '';
    this.stream.write(`\r${this.name.padEnd(14)}${bar}${rows}\u001b[K`);
  }
}

/** `950`, `12.3k`, `1.45M`. */
export function formatCount(value: number): string {
  if (value >= 1e6) return `${(value / 1e6).toFixed(2)}M`;
  if (value >= 1e4) return `${(value / 1e3).toFixed(1)}k`;
  return value.toFixed(0);
}
