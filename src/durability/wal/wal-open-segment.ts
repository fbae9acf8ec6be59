import type { AppendableFile } from '../file-system.js';
import { BATCH_HEADER_BYTES, writeBatchHeader } from './wal-batch.js';

/**
 * The segment the WAL writer is writing: its file and where things stand in it, from the writer's side.
 * `writeEnd` ≥ `goodLength` ≥ `syncedLength`: batches handed to the file, then those known written
 * correctly, then those known durable. Owns the reserve of zeros ahead of the records (wal-format.ts).
 */
export class OpenSegment {
  readonly file: AppendableFile;
  /** Where the next batch starts: the end of every batch handed to the file. */
  writeEnd: number;
  /** Bytes known written correctly (synced, or appended without error since the last sync). */
  goodLength: number;
  syncedLength: number;
  /** Where the last batch handed to the file starts; 0 before the first batch of the segment. */
  private lastBatchStart = 0;
  /** Where the zeros reserved in the segment end; past it an append would grow the file. */
  private reservedEnd: number;
  /** A reserve failed in this segment (disk full, say): appends grow the file until the next segment. */
  private reserveFailed = false;
  /** Zeros reserved at a time; 0 reserves nothing. */
  private readonly reserveBytes: number;

  /** A segment whose first `headerBytes` (its header) are durable. */
  constructor(file: AppendableFile, headerBytes: number, reserveBytes: number) {
    this.file = file;
    this.writeEnd = headerBytes;
    this.goodLength = headerBytes;
    this.syncedLength = headerBytes;
    this.reservedEnd = headerBytes;
    this.reserveBytes = reserveBytes;
  }

  /**
   * Hands a batch of `frames` (`size` bytes with its header) to the file as one append, after the batches
   * before it; resolves or rejects with the append.
   */
  appendBatch(frames: readonly Uint8Array[], size: number, writesInFlight: number): Promise<void> {
    const bytes = new Uint8Array(size);
    let offset = BATCH_HEADER_BYTES;
    for (const frame of frames) {
      bytes.set(frame, offset);
      offset += frame.length;
    }
    const start = this.writeEnd;
    writeBatchHeader(bytes, {
      start,
      frameBytes: size - BATCH_HEADER_BYTES,
      previousStart: this.lastBatchStart,
      writesInFlight,
    });
    this.lastBatchStart = start;
    this.writeEnd = start + size;
    return this.file.append(bytes);
  }

  /** Whether appending `bytes` now would pass the reserved end (and the segment reserves). */
  needsReserve(bytes: number): boolean {
    return this.reserveBytes > 0 && !this.reserveFailed && this.writeEnd + bytes > this.reservedEnd;
  }

  /**
   * Reserves zeros ahead for the next `bytes` (called when {@link needsReserve}, with nothing in flight).
   * Only the 'commit' policy reserves, where every append is synced, so nothing unsynced rides on the
   * reserve's sync; a failed reserve is therefore harmless (zeros past the last record are part of the
   * format) and only stops reserving in this segment.
   */
  async reserveFor(bytes: number): Promise<void> {
    const end = this.writeEnd + bytes + this.reserveBytes;
    try {
      await this.file.reserve(end);
      this.reservedEnd = end;
    } catch {
      this.reserveFailed = true;
    }
  }

  /**
   * Cuts the reserved zeros off a segment the writer is done with (rotation, close), so that a cleanly
   * closed segment ends at its last record. Best effort: a reserve left behind is valid (wal-format.ts).
   */
  async trimReserve(): Promise<void> {
    if (this.reservedEnd <= this.goodLength) return;
    try {
      await this.file.truncate(this.goodLength);
      await this.file.sync();
      this.reservedEnd = this.goodLength;
    } catch {
      // Left as it is; the next recovery reads the zeros as the end of the segment.
    }
  }

  /** Truncates the segment to its good length and syncs it (nothing in flight); false when either fails. */
  async cutBack(): Promise<boolean> {
    try {
      await this.file.truncate(this.goodLength);
      await this.file.sync();
      this.syncedLength = this.goodLength;
      this.reservedEnd = this.goodLength;
      this.writeEnd = this.goodLength;
      return true;
    } catch {
      return false;
    }
  }
}
