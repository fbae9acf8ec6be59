import { DatabaseError, InternalError, invariant } from '../../errors/index.js';
import type { CommitLog, CommitRecord, TokenDefinition } from '../../storage/index.js';
import { ByteWriter } from '../codec/byte-writer.js';
import { encodeFrame } from '../codec/frame.js';
import { writeCommitRecord, type EncodeRecordOptions } from '../codec/record-codec.js';
import type { AppendableFile, FileSystem } from '../file-system.js';
import { walClosedError, walOutcomeUnknownError, walPoisonedError, walWriteError } from './wal-errors.js';
import { writeWalFence } from './wal-fence.js';
import { BATCH_HEADER_BYTES } from './wal-batch.js';
import { parseWalSegmentName } from './wal-format.js';
import { OpenSegment } from './wal-open-segment.js';
import { createSegmentFile, joinPath, type WalSegment } from './wal-segment-file.js';

/** Options of `WalWriter.open`. */
export interface WalWriterOptions {
  readonly fileSystem: FileSystem;
  /** The WAL directory; it exists already (recovery made it and cut any torn tail). */
  readonly directory: string;
  readonly databaseId: string;
  /** The commit ts the first record will have at least; names the new segment. */
  readonly nextCommitTs: number;
  /** 'commit' (default): acknowledge after fsync. 'relaxed': after the write, fsync on a timer. */
  readonly syncPolicy?: 'commit' | 'relaxed';
  /** Relaxed mode's fsync interval. Default 100 ms. */
  readonly relaxedSyncIntervalMs?: number;
  /** A segment is closed and a new one started once it exceeds this size. Default 64 MiB. */
  readonly segmentBytes?: number;
  /**
   * 'commit' policy: zeros reserved ahead of the records, this many bytes at a time, so that a commit's
   * sync changes no file size (see `AppendableFile.reserve`). Default 4 MiB; 0 reserves nothing.
   */
  readonly reserveBytes?: number;
  /**
   * Writes (batches) in flight at once, 1 or more. Default 2: while one batch is being written and synced,
   * the next one is already on its way, so the disk never waits for the acknowledgements of the first.
   * Batches are still acknowledged strictly in log order.
   */
  readonly writesInFlight?: number;
}

/** Counters of a writer since it was opened. */
export interface WalStats {
  /** Segment files the writer knows (older ones found at open included, retired ones not). */
  readonly segments: number;
  readonly bytesWritten: number;
  readonly syncs: number;
  readonly batches: number;
  readonly records: number;
  readonly poisoned: boolean;
}

interface Waiter {
  resolve(): void;
  reject(error: DatabaseError): void;
}

/** A batch handed to the file and not yet acknowledged. */
interface InFlightWrite {
  /** Where the batch ends in the segment. */
  readonly end: number;
  readonly waiters: readonly Waiter[];
  /** Settles with the append's error, or with undefined once the append succeeded. */
  readonly done: Promise<unknown>;
}

/** The work queue: frames of records, segment switches and sync requests, processed strictly in order. */
type Entry =
  | { readonly kind: 'record'; readonly frame: Uint8Array; readonly waiter: Waiter }
  | { readonly kind: 'rotate'; readonly firstCommitTs: number; readonly waiter: Waiter }
  | { readonly kind: 'sync'; readonly waiter: Waiter | undefined };

function deferred(): { promise: Promise<void>; waiter: Waiter } {
  let waiter: Waiter | undefined;
  const promise = new Promise<void>((resolve, reject) => {
    waiter = { resolve, reject };
  });
  invariant(waiter !== undefined, 'Promise executors run synchronously');
  return { promise, waiter };
}

/** The largest encoding buffer the writer keeps between records. */
const SCRATCH_KEPT_BYTES = 1 << 20;

/** The key of a token in the set of tokens a segment defined (ids are small non-negative integers). */
const TOKEN_KIND_OFFSET = { LABEL: 0, RELATIONSHIP_TYPE: 1, PROPERTY_KEY: 2 } as const;
const tokenKey = (token: TokenDefinition): number => token.id * 3 + TOKEN_KIND_OFFSET[token.kind];

/**
 * Writes commit records to WAL segments (format: wal-format.ts) with group commit: while batches are being
 * written and synced (up to `writesInFlight` of them), newly appended records queue up and then go out
 * together in one append, synced with it. Batches are acknowledged strictly in log order. Any write failure
 * poisons the writer: the failed batch and everything after it is rejected, the segment is cut back to its
 * last good length, and nothing is appended after bytes of unknown state.
 */
