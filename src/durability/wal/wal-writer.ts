import { DatabaseError, InternalError, invariant } from '../../errors/index.js';
import type { CommitLog, CommitRecord, TokenDefinition } from '../../storage/index.js';
import { encodeFrame } from '../codec/frame.js';
import { encodeCommitRecord } from '../codec/record-codec.js';
import type { AppendableFile, FileSystem } from '../file-system.js';
import { walClosedError, walOutcomeUnknownError, walPoisonedError, walWriteError } from './wal-errors.js';
import { writeWalFence } from './wal-fence.js';
import { parseWalSegmentName } from './wal-format.js';
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

const tokenKey = (token: TokenDefinition): string => `${token.kind}:${token.id}`;

/**
 * Writes commit records to WAL segments (format: wal-format.ts) with group commit: while one batch is being
 * written and synced, newly appended records queue up and then go out together in one append and one
 * fsync. Any write failure poisons the writer: the failed batch and everything after it is rejected, the
 * segment is cut back to its last good length, and nothing is appended after bytes of unknown state.
 */
export class WalWriter implements CommitLog {
  private readonly fileSystem: FileSystem;
  private readonly directory: string;
  private readonly databaseId: string;
  private readonly policy: 'commit' | 'relaxed';
  private readonly segmentBytes: number;
  private readonly reserveBytes: number;
  private readonly segments: WalSegment[];
  private file: AppendableFile;
  private readonly queue: Entry[] = [];
  private isDraining = false;
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
  private encodeTokens = new Set<string>();
  private encodeBytes: number;
  private encodeRecords = 0;
  private lastAppendedTs: number;
  // Writing side: the current segment file.
  private syncedLength: number;
  /** Bytes known written correctly (synced, or appended without error since the last sync). */
  private goodLength: number;
  /** Where the zeros reserved in the current segment end; past it an append would grow the file. */
  private reservedEnd: number;
  /** A reserve failed in this segment (disk full, say): appends grow the file until the next segment. */
  private reserveFailed = false;
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
    this.segments = segments;
    this.file = file;
    this.encodeBytes = header;
    this.syncedLength = header;
    this.goodLength = header;
    this.reservedEnd = header;
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
      frame = encodeFrame(
        encodeCommitRecord(record, { isTokenDefined: (token) => this.encodeTokens.has(tokenKey(token)) }),
      );
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
        await this.trimReserve();
      }
    } finally {
      await this.file.close().catch(() => undefined);
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
    if (this.poison !== undefined || this.goodLength === this.syncedLength) return;
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
    if (this.isDraining) return;
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

  private async processQueue(): Promise<void> {
    try {
      let writing: Promise<Waiter[] | undefined> | undefined;
      for (;;) {
        if (writing === undefined) {
          const head = this.queue[0];
          if (head === undefined) return;
          if (this.poison !== undefined) {
            this.rejectQueue();
            return;
          }
          if (head.kind !== 'record') {
            await this.processHead(head);
            continue;
          }
          writing = this.writeBatch(this.takeBatch());
        }
        const written = await writing;
        writing = undefined;
        if (written === undefined) continue;
        // The records that arrived meanwhile go to the disk before this batch's commits are acknowledged:
        // the acknowledgements run the commits' completion and their clients' responses, and the disk
        // would sit idle for all of it. Still one write at a time, so the log stays strictly in order.
        if (this.poison === undefined && this.queue[0]?.kind === 'record')
          writing = this.writeBatch(this.takeBatch());
        this.counters.records += written.length;
        for (const waiter of written) waiter.resolve();
      }
    } finally {
      // Cleared in the same synchronous step that saw the queue empty, so an append arriving right after
      // starts a new round instead of being left in the queue.
      this.isDraining = false;
    }
  }

  /** A rotation or a sync at the head of the queue. */
  private async processHead(head: Exclude<Entry, { kind: 'record' }>): Promise<void> {
    this.queue.shift();
    const ok = head.kind === 'rotate' ? await this.switchSegment(head.firstCommitTs) : await this.syncNow();
    if (ok) head.waiter?.resolve();
    else if (this.poison !== undefined) head.waiter?.reject(this.poison);
  }

  /** The records at the head of the queue, up to the next rotation or sync, as one append. */
  private takeBatch(): { bytes: Uint8Array; waiters: Waiter[] } {
    const frames: Uint8Array[] = [];
    const waiters: Waiter[] = [];
    let size = 0;
    while (this.queue[0]?.kind === 'record') {
      const entry = this.queue.shift() as Extract<Entry, { kind: 'record' }>;
      frames.push(entry.frame);
      waiters.push(entry.waiter);
      size += entry.frame.length;
    }
    const bytes = new Uint8Array(size);
    let offset = 0;
    for (const frame of frames) {
      bytes.set(frame, offset);
      offset += frame.length;
    }
    return { bytes, waiters };
  }

  /**
   * Appends one batch (synced with it under the 'commit' policy) and returns its waiters, for the caller
   * to acknowledge; `undefined` when it failed (the writer is then poisoned and the waiters rejected). The
   * append starts synchronously unless the reserve must grow first.
   */
  private async writeBatch({
    bytes,
    waiters: batch,
  }: {
    bytes: Uint8Array;
    waiters: Waiter[];
  }): Promise<Waiter[] | undefined> {
    const size = bytes.length;
    if (this.needsReserve(size)) await this.reserveFor(size);
    try {
      await this.file.append(bytes);
    } catch (error) {
      await this.fail(walWriteError('appending to', this.file.path, error), batch);
      return undefined;
    }
    this.goodLength += size;
    this.counters.bytesWritten += size;
    this.counters.batches++;
    if (this.policy === 'commit') {
      // The segment is open with syncEachAppend: the append was the sync.
      this.syncedLength = this.goodLength;
      this.counters.syncs++;
    }
    if (this.policy === 'commit' && !(await this.syncNow())) {
      for (const waiter of batch) waiter.reject(this.failure ?? walClosedError());
      return undefined;
    }
    return batch;
  }

  /** Syncs the current segment if anything is unsynced; false (and poisoned) when the sync failed. */
  private async syncNow(): Promise<boolean> {
    if (this.goodLength === this.syncedLength) return this.poison === undefined;
    const target = this.goodLength;
    try {
      await this.file.sync();
    } catch (error) {
      // After a failed fsync the state of the unsynced bytes is unknown (they may never reach the disk),
      // so they are cut, acknowledged relaxed-mode records included.
      this.goodLength = this.syncedLength;
      await this.fail(walWriteError('syncing', this.file.path, error), []);
      return false;
    }
    this.syncedLength = target;
    this.counters.syncs++;
    return true;
  }

  private async switchSegment(firstCommitTs: number): Promise<boolean> {
    // Relaxed mode: the old segment must be durable before the log moves on.
    if (!(await this.syncNow())) return false;
    await this.trimReserve();
    await this.file.close().catch(() => undefined);
    try {
      const created = await createSegmentFile(
        this.fileSystem,
        this.directory,
        this.databaseId,
        firstCommitTs,
        this.policy === 'commit',
      );
      this.file = created.file;
      this.segments.push(created.segment);
      this.syncedLength = created.headerBytes;
      this.goodLength = created.headerBytes;
      this.reservedEnd = created.headerBytes;
      this.reserveFailed = false;
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
    if (!(await this.cutBack()) && !(await this.fence())) this.failure = walOutcomeUnknownError(error);
    for (const waiter of batch) waiter.reject(this.failure);
    this.rejectQueue();
  }

  /**
   * Reserves zeros ahead for the next `bytes` (called when {@link needsReserve}). Only the 'commit' policy
   * reserves, where every append is synced, so nothing unsynced rides on the reserve's sync; a failed
   * reserve is therefore harmless (zeros past the last record are part of the format) and only stops
   * reserving in this segment.
   */
  private async reserveFor(bytes: number): Promise<void> {
    const end = this.goodLength + bytes + this.reserveBytes;
    try {
      await this.file.reserve(end);
      this.reservedEnd = end;
    } catch {
      this.reserveFailed = true;
    }
  }

  /** Whether appending `bytes` now would pass the reserved end (and the writer reserves). */
  private needsReserve(bytes: number): boolean {
    return this.reserveBytes > 0 && !this.reserveFailed && this.goodLength + bytes > this.reservedEnd;
  }

  /**
   * Cuts the reserved zeros off a segment the writer is done with (rotation, close), so that a cleanly
   * closed segment ends at its last record. Best effort: a reserve left behind is valid (wal-format.ts).
   */
  private async trimReserve(): Promise<void> {
    if (this.reservedEnd <= this.goodLength) return;
    try {
      await this.file.truncate(this.goodLength);
      await this.file.sync();
      this.reservedEnd = this.goodLength;
    } catch {
      // Left as it is; the next recovery reads the zeros as the end of the segment.
    }
  }

  /** Truncates the segment to its good length and syncs it; false when either fails. */
  private async cutBack(): Promise<boolean> {
    try {
      await this.file.truncate(this.goodLength);
      await this.file.sync();
      this.syncedLength = this.goodLength;
      this.reservedEnd = this.goodLength;
      return true;
    } catch {
      return false;
    }
  }

  /** Leaves a fence at the good length beside the current segment; false when it cannot be written. */
  private async fence(): Promise<boolean> {
    const segment = this.segments.at(-1);
    if (segment === undefined) return false;
    try {
      await writeWalFence(this.fileSystem, this.directory, segment.name, this.goodLength);
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
