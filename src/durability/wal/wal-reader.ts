import type { DatabaseError } from '../../errors/index.js';
import type { CommitRecord, TokenKind } from '../../storage/index.js';
import { decodeFrame, type DecodedFrame } from '../codec/frame.js';
import { decodeCommitRecord } from '../codec/record-codec.js';
import { storageDamage } from '../codec/storage-damage.js';
import type { FileSystem } from '../file-system.js';
import { READABLE_WAL_FORMATS, WAL_FORMAT_V2, WAL_FORMAT_V3 } from '../format-versions.js';
import { decodeWalHeader, isZeroTail, parseWalSegmentName, type WalSegmentHeader } from './wal-format.js';
import { BATCH_HEADER_BYTES, batchHeadersAfter, decodeBatchHeader } from './wal-batch.js';
import { isTemporaryFenceName, readWalFence, removeWalFence } from './wal-fence.js';
import { joinPath, type WalSegment } from './wal-segment-file.js';

/** Options of `readWal`. */
export interface WalReadOptions {
  readonly fileSystem: FileSystem;
  readonly directory: string;
  /** Records with this commit ts or lower are read and checked but not handed to `onRecord`. */
  readonly afterCommitTs: number;
  /** Receives each record above `afterCommitTs`, in commit order, with all its token definitions. */
  readonly onRecord: (record: CommitRecord) => void;
  /** Cut a torn tail (truncate + sync) and remove a torn last segment, instead of only reporting them. */
  readonly repair: boolean;
}

/** What `readWal` found. */
export interface WalReadReport {
  /** The database id of the segments; undefined when there is none. */
  readonly databaseId: string | undefined;
  /** Segments read (a removed torn last segment not included). */
  readonly segments: number;
  readonly recordsRead: number;
  readonly recordsApplied: number;
  /** The highest commit ts read, or `afterCommitTs` when it is higher. */
  readonly lastCommitTs: number;
  /** The torn tail found at the end of the last segment (offset 0: a torn header; the file is removed). */
  readonly tornTail?: { readonly segment: string; readonly offset: number; readonly droppedBytes: number };
}

/** Checksum work spent looking for valid frames behind an invalid one before giving up the search. */
const SCAN_BUDGET_BYTES = 256 * 1024 * 1024;

/**
 * Reads the WAL (rules: wal-format.ts): every segment in order, every record checked, the records after
 * `afterCommitTs` handed to `onRecord`; a torn tail of the last segment is cut (`repair`) and reported.
 * @throws DatabaseError `StorageDamageDetected` for anything else that is invalid, naming file and offset.
 */
export async function readWal(options: WalReadOptions): Promise<WalReadReport> {
  const segments: WalSegment[] = [];
  for (const name of await options.fileSystem.list(options.directory)) {
    const firstCommitTs = parseWalSegmentName(name);
    if (firstCommitTs !== undefined) segments.push({ name, firstCommitTs });
    else if (isTemporaryFenceName(name) && options.repair) {
      await options.fileSystem.remove(joinPath(options.directory, name));
    }
  }
  const state: ReadState = {
    options,
    databaseId: undefined,
    segments: 0,
    recordsRead: 0,
    recordsApplied: 0,
    lastCommitTs: 0,
    tornTail: undefined,
  };
  for (const [index, segment] of segments.entries()) {
    await readSegment(state, segment, segments[index + 1]);
  }
  const report = {
    databaseId: state.databaseId,
    segments: state.segments,
    recordsRead: state.recordsRead,
    recordsApplied: state.recordsApplied,
    lastCommitTs: Math.max(state.lastCommitTs, options.afterCommitTs),
  };
  return state.tornTail === undefined ? report : { ...report, tornTail: state.tornTail };
}

interface ReadState {
  readonly options: WalReadOptions;
  databaseId: string | undefined;
  segments: number;
  recordsRead: number;
  recordsApplied: number;
  lastCommitTs: number;
  tornTail: WalReadReport['tornTail'];
}

