import { crc32c } from '../codec/crc32c.js';

/*
 * The batch header of WAL format 3 (layout in wal-format.ts): each write of the writer is one batch, and its
 * header says where the batch lies, where the batch before it lies, and how many writes the writer kept in
 * flight at most, so that recovery can tell writes that were still in flight at a crash from damage.
 */

/** Bytes of a batch header. */
export const BATCH_HEADER_BYTES = 32;
/** The first 4 bytes of a batch header: "QVB3" (51 56 42 33). */
const BATCH_MAGIC = [0x51, 0x56, 0x42, 0x33] as const;

/** The fields of a batch header. */
export interface WalBatchHeader {
  /** The batch's own offset in its segment (where its header starts). */
  readonly start: number;
  /** Bytes of the frames after the header. */
  readonly frameBytes: number;
  /** The offset of the batch written before it in the same segment; 0 for the first batch of a segment. */
  readonly previousStart: number;
  /** How many writes the writer kept in flight at most when it wrote the batch (1 or more). */
  readonly writesInFlight: number;
}

/** Writes the header of `header` into the first BATCH_HEADER_BYTES bytes of `target`. */
export function writeBatchHeader(target: Uint8Array, header: WalBatchHeader): void {
  const view = new DataView(target.buffer, target.byteOffset, BATCH_HEADER_BYTES);
  target.set(BATCH_MAGIC, 0);
  view.setUint32(4, header.frameBytes, true);
  setU64(view, 8, header.start);
  setU64(view, 16, header.previousStart);
  view.setUint16(24, header.writesInFlight, true);
  view.setUint16(26, 0, true);
  view.setUint32(28, crc32c(target.subarray(0, 28)), true);
}

/**
 * The batch header at `offset` of `bytes`, or undefined unless one is there whole, with its magic and
 * checksum matching and its own offset equal to `offset` (bytes of an old or misplaced batch never pass).
 */
export function decodeBatchHeader(bytes: Uint8Array, offset: number): WalBatchHeader | undefined {
  if (bytes.length - offset < BATCH_HEADER_BYTES) return undefined;
  for (let index = 0; index < BATCH_MAGIC.length; index++) {
    if (bytes[offset + index] !== BATCH_MAGIC[index]) return undefined;
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset + offset, BATCH_HEADER_BYTES);
  if (crc32c(bytes.subarray(offset, offset + 28)) !== view.getUint32(28, true)) return undefined;
  const start = getU64(view, 8);
  const previousStart = getU64(view, 16);
  const writesInFlight = view.getUint16(24, true);
  if (start !== offset || previousStart >= start || writesInFlight < 1) return undefined;
  return { start, frameBytes: view.getUint32(4, true), previousStart, writesInFlight };
}

/**
 * The valid batch headers that start after `from` in `bytes`, in file order; the search stops after
 * `limit` of them (callers only need to know whether there are more than some number).
 */
export function batchHeadersAfter(bytes: Uint8Array, from: number, limit: number): WalBatchHeader[] {
  const found: WalBatchHeader[] = [];
  const first = BATCH_MAGIC[0];
  for (
    let offset = bytes.indexOf(first, from + 1);
    offset !== -1;
    offset = bytes.indexOf(first, offset + 1)
  ) {
    const header = decodeBatchHeader(bytes, offset);
    if (header === undefined) continue;
    found.push(header);
    if (found.length >= limit) break;
  }
  return found;
}

function setU64(view: DataView, at: number, value: number): void {
  view.setUint32(at, value % 0x1_0000_0000, true);
  view.setUint32(at + 4, Math.floor(value / 0x1_0000_0000), true);
}

function getU64(view: DataView, at: number): number {
  return view.getUint32(at + 4, true) * 0x1_0000_0000 + view.getUint32(at, true);
}
