import type { StatementResult, StatementSummary } from '../statement-result.js';
import { QueryRecord } from './query-record.js';

/** The records are produced in batches of this size when iterating. */
const BATCH = 256;

/**
 * A lazy query result of the embedded API: iterate it (`for await`) to pull records on demand, or ask for
 * `summary()` (which consumes the rest). The statement starts when the result is first used; errors
 * (compile time or run time) reject the first use.
 */
export class Result implements AsyncIterable<QueryRecord> {
  private readonly start: () => StatementResult;
  private readonly finished: (error: unknown) => Promise<void>;
  private statement: StatementResult | undefined;
  /** The first error of this result (thrown values that are not Errors are wrapped). */
  private failure: Error | undefined;
  private settled: Promise<void> | undefined;
  private consumed = false;

  /**
   * @param start compiles and starts the statement
   * @param finished called once when the statement ended (error undefined) or failed; an auto-commit
   *   session commits or rolls back there, and a commit failure is reported as the result's failure
   */
  constructor(start: () => StatementResult, finished: (error: unknown) => Promise<void>) {
    this.start = start;
    this.finished = finished;
  }

  /** Column names. */
  keys(): Promise<readonly string[]> {
    return Promise.resolve().then(() => this.open().fields);
  }

  /** Pulls up to `n` records; `hasMore` false once the result is exhausted. */
  async pull(n: number): Promise<{ records: QueryRecord[]; hasMore: boolean }> {
    const statement = this.open();
    const records: QueryRecord[] = [];
    const fields = statement.fields;
    let hasMore: boolean;
    try {
      hasMore = await statement.pull(n, (values) => records.push(new QueryRecord(fields, values)));
    } catch (error) {
      await this.settle(error);
      throw error;
    }
    if (!hasMore) await this.settle(undefined);
    return { records, hasMore };
  }

  async *[Symbol.asyncIterator](): AsyncIterator<QueryRecord> {
    for (;;) {
      const { records, hasMore } = await this.pull(BATCH);
      yield* records;
      if (!hasMore) return;
    }
  }

  /** Every remaining record. */
  async records(): Promise<QueryRecord[]> {
    const all: QueryRecord[] = [];
    for await (const record of this) all.push(record);
    return all;
  }

  /** Runs the statement to its end (discarding remaining records) and returns its summary. */
  async summary(): Promise<StatementSummary> {
    const statement = this.open();
    if (!this.consumed) {
      try {
        while (await statement.discard(Infinity));
      } catch (error) {
        await this.settle(error);
        throw error;
      }
      await this.settle(undefined);
    }
    await this.settled;
    if (this.failure !== undefined) throw this.failure;
    return statement.summary();
  }

  private open(): StatementResult {
    if (this.failure !== undefined) throw this.failure;
    if (this.statement === undefined) {
      try {
        this.statement = this.start();
      } catch (error) {
        this.failure = asError(error);
        this.consumed = true;
        this.settled = this.finished(error).catch(() => undefined);
        throw error;
      }
    }
    return this.statement;
  }

  private async settle(error: unknown): Promise<void> {
    if (this.consumed) return this.settled;
    this.consumed = true;
    this.settled = this.finished(error).catch((commitError: unknown) => {
      this.failure ??= asError(commitError);
    });
    await this.settled;
    if (error === undefined && this.failure !== undefined) throw this.failure;
  }
}

function asError(value: unknown): Error {
  return value instanceof Error ? value : new Error(String(value));
}