async function readSegment(
  state: ReadState,
  segment: WalSegment,
  next: WalSegment | undefined,
): Promise<void> {
  const { fileSystem, directory } = state.options;
  const path = joinPath(directory, segment.name);
  const isLast = next === undefined;
  const bytes = await readFenced(state, path, segment.name);
  const decoded = decodeWalHeader(bytes);
  if (decoded.kind === 'foreign') throw damaged(path, 0, `not a WAL segment header: ${decoded.reason}`);
  if (decoded.kind === 'torn') {
    const holdsMore = decoded.declaredEnd !== undefined && bytes.length > decoded.declaredEnd;
    if (!isLast || holdsMore) throw damaged(path, 0, `the segment header is damaged (${decoded.reason})`);
    // A crash while the segment was being created: it never held a record.
    state.tornTail = { segment: segment.name, offset: 0, droppedBytes: bytes.length };
    if (state.options.repair) {
      await fileSystem.remove(path);
      await fileSystem.syncDirectory(directory);
    }
    return;
  }
  checkHeader(state, path, segment, decoded.header);
  state.segments++;
  const tokens = new Map<string, string>();
  const context: SegmentContext = {
    path,
    name: segment.name,
    bytes,
    isLast,
    segment,
    next,
    tokens,
    resolveToken: (kind, id) => tokens.get(`${kind}:${id}`),
  };
  if (decoded.header.formatVersion >= WAL_FORMAT_V3) await readBatches(state, context, decoded.end);
  else await readFrames(state, context, decoded.end, decoded.header.formatVersion >= WAL_FORMAT_V2);
}

/** One segment being read. */
interface SegmentContext {
  readonly path: string;
  readonly name: string;
  readonly bytes: Uint8Array;
  readonly isLast: boolean;
  readonly segment: WalSegment;
  readonly next: WalSegment | undefined;
  /** The token names defined so far in the segment, by `kind:id`. */
  readonly tokens: Map<string, string>;
  /** Looks names up in `tokens` (one resolver per segment, not one per record). */
  readonly resolveToken: (kind: TokenKind, id: number) => string | undefined;
}

/** Formats 1 and 2: frames back to back from `offset` (format 2: up to a reserved zero tail). */
async function readFrames(
  state: ReadState,
  context: SegmentContext,
  from: number,
  mayReserve: boolean,
): Promise<void> {
  const { bytes, path } = context;
  let offset = from;
  for (;;) {
    if (mayReserve && offset < bytes.length && bytes[offset] === 0 && isZeroTail(bytes, offset)) {
      // Zeros the writer reserved ahead of its records: the end of the segment, not damage.
      if (state.options.repair) await cutFile(state.options, path, offset);
      return;
    }
    const frame = decodeFrame(bytes, offset);
    if (frame.kind === 'end') return;
    if (frame.kind === 'torn') {
      if (!context.isLast)
        throw damaged(path, offset, `invalid frame (${frame.reason}) in a segment that is not the last`);
      if (validFrameFollows(bytes, offset, state.lastCommitTs)) {
        throw damaged(path, offset, `invalid frame (${frame.reason}) followed by valid ones`);
      }
      await cutTornTail(state, path, context.name, offset, bytes.length);
      return;
    }
    applyRecord(state, context, offset, frame.payload);
    offset = frame.end;
  }
}

/** Format 3: batches back to back from `offset`, up to the end or a reserved zero tail. */
async function readBatches(state: ReadState, context: SegmentContext, from: number): Promise<void> {
  const { bytes, path } = context;
  let offset = from;
  let previousStart = 0;
  for (;;) {
    if (offset === bytes.length) return;
    if (bytes[offset] === 0 && isZeroTail(bytes, offset)) {
      if (state.options.repair) await cutFile(state.options, path, offset);
      return;
    }
    const batch = decodeBatch(bytes, offset, previousStart);
    if (batch.kind === 'torn') {
      checkTornBatch(context, offset, batch.reason);
      await cutTornTail(state, path, context.name, offset, bytes.length);
      return;
    }
    for (const frame of batch.frames) applyRecord(state, context, frame.offset, frame.payload);
    previousStart = offset;
    offset = batch.end;
  }
}

