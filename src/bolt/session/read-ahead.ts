import { invariant } from '../../errors/index.js';
import type { Packer } from '../../packstream/index.js';
import type { MaybePromise, RecordSink } from '../backend.js';
import { writeRecord } from '../messages/record.js';
import type { QueryStatement } from './statement.js';

/** At most this many records are read ahead (the machine's pull batch size caps it further). */
const MAX_RECORDS = 1000;
/** Reading ahead stops once this many bytes are buffered (large records). */
export const READ_AHEAD_MAX_BYTES = 1024 * 1024;
/** Most records per backend pull while reading ahead (steps are sized to stay under the byte limit). */
const MAX_STEP = 250;

/** A buffer of framed messages that is not (yet) output; the transport's `MessageWriter` is one. */
export interface DetachedWriter {
  readonly packer: Packer;
  /** Bytes framed so far. */
  readonly pendingBytes: number;
  beginMessage(): void;
  endMessage(): void;
  discardMessage(): void;
}

/** How the buffered records end: more may follow, the result is exhausted, or the next pull failed. */
type BufferEnd =
  { readonly kind: 'more' } | { readonly kind: 'done' } | { readonly kind: 'error'; readonly error: unknown };

const MORE: BufferEnd = { kind: 'more' };
const DONE: BufferEnd = { kind: 'done' };

/** What {@link ReadAhead.take} leaves to the caller. */
export type TakeOutcome =
  /** The request is answered: whether records remain after it. */
  | { readonly kind: 'answered'; readonly hasMore: boolean }
  /** The buffer ran dry: pull (or discard) `remaining` more from the result (-1: all). */
  | { readonly kind: 'continue'; readonly remaining: number };

/**
 * Read-ahead (ADR 0016): while the client decodes one batch of an auto-commit result, the server encodes
 * the next one, so the PULL that asks for it is answered at once with bytes that are ready. The records
 * are framed into a writer apart from the output; they become output only when a PULL asks for them, in
 * order, and a DISCARD, RESET or failure drops them. Nothing of it shows on the wire:
 * - only the result of an auto-commit RUN is read ahead: no other query can run in its transaction
 *   before it is consumed, so pulling its records early cannot change what they are;
 * - the result ending is remembered, not acted on: the transaction commits when a PULL reaches the end;
 * - an error met while reading ahead is kept and raised when a PULL or DISCARD reaches it, after the
 *   records before it, exactly where it would have been raised without read-ahead;
 * - at most one batch (the last PULL's `n`, up to 1,000 records and about 1 MiB) is held.
 */
export class ReadAhead {
  private readonly writer: DetachedWriter;
  private readonly batchLimit: number;
  /** The statement whose next records were asked for (`expect`) or are buffered. */
  private statement: QueryStatement | null = null;
  /** Records to read ahead on the next {@link fill}; 0 when no fill is due. */
  private wanted = 0;
  /** End offset (in the writer) of each buffered record. */
  private ends: number[] = [];
  /** Index in {@link ends} of the first record not yet taken. */
  private first = 0;
  private end: BufferEnd = MORE;
  private readonly sink: RecordSink;

  constructor(writer: DetachedWriter, pullBatchSize: number) {
    this.writer = writer;
    this.batchLimit = Math.min(MAX_RECORDS, pullBatchSize);
    this.sink = (values) => {
      writer.beginMessage();
      try {
        writeRecord(writer.packer, values);
      } catch (error) {
        writer.discardMessage();
        throw error;
      }
      writer.endMessage();
      this.ends.push(writer.pendingBytes);
    };
  }

  /** Whether a fill is due: a PULL left records in an auto-commit result and nothing is buffered yet. */
  get isDue(): boolean {
    return this.wanted > 0;
  }

  /** Records buffered and not yet taken. */
  get buffered(): number {
    return this.ends.length - this.first;
  }