export class WalWriter implements CommitLog {
  private readonly fileSystem: FileSystem;
  private readonly directory: string;
  private readonly databaseId: string;
  private readonly policy: 'commit' | 'relaxed';
  private readonly segmentBytes: number;
  private readonly reserveBytes: number;
  private readonly writesInFlight: number;
  private readonly segments: WalSegment[];
  /** The segment being written. */
  private current: OpenSegment;
  private readonly queue: Entry[] = [];
  /** Batches appended and not yet acknowledged, oldest first. */
  private readonly inFlight: InFlightWrite[] = [];
  private isDraining = false;
  /** A setImmediate is pending that will hand queued records to the file while others are in flight. */
  private isIssueScheduled = false;
  private poison: DatabaseError | undefined;
  /**
   * What the commits of the write that failed are told: the poison, or that their outcome is unknown when
   * their bytes could be neither cut nor fenced. Commits queued after it were never written: they get the
   * poison.
   */
  private failure: DatabaseError | undefined;
  private isClosed = false;
  private readonly timer: NodeJS.Timeout | undefined;
  // Encoding side: the segment the NEXT appended record will land in (queued switches included).
  private encodeTokens = new Set<number>();
  /**
   * Each record is encoded here and copied out into its frame, so encoding allocates nothing else; one that
   * grew past {@link SCRATCH_KEPT_BYTES} for a large commit is dropped after it.
   */
  private scratch = new ByteWriter(256);
  private readonly encodeOptions: EncodeRecordOptions = {
    isTokenDefined: (token) => this.encodeTokens.has(tokenKey(token)),
  };
  private encodeBytes: number;
  private encodeRecords = 0;
  private lastAppendedTs: number;
  private counters = { bytesWritten: 0, syncs: 0, batches: 0, records: 0 };

  private constructor(
    options: WalWriterOptions,
    file: AppendableFile,
    segments: WalSegment[],
    header: number,
  ) {
    this.fileSystem = options.fileSystem;
    this.directory = options.directory;
    this.databaseId = options.databaseId;
    this.policy = options.syncPolicy ?? 'commit';
    this.segmentBytes = options.segmentBytes ?? 64 * 1024 * 1024;
    // Relaxed mode syncs rarely, so a size change per sync costs it little; it reserves nothing.
    this.reserveBytes = this.policy === 'commit' ? (options.reserveBytes ?? 4 * 1024 * 1024) : 0;
    this.writesInFlight = options.writesInFlight ?? 2;
    this.segments = segments;
    this.current = new OpenSegment(file, header, this.reserveBytes);
    this.encodeBytes = header;
    this.lastAppendedTs = options.nextCommitTs - 1;
    this.counters.bytesWritten = header;
    this.counters.syncs = 1;
    if (this.policy === 'relaxed') {
      this.timer = setInterval(() => {
        this.requestSync();
      }, options.relaxedSyncIntervalMs ?? 100);
      // The timer must not keep the process alive; close() flushes what is left.
      this.timer.unref();
    }
  }

  /**
   * Starts a new segment named after `nextCommitTs` (exclusive create; header and directory synced).
   * @throws DatabaseError `TransactionLogError` when the segment cannot be created.
   */
  static async open(options: WalWriterOptions): Promise<WalWriter> {
    invariant(
      Number.isSafeInteger(options.nextCommitTs) && options.nextCommitTs >= 1,
      `A WAL needs a positive next commit ts, not ${options.nextCommitTs}`,
    );
    const inFlight = options.writesInFlight ?? 2;
    invariant(
      Number.isSafeInteger(inFlight) && inFlight >= 1 && inFlight <= 0xffff,
      `A WAL keeps 1 to 65,535 writes in flight, not ${inFlight}`,
    );
    const segments: WalSegment[] = [];
    for (const name of await options.fileSystem.list(options.directory)) {
      const firstCommitTs = parseWalSegmentName(name);
      if (firstCommitTs !== undefined && firstCommitTs < options.nextCommitTs)
        segments.push({ name, firstCommitTs });
    }
    try {
      const created = await createSegmentFile(
        options.fileSystem,
        options.directory,
        options.databaseId,
        options.nextCommitTs,
        (options.syncPolicy ?? 'commit') === 'commit',
      );
      segments.push(created.segment);
      return new WalWriter(options, created.file, segments, created.headerBytes);
    } catch (error) {
      if (error instanceof DatabaseError) throw error;
      throw walWriteError('creating a segment of', options.directory, error);
    }
  }