/** A whole batch at `offset` with every frame valid, or why there is none. */
function decodeBatch(
  bytes: Uint8Array,
  offset: number,
  previousStart: number,
):
  | { kind: 'batch'; end: number; frames: { offset: number; payload: Uint8Array }[] }
  | { kind: 'torn'; reason: string } {
  const header = decodeBatchHeader(bytes, offset);
  if (header === undefined) return { kind: 'torn', reason: 'no valid batch header' };
  if (header.previousStart !== previousStart) {
    return {
      kind: 'torn',
      reason: `the batch names ${header.previousStart} as the batch before it, not ${previousStart}`,
    };
  }
  const end = offset + BATCH_HEADER_BYTES + header.frameBytes;
  if (end > bytes.length) {
    return { kind: 'torn', reason: `incomplete batch (${bytes.length - offset} of ${end - offset} bytes)` };
  }
  const frames: { offset: number; payload: Uint8Array }[] = [];
  const body = bytes.subarray(0, end);
  for (let at = offset + BATCH_HEADER_BYTES; at < end;) {
    const frame = decodeFrame(body, at);
    if (frame.kind !== 'frame')
      return { kind: 'torn', reason: `invalid frame at ${at} (${describeFrame(frame)})` };
    frames.push({ offset: at, payload: frame.payload });
    at = frame.end;
  }
  if (frames.length === 0) return { kind: 'torn', reason: 'the batch holds no frame' };
  return { kind: 'batch', end, frames };
}

/**
 * The torn-batch rule of format 3 (wal-format.ts): an invalid batch may only be cut when it is in the last
 * segment and every valid batch header behind it belongs to a write that was in flight with it: one whose
 * batch before it starts at or after the invalid one, and no more of them than its writer kept in flight
 * besides the invalid one.
 * @throws DatabaseError `StorageDamageDetected` otherwise.
 */
function checkTornBatch(context: SegmentContext, offset: number, reason: string): void {
  if (!context.isLast) {
    throw damaged(context.path, offset, `invalid batch (${reason}) in a segment that is not the last`);
  }
  const first = batchHeadersAfter(context.bytes, offset, 1)[0];
  if (first === undefined) return;
  // Enough of them to see whether there are more than the first one's writer can have had in flight.
  const followers = batchHeadersAfter(context.bytes, offset, first.writesInFlight);
  for (const follower of followers) {
    if (follower.previousStart < offset || followers.length > follower.writesInFlight - 1) {
      throw damaged(
        context.path,
        offset,
        `invalid batch (${reason}) followed by a valid batch at ${follower.start} that cannot have been in flight with it`,
      );
    }
  }
}

/** Decodes, checks and hands over the record in `payload` (the frame at `offset`). */
function applyRecord(state: ReadState, context: SegmentContext, offset: number, payload: Uint8Array): void {
  const { tokens, path } = context;
  let record: CommitRecord;
  try {
    record = decodeCommitRecord(payload, { resolveToken: context.resolveToken });
  } catch (error) {
    throw damaged(path, offset, `the record does not decode (${describe(error)})`, error);
  }
  checkOrder(state, path, offset, record.commitTs, context.segment, context.next);
  for (const token of record.tokens) tokens.set(`${token.kind}:${token.id}`, token.name);
  state.recordsRead++;
  state.lastCommitTs = record.commitTs;
  if (record.commitTs > state.options.afterCommitTs) {
    state.options.onRecord(record);
    state.recordsApplied++;
  }
}

function describeFrame(frame: Exclude<DecodedFrame, { kind: 'frame' }>): string {
  return frame.kind === 'torn' ? frame.reason : 'it runs past the batch';
}

function checkHeader(state: ReadState, path: string, segment: WalSegment, header: WalSegmentHeader): void {
  if (!READABLE_WAL_FORMATS.includes(header.formatVersion)) {
    throw damaged(
      path,
      8,
      `unknown WAL format version ${header.formatVersion} (this build reads ${READABLE_WAL_FORMATS.join(', ')}); a newer Quiver wrote it`,
    );
  }
  if (header.firstCommitTs !== segment.firstCommitTs) {
    throw damaged(
      path,
      12,
      `the header says first commit ts ${header.firstCommitTs}, the file name says otherwise`,
    );
  }
  if (state.databaseId !== undefined && header.databaseId !== state.databaseId) {
    throw damaged(
      path,
      22,
      `the segment belongs to database "${header.databaseId}", the others to "${state.databaseId}"`,
    );
  }
  state.databaseId = header.databaseId;
}