  /** A PULL of `n` records left `statement` with more: read as many ahead on the next fill. */
  expect(statement: QueryStatement, n: number): void {
    invariant(this.buffered === 0 || this.statement === statement, 'read-ahead of two results');
    if (!statement.commitsOnEnd || n <= 0 || this.end.kind !== 'more') return;
    this.statement = statement;
    this.wanted = Math.min(n, this.batchLimit) - this.buffered;
  }

  /** Whether records or an end of `statement` are buffered. */
  holds(statement: QueryStatement): boolean {
    return this.statement === statement && (this.buffered > 0 || this.end.kind !== 'more');
  }

  /**
   * Reads the expected records of `statement` ahead (nothing unless {@link expect} asked for them and
   * `statement` is still the one). A promise only if the backend answered with one; it never rejects.
   */
  fill(statement: QueryStatement, now: () => number): MaybePromise<void> {
    if (this.statement !== statement || this.wanted <= 0) {
      this.wanted = 0;
      return;
    }
    const started = now();
    const stop = (): void => {
      statement.streamingMs += now() - started;
    };
    let remaining = this.wanted;
    this.wanted = 0;
    try {
      for (let step = this.step(remaining); step > 0; step = this.step(remaining)) {
        const pulled = statement.result.pull(step, this.sink);
        if (pulled instanceof Promise) return this.fillOn(statement, pulled, remaining - step, stop);
        remaining -= step;
        if (!pulled) {
          this.end = DONE;
          break;
        }
      }
    } catch (error) {
      this.end = { kind: 'error', error };
    }
    stop();
  }

  /**
   * Records to pull next: one to learn their size, then as many as fit under the byte limit at the average
   * size so far (up to {@link MAX_STEP} and `remaining`); 0 when done.
   */
  private step(remaining: number): number {
    const bytes = this.writer.pendingBytes;
    if (remaining <= 0 || bytes >= READ_AHEAD_MAX_BYTES) return 0;
    const records = this.ends.length;
    if (records === 0) return 1;
    const fit = Math.floor(((READ_AHEAD_MAX_BYTES - bytes) * records) / bytes);
    return Math.max(1, Math.min(remaining, MAX_STEP, fit));
  }

  /** The asynchronous rest of {@link fill}. */
  private async fillOn(
    statement: QueryStatement,
    pending: Promise<boolean>,
    remaining: number,
    stop: () => void,
  ): Promise<void> {
    try {
      let pulled = await pending;
      for (let step = this.step(remaining); pulled && step > 0; step = this.step(remaining)) {
        pulled = await statement.result.pull(step, this.sink);
        remaining -= step;
      }
      if (!pulled) this.end = DONE;
    } catch (error) {
      this.end = { kind: 'error', error };
    } finally {
      stop();
    }
  }

  /**
   * Answers as much of a PULL (`append` receives the framed records) or DISCARD of `n` records (-1: all)
   * of `statement` as is buffered. Throws the error met while reading ahead once the records before it
   * are taken.
   */
  take(statement: QueryStatement, n: number, append: ((bytes: Uint8Array) => void) | null): TakeOutcome {
    if (!this.holds(statement)) return { kind: 'continue', remaining: n };
    const count = n < 0 ? this.buffered : Math.min(n, this.buffered);
    if (count > 0) {
      const from = this.first === 0 ? 0 : (this.ends[this.first - 1] ?? 0);
      this.first += count;
      const to = this.ends[this.first - 1] ?? from;
      append?.(this.writer.packer.view().subarray(from, to));
    }
    if (this.buffered > 0) return { kind: 'answered', hasMore: true };
    const end = this.end;
    this.clear();
    if (end.kind === 'error') throw end.error;
    if (end.kind === 'done') return { kind: 'answered', hasMore: false };
    const remaining = n < 0 ? n : n - count;
    return remaining === 0 ? { kind: 'answered', hasMore: true } : { kind: 'continue', remaining };
  }

  /** Drops whatever is buffered or expected (the result is gone: consumed, RESET, failure, disconnect). */
  clear(): void {
    this.statement = null;
    this.wanted = 0;
    this.ends = [];
    this.first = 0;
    this.end = MORE;
    this.writer.packer.reset();
  }
}
