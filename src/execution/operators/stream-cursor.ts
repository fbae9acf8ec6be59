import type { Row, RowCursor } from '../runtime/row.js';

/**
 * The shape of most operators: for each input row, `begin` prepares, then `produce` returns output rows
 * for it until it returns null, then the next input row is pulled.
 */
export abstract class StreamCursor implements RowCursor {
  protected readonly input: RowCursor;
  private current: Row | null = null;

  constructor(input: RowCursor) {
    this.input = input;
  }

  next(): Row | null {
    for (;;) {
      const current = this.current;
      if (current !== null) {
        const out = this.produce(current);
        if (out !== null) return out;
      }
      const row = this.input.next();
      this.current = row;
      if (row === null) return null;
      this.begin(row);
    }
  }

  close(): void {
    this.current = null;
    this.input.close();
  }

  protected abstract begin(row: Row): void;
  protected abstract produce(row: Row): Row | null;
}