function checkOrder(
  state: ReadState,
  path: string,
  offset: number,
  commitTs: number,
  segment: WalSegment,
  next: WalSegment | undefined,
): void {
  if (commitTs <= state.lastCommitTs && state.recordsRead > 0) {
    throw damaged(path, offset, `commit ts ${commitTs} does not follow ${state.lastCommitTs}`);
  }
  if (commitTs < segment.firstCommitTs || (next !== undefined && commitTs >= next.firstCommitTs)) {
    throw damaged(path, offset, `commit ts ${commitTs} lies outside the segment's range`);
  }
}

/**
 * Whether a valid frame holding a later record starts anywhere behind an invalid one: then the invalid
 * frame is damage in the middle of the log, not a torn tail, and the records behind it must not be lost
 * silently. The search is bounded by SCAN_BUDGET_BYTES of checksum work.
 */
function validFrameFollows(bytes: Uint8Array, from: number, lastCommitTs: number): boolean {
  let budget = SCAN_BUDGET_BYTES;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let offset = from + 1; offset + 8 <= bytes.length && budget > 0; offset++) {
    const length = view.getUint32(offset, true);
    if (length === 0 || length > bytes.length - offset - 8) continue;
    budget -= length;
    const frame = decodeFrame(bytes, offset);
    if (frame.kind !== 'frame') continue;
    try {
      // Only the commit ts matters here: token names may have been defined by the damaged record itself,
      // so any name is accepted rather than failing the decode and mistaking damage for a torn tail.
      if (decodeCommitRecord(frame.payload, { resolveToken: anyTokenName }).commitTs > lastCommitTs)
        return true;
    } catch {
      // Not a record: checksum matched by chance inside other bytes.
    }
  }
  return false;
}

/**
 * The bytes of a segment up to its fence (wal-fence.ts), all of them without one. With `repair` the segment
 * is cut at the fence for good and the fence removed; the cut is reported like a torn tail.
 */
async function readFenced(state: ReadState, path: string, segment: string): Promise<Uint8Array> {
  const { fileSystem, directory, repair } = state.options;
  const bytes = (await fileSystem.readFile(path)) ?? new Uint8Array(0);
  const fence = await readWalFence(fileSystem, directory, segment);
  if (fence === undefined) return bytes;
  if (fence === 'invalid') throw damaged(`${path}.fence`, 0, 'the fence does not hold a length');
  if (fence < bytes.length) {
    await cutTornTail(state, path, segment, fence, bytes.length);
  } else if (repair) {
    await removeWalFence(fileSystem, directory, segment);
  }
  return bytes.subarray(0, Math.min(fence, bytes.length));
}

async function cutTornTail(
  state: ReadState,
  path: string,
  segment: string,
  offset: number,
  length: number,
): Promise<void> {
  state.tornTail = { segment, offset, droppedBytes: length - offset };
  const { fileSystem, directory, repair } = state.options;
  if (!repair) return;
  await cutFile(state.options, path, offset);
  // Only now is the cut durable, so only now may a fence that asked for it go.
  if ((await readWalFence(fileSystem, directory, segment)) !== undefined) {
    await removeWalFence(fileSystem, directory, segment);
  }
}

/** Truncates the file at `path` to `length` bytes, durably. */
async function cutFile(options: WalReadOptions, path: string, length: number): Promise<void> {
  const file = await options.fileSystem.openAppend(path);
  try {
    await file.truncate(length);
    await file.sync();
  } finally {
    await file.close();
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function damaged(path: string, offset: number, what: string, cause?: unknown): DatabaseError {
  return storageDamage(
    `WAL segment "${path}" is damaged at offset ${offset}: ${what}. Quiver does not guess past damage: restore the database from a backup, or move this segment and the later ones out of the WAL directory to start from the data before it`,
    cause,
  );
}

/** A token resolver that accepts every token (see `validFrameFollows`). */
function anyTokenName(kind: TokenKind, id: number): string {
  return `${kind}:${id}`;
}
