import { invariant } from '../../errors/index.js';

/** Rows per batch statement: large enough that compiling a statement costs little per row. */
export const BATCH_ROWS = 1000;
/** A batch is also cut at about this many characters, so that large property values keep statements small. */
export const BATCH_CHARACTERS = 256 * 1024;
/**
 * Batches open at once (one per label set or relationship type seen recently); when another one is needed
 * the oldest is written out. Bounds the dump's memory at this many batches whatever the data looks like.
 */
export const OPEN_BATCHES = 16;

interface Batch {
  readonly target: string;
  readonly hasProperties: boolean;
  readonly rows: string[];
  characters: number;
}

/** Builds the statement of a batch from its target (labels or type), rows and property flag. */
export type BatchStatement = (target: string, rows: readonly string[], hasProperties: boolean) => string;

/**
 * Collects entity rows into batches by target and hands back each batch's statement when it is full, when
 * it is the oldest of too many open batches, or at the end ({@link drain}).
 */
export class BatchBuffer {
  private readonly open = new Map<string, Batch>();
  private readonly statement: BatchStatement;

  constructor(statement: BatchStatement) {
    this.statement = statement;
  }

  /** Adds a row; returns the statements of batches that were completed or evicted meanwhile (often none). */
  add(target: string, hasProperties: boolean, row: string): string[] {
    const key = `${hasProperties ? '+' : '-'}${target}`;
    const completed: string[] = [];
    let batch = this.open.get(key);
    if (batch === undefined) {
      if (this.open.size >= OPEN_BATCHES) {
        const [oldest] = this.open.keys();
        if (oldest !== undefined) completed.push(this.close(oldest));
      }
      batch = { target, hasProperties, rows: [], characters: 0 };
      this.open.set(key, batch);
    }
    batch.rows.push(row);
    batch.characters += row.length;
    if (batch.rows.length >= BATCH_ROWS || batch.characters >= BATCH_CHARACTERS) {
      completed.push(this.close(key));
    }
    return completed;
  }

  /** The statements of every open batch, oldest first; the buffer is empty afterwards. */
  drain(): string[] {
    return [...this.open.keys()].map((key) => this.close(key));
  }

  private close(key: string): string {
    const batch = this.open.get(key);
    invariant(batch !== undefined, 'a batch is closed while it is open');
    this.open.delete(key);
    return this.statement(batch.target, batch.rows, batch.hasProperties);
  }
}