  get stats(): WalStats {
    return { segments: this.segments.length, ...this.counters, poisoned: this.poison !== undefined };
  }

  /**
   * Queues `record` (encoded now, in call order) and resolves once it is durable ('commit') or written to
   * the operating system ('relaxed').
   * @throws DatabaseError `TransactionLogError` (as a rejection) when the write or sync fails, after an
   * earlier failure, or after `close()`.
   */
  append(record: CommitRecord): Promise<void> {
    if (this.poison !== undefined) return Promise.reject(walPoisonedError(this.poison));
    if (this.isClosed) return Promise.reject(walClosedError());
    if (!(record.commitTs > this.lastAppendedTs)) {
      return Promise.reject(
        new InternalError(
          `WAL records must arrive in commit order: ${record.commitTs} after ${this.lastAppendedTs}`,
        ),
      );
    }
    // Rotation is decided here, not when writing, because the frame must be encoded for the segment it
    // lands in: token names are written once per segment.
    if (this.encodeRecords > 0 && this.encodeBytes >= this.segmentBytes) {
      // Nobody awaits an automatic rotation: its failure reaches the records queued behind it.
      this.queueRotation(record.commitTs).catch(() => undefined);
    }
    let frame: Uint8Array;
    try {
      this.scratch.reset();
      writeCommitRecord(this.scratch, record, this.encodeOptions);
      frame = encodeFrame(this.scratch.written());
      if (this.scratch.capacity > SCRATCH_KEPT_BYTES) this.scratch = new ByteWriter(256);
    } catch (error) {
      // Only a value storage should never hand over gets here (InternalError from the codec).
      return Promise.reject(error instanceof Error ? error : new InternalError(String(error)));
    }
    for (const token of record.tokens) this.encodeTokens.add(tokenKey(token));
    this.encodeBytes += frame.length;
    this.encodeRecords++;
    this.lastAppendedTs = record.commitTs;
    const { promise, waiter } = deferred();
    this.queue.push({ kind: 'record', frame, waiter });
    this.drain();
    return promise;
  }

  /** Closes the current segment and starts a new one (no-op for an empty segment); snapshots call it. */
  rotate(): Promise<void> {
    if (this.poison !== undefined) return Promise.reject(walPoisonedError(this.poison));
    if (this.isClosed) return Promise.reject(walClosedError());
    if (this.encodeRecords === 0) return this.flush();
    const promise = this.queueRotation(this.lastAppendedTs + 1);
    this.drain();
    return promise;
  }

  /** Resolves once everything appended so far is durable (relaxed mode: syncs now). */
  flush(): Promise<void> {
    if (this.poison !== undefined) return Promise.reject(walPoisonedError(this.poison));
    const { promise, waiter } = deferred();
    this.queue.push({ kind: 'sync', waiter });
    this.drain();
    return promise;
  }

  /**
   * Removes the segments whose records all have commit ts ≤ `throughCommitTs` (those before a segment whose
   * first commit ts is at most `throughCommitTs + 1`), never the current one; returns their names.
   * @throws DatabaseError `TransactionLogError` when a removal fails (the writer stays usable).
   */
  async retireSegments(throughCommitTs: number): Promise<string[]> {
    const retired: WalSegment[] = [];
    for (const [index, segment] of this.segments.entries()) {
      const next = this.segments[index + 1];
      // The last segment (no next one) is the current one: never retired.
      if (next === undefined || next.firstCommitTs - 1 > throughCommitTs) break;
      retired.push(segment);
    }
    if (retired.length === 0) return [];
    const removed: string[] = [];
    try {
      // Oldest first, so that an interrupted retirement leaves a contiguous run of segments.
      for (const segment of retired) {
        await this.fileSystem.remove(joinPath(this.directory, segment.name));
        removed.push(segment.name);
        this.segments.splice(this.segments.indexOf(segment), 1);
      }
      await this.fileSystem.syncDirectory(this.directory);
    } catch (error) {
      throw walWriteError('retiring segments of', this.directory, error);
    }
    return removed;
  }

  /** Flushes, stops the sync timer and closes the segment. Later appends are rejected. */
  async close(): Promise<void> {
    if (this.isClosed) return;
    this.isClosed = true;
    if (this.timer !== undefined) clearInterval(this.timer);
    try {
      if (this.poison === undefined) {
        await this.flush();
        await this.current.trimReserve();
      }
    } finally {
      await this.current.file.close().catch(() => undefined);
    }
  }

  private queueRotation(firstCommitTs: number): Promise<void> {
    this.encodeTokens = new Set();
    this.encodeBytes = 0;
    this.encodeRecords = 0;
    const { promise, waiter } = deferred();
    this.queue.push({ kind: 'rotate', firstCommitTs, waiter });
    return promise;
  }

  private requestSync(): void {
    if (this.poison !== undefined || this.current.goodLength === this.current.syncedLength) return;
    if (this.queue.some((entry) => entry.kind === 'sync')) return;
    this.queue.push({ kind: 'sync', waiter: undefined });
    this.drain();
  }

  /**
   * Starts processing the queue unless it is already being processed: at the end of this turn of the event
   * loop (setImmediate), so that the commits of every connection whose request arrived in the same poll
   * join one batch, instead of the first going out alone and the rest waiting for the next write. Whatever
   * arrives while a batch is being written forms the next batch.
   */
  private drain(): void {
    if (this.isDraining) {
      this.scheduleIssue();
      return;
    }
    this.isDraining = true;
    setImmediate(() => {
      void this.processQueue().catch((error: unknown) => {
        // Only a bug gets here (every file error is handled below); fail safe by poisoning.
        this.poison = new InternalError(`The write-ahead log writer failed: ${String(error)}`, {
          cause: error,
        });
        this.rejectQueue();
      });
    });
  }

  /**
   * While batches are in flight and there is room for another, hands the records queued meanwhile to the
   * file at the end of this turn of the event loop (the same batching as `drain`). Only then: with nothing
   * in flight, `processQueue` decides, and may be switching segments or growing the reserve.
   */
  private scheduleIssue(): void {
    if (this.isIssueScheduled || this.inFlight.length === 0 || this.inFlight.length >= this.writesInFlight)
      return;
    this.isIssueScheduled = true;
    setImmediate(() => {
      this.isIssueScheduled = false;
      if (this.inFlight.length > 0) this.issueWrites();
    });
  }

  private async processQueue(): Promise<void> {
    try {
      for (;;) {
        this.issueWrites();
        const oldest = this.inFlight[0];
        if (oldest === undefined) {
          const head = this.queue[0];
          if (head === undefined) return;
          if (this.poison !== undefined) {
            this.rejectQueue();
            return;
          }
          // Records left in the queue with nothing in flight: the reserve must grow first.
          if (head.kind === 'record') await this.current.reserveFor(this.queuedBatchBytes());
          else await this.processHead(head);
          continue;
        }
        const error = await oldest.done;
        if (error !== undefined) {
          await this.failInFlight(error);
          continue;
        }
        this.inFlight.shift();
        this.current.goodLength = oldest.end;
        if (this.policy === 'commit') {
          // The segment is open with syncEachAppend: the append was the sync.
          this.current.syncedLength = oldest.end;
          this.counters.syncs++;
        }
        // The records that arrived meanwhile go to the disk before this batch's commits are acknowledged:
        // the acknowledgements run the commits' completion and their clients' responses, and the disk
        // would sit idle for all of it.
        this.issueWrites();
        this.counters.records += oldest.waiters.length;
        for (const waiter of oldest.waiters) waiter.resolve();
      }
    } finally {
      // Cleared in the same synchronous step that saw the queue empty, so an append arriving right after
      // starts a new round instead of being left in the queue.
      this.isDraining = false;
    }
  }

  /** A rotation or a sync at the head of the queue (nothing in flight). */
  private async processHead(head: Exclude<Entry, { kind: 'record' }>): Promise<void> {
    this.queue.shift();
    const ok = head.kind === 'rotate' ? await this.switchSegment(head.firstCommitTs) : await this.syncNow();
    if (ok) head.waiter?.resolve();
    else if (this.poison !== undefined) head.waiter?.reject(this.poison);
  }

  /**
   * Hands batches of the queued records to the file while fewer than `writesInFlight` are in flight, up to
   * the next rotation or sync, and unless the reserve must grow first (which waits for an empty pipeline).
   */
  private issueWrites(): void {
    while (
      this.poison === undefined &&
      this.inFlight.length < this.writesInFlight &&
      this.queue[0]?.kind === 'record'
    ) {
      const size = this.queuedBatchBytes();
      if (this.current.needsReserve(size)) return;
      this.inFlight.push(this.issueBatch(size));
    }
  }

  /** The size of the batch the records at the head of the queue would make, its header included. */
  private queuedBatchBytes(): number {
    let size = BATCH_HEADER_BYTES;
    for (const entry of this.queue) {
      if (entry.kind !== 'record') break;
      size += entry.frame.length;
    }
    return size;
  }

  /**
   * The records at the head of the queue, up to the next rotation or sync, as one batch appended now;
   * `size` is their {@link queuedBatchBytes}.
   */
  private issueBatch(size: number): InFlightWrite {
    const frames: Uint8Array[] = [];
    const waiters: Waiter[] = [];
    while (this.queue[0]?.kind === 'record') {
      const entry = this.queue.shift() as Extract<Entry, { kind: 'record' }>;
      frames.push(entry.frame);
      waiters.push(entry.waiter);
    }
    const done = this.current.appendBatch(frames, size, this.writesInFlight).then(
      () => {
        this.counters.bytesWritten += size;
        this.counters.batches++;
        return undefined;
      },
      (error: unknown) => error ?? new Error('the append failed without an error'),
    );
    return { end: this.current.writeEnd, waiters, done };
  }

  /**
   * The oldest batch in flight failed: the writer is poisoned at once (nothing more is issued), the batches
   * issued after it are let settle, and then the segment is cut back under all of them (`fail`): their
   * commits are rejected, whether their own append succeeded or not, since the log must stay a prefix.
   */
  private async failInFlight(error: unknown): Promise<void> {
    const failure = walWriteError('appending to', this.current.file.path, error);
    this.poison = failure;
    const failed = this.inFlight.splice(0);
    for (const write of failed) await write.done;
    await this.fail(
      failure,
      failed.flatMap((write) => write.waiters),
    );
  }

  /** Syncs the current segment if anything is unsynced; false (and poisoned) when the sync failed. */
  private async syncNow(): Promise<boolean> {
    if (this.current.goodLength === this.current.syncedLength) return this.poison === undefined;
    const target = this.current.goodLength;
    try {
      await this.current.file.sync();
    } catch (error) {
      // After a failed fsync the state of the unsynced bytes is unknown (they may never reach the disk),
      // so they are cut, acknowledged relaxed-mode records included.
      this.current.goodLength = this.current.syncedLength;
      await this.fail(walWriteError('syncing', this.current.file.path, error), []);
      return false;
    }
    this.current.syncedLength = target;
    this.counters.syncs++;
    return true;
  }

  private async switchSegment(firstCommitTs: number): Promise<boolean> {
    // Relaxed mode: the old segment must be durable before the log moves on.
    if (!(await this.syncNow())) return false;
    await this.current.trimReserve();
    await this.current.file.close().catch(() => undefined);
    try {
      const created = await createSegmentFile(
        this.fileSystem,
        this.directory,
        this.databaseId,
        firstCommitTs,
        this.policy === 'commit',
      );
      this.current = new OpenSegment(created.file, created.headerBytes, this.reserveBytes);
      this.segments.push(created.segment);
      this.counters.bytesWritten += created.headerBytes;
      this.counters.syncs++;
      return true;
    } catch (error) {
      const failure =
        error instanceof DatabaseError
          ? error
          : walWriteError('creating a segment of', this.directory, error);
      this.poison = failure;
      this.rejectQueue();
      return false;
    }
  }

  /**
   * Poisons the writer after a failed write or sync: cuts the segment back to its last good length and
   * syncs it (so the failed records can never be recovered as committed), then rejects `batch` and every
   * queued entry. If the cut fails too, a fence (wal-fence.ts) tells recovery where the segment ends; if
   * even that fails, the error says that the outcome of the batch is unknown.
   */
  private async fail(error: DatabaseError, batch: readonly Waiter[]): Promise<void> {
    this.poison = error;
    if (this.timer !== undefined) clearInterval(this.timer);
    this.failure = error;
    if (!(await this.current.cutBack()) && !(await this.fence()))
      this.failure = walOutcomeUnknownError(error);
    for (const waiter of batch) waiter.reject(this.failure);
    this.rejectQueue();
  }

  /** Leaves a fence at the good length beside the current segment; false when it cannot be written. */
  private async fence(): Promise<boolean> {
    const segment = this.segments.at(-1);
    if (segment === undefined) return false;
    try {
      await writeWalFence(this.fileSystem, this.directory, segment.name, this.current.goodLength);
      return true;
    } catch {
      return false;
    }
  }

  private rejectQueue(): void {
    const poison = this.poison ?? walClosedError();
    for (const entry of this.queue.splice(0)) entry.waiter?.reject(walPoisonedError(poison));
  }
}
