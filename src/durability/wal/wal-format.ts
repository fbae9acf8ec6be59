/*
 * WAL SEGMENT FORMAT, versions 1 to 5 (WAL_FORMAT_V1..V5 in ../format-versions.ts)
 *
 * Version 2 is version 1 plus the reserved tail; version 3 is version 2 with the frames of each write in a
 * batch (below). Versions 4 and 5 have version 3's layout; only their records may hold more kinds of
 * change (typed indexes from 4, FULLTEXT indexes from 5: codec/record-codec.ts). This build writes
 * version 5 and reads all five.
 *
 * The write-ahead log is a sequence of segment files in the WAL directory, named
 *     wal-<first commit ts, 20 decimal digits, zero-padded>.log      e.g. wal-00000000000000000042.log
 * so that sorting the names sorts the segments. All integers are little-endian.
 *
 * Segment header (26 + N bytes):
 *     offset 0   8 bytes  magic "QVRWAL01" (51 56 52 57 41 4C 30 31)
 *     offset 8   u32      format version (1 to 5)
 *     offset 12  u64      first commit ts: every record of the segment has commitTs >= it, and it equals
 *                         the number in the file name
 *     offset 20  u16      N, the byte length of the database id
 *     offset 22  N bytes  database id, UTF-8 (the same in every segment of a database)
 *     offset 22+N u32     CRC-32C of bytes [0, 22+N)
 * The writer syncs the header (and the directory entry) before any record is appended.
 *
 * Frames (codec/frame.ts):
 *     u32 payload length | u32 CRC-32C over the 4 length bytes and the payload | payload
 * Each payload is one commit record (codec/record-codec.ts). A record lists every token it uses; the name of
 * a token is written only the first time the segment needs it and omitted afterwards, so each segment can be
 * read on its own and a record is made self-contained again when read.
 *
 * Versions 1 and 2: frames back to back from the end of the header.
 *
 * Version 3: batches back to back from the end of the header. A batch is what the writer hands to the disk
 * in one write: a batch header (wal-batch.ts), then one or more frames filling exactly its frame bytes.
 *     offset 0   4 bytes  batch magic "QVB3" (51 56 42 33)
 *     offset 4   u32      frame bytes: the length of the frames after the header
 *     offset 8   u64      the batch's own offset in the segment
 *     offset 16  u64      the offset of the batch before it in the segment (0 for the first batch)
 *     offset 24  u16      writes the writer kept in flight at most when it wrote the batch (1 or more)
 *     offset 26  u16      0 (reserved)
 *     offset 28  u32      CRC-32C of bytes [0, 28)
 * A batch is valid when its header is whole, its magic and checksum match, it names its own offset and the
 * batch before it correctly, and its frames are complete, valid and fill its frame bytes exactly. The writer
 * issues a batch while up to `writes in flight - 1` earlier ones are still being written (each lands at its
 * own offset, in any order), and acknowledges batches strictly in log order.
 *
 * Reserved tail (versions 2 and 3): after its last frame (batch) a segment may hold zero bytes up to the end
 * of the file. The writer, under the fsync-per-commit policy, writes zeros a few MiB ahead of its records
 * and syncs them, then overwrites them in place: syncing a write that changes no file size needs no journal
 * commit on ext4 or XFS, about half the cost of syncing an append. Neither a frame nor a batch starts with a
 * zero byte run to the end of the file (no record is empty, the checksum of an empty frame is not 0, a batch
 * starts with its magic), so a run of zeros that reaches the end of the file, where a frame or batch would
 * start, is the end of the segment. The writer cuts the zeros off when it closes a segment (rotation, clean
 * shutdown); recovery cuts them off a segment it repairs. A crash can leave them in any segment. In a
 * version 1 segment, zeros where a frame would start are a torn frame (rule below).
 *
 * Validity rule: a segment is valid when its header is complete, its magic and checksum match, its version
 * is readable and its database id equals that of the other segments; a frame is valid when complete and its
 * checksum matches. Commit timestamps strictly increase across all records of all segments, and the records
 * of a segment are below the first commit ts of the next segment.
 *
 * Torn-tail rule: a crash can leave only the end of the LAST segment incomplete (the writer finishes a
 * segment's writes before it starts the next segment). A last segment whose header is incomplete or fails
 * its checksum and holds nothing else (a crash while a segment was being created) is removed. Then:
 *   - Versions 1 and 2 (one write in flight; unsynced appends are lost or kept in part, as a prefix): the
 *     last segment may end in one invalid frame (incomplete, or a checksum mismatch) after which no valid
 *     frame follows; it is cut there, and with a truncate + sync it is as if never written.
 *   - Version 3: the first invalid batch of the last segment is the oldest write that was in flight at the
 *     crash, and only writes issued after it can have landed behind it, in any order and in any part. So it
 *     is cut at the start of that batch, with everything behind it, when every valid batch header behind it
 *     names a batch before it at or after the invalid batch's offset, and there are fewer of them than the
 *     writes in flight they name. None of the cut batches was acknowledged: a batch is acknowledged only
 *     when it and every batch before it are durable. This also covers a power loss that keeps a later disk
 *     page of a write without an earlier one.
 * Anything else invalid — a bad header or an invalid frame or batch in an earlier segment, an invalid frame
 * or batch followed by valid ones that cannot have been in flight with it, non-increasing commit timestamps,
 * an unknown version, another database's id — is damage: recovery stops with StorageDamageDetected instead
 * of guessing. Damage to the last batch or two is indistinguishable from a torn tail and is cut like one (as
 * damage to the last frame is in versions 1 and 2): a checksum cannot tell a torn write from a damaged one.
 *
 * Fence rule (wal-fence.ts): a segment with a `<name>.fence` file ends at the length the fence holds; the
 * writer leaves one when it could not cut a failed write off the segment.
 *
 * Replay rule: read the segments in name order and the frames in file order; apply each record whose
 * commitTs is above the snapshot's commit ts, exactly once, in that order.
 */
import { invariant } from '../../errors/index.js';
import { ByteReader } from '../codec/byte-reader.js';
import { ByteWriter } from '../codec/byte-writer.js';
import { crc32c } from '../codec/crc32c.js';
import { utf8DecoderFatal, utf8Encoder } from '../../util/index.js';

/** "QVRWAL01": the first 8 bytes of every segment. */
export const WAL_MAGIC: Uint8Array = utf8Encoder.encode('QVRWAL01');
/** Header bytes before the database id. */
const FIXED_HEADER_BYTES = 22;
/** The longest database id a header can hold (u16 length). */
export const MAX_DATABASE_ID_BYTES = 0xffff;

/** The fields of a segment header. */
export interface WalSegmentHeader {
  readonly formatVersion: number;
  readonly firstCommitTs: number;
  readonly databaseId: string;
}

/** What `decodeWalHeader` found at the start of a segment. */
export type DecodedWalHeader =
  | { readonly kind: 'header'; readonly header: WalSegmentHeader; readonly end: number }
  | { readonly kind: 'torn'; readonly reason: string; readonly declaredEnd: number | undefined }
  | { readonly kind: 'foreign'; readonly reason: string };

const SEGMENT_NAME = /^wal-(\d{20})\.log$/;

/** The file name of the segment whose first commit ts is `firstCommitTs`. */
export function walSegmentName(firstCommitTs: number): string {
  return `wal-${String(firstCommitTs).padStart(20, '0')}.log`;
}

/** The first commit ts a segment file name stands for, or undefined when it is not a segment name. */
export function parseWalSegmentName(name: string): number | undefined {
  const digits = SEGMENT_NAME.exec(name)?.[1];
  if (digits === undefined) return undefined;
  const value = Number(digits);
  return Number.isSafeInteger(value) ? value : undefined;
}

/**
 * Whether every byte of `bytes` from `offset` on is zero: format 2's reserved tail (the end of the records),
 * or nothing at all when `offset` is the end.
 */
export function isZeroTail(bytes: Uint8Array, offset: number): boolean {
  for (let index = offset; index < bytes.length; index++) if (bytes[index] !== 0) return false;
  return true;
}

/** Encodes a segment header (layout above). */
export function encodeWalHeader(header: WalSegmentHeader): Uint8Array {
  const id = utf8Encoder.encode(header.databaseId);
  invariant(id.length <= MAX_DATABASE_ID_BYTES, 'A database id must fit 65,535 UTF-8 bytes');
  const writer = new ByteWriter(FIXED_HEADER_BYTES + id.length + 4);
  writer.bytes(WAL_MAGIC);
  writer.u32(header.formatVersion);
  writer.u64(header.firstCommitTs);
  writer.u8(id.length & 0xff);
  writer.u8(id.length >>> 8);
  writer.bytes(id);
  const body = writer.finish();
  const checksum = new ByteWriter(4);
  checksum.u32(crc32c(body));
  const bytes = new Uint8Array(body.length + 4);
  bytes.set(body);
  bytes.set(checksum.finish(), body.length);
  return bytes;
}

/**
 * Decodes the header at the start of `bytes`: `foreign` when the magic does not match (not a segment, or
 * its first bytes damaged), `torn` when incomplete or its checksum fails (`declaredEnd`: where the header
 * would end, when its length field could be read).
 */
export function decodeWalHeader(bytes: Uint8Array): DecodedWalHeader {
  const magicLength = Math.min(bytes.length, WAL_MAGIC.length);
  for (let index = 0; index < magicLength; index++) {
    if (bytes[index] !== WAL_MAGIC[index]) return { kind: 'foreign', reason: 'the magic bytes do not match' };
  }
  if (bytes.length < FIXED_HEADER_BYTES) {
    return { kind: 'torn', reason: `incomplete header (${bytes.length} bytes)`, declaredEnd: undefined };
  }
  const reader = new ByteReader(bytes, WAL_MAGIC.length);
  const formatVersion = reader.u32();
  const low = reader.u32();
  const high = reader.u32();
  const idLength = reader.u8() | (reader.u8() << 8);
  const end = FIXED_HEADER_BYTES + idLength + 4;
  if (bytes.length < end) {
    return { kind: 'torn', reason: `incomplete header (${bytes.length} of ${end} bytes)`, declaredEnd: end };
  }
  const stored = new DataView(bytes.buffer, bytes.byteOffset + end - 4, 4).getUint32(0, true);
  if (crc32c(bytes.subarray(0, end - 4)) !== stored) {
    return { kind: 'torn', reason: 'header checksum mismatch', declaredEnd: end };
  }
  const firstCommitTs = high * 0x1_0000_0000 + low;
  let databaseId: string;
  try {
    databaseId = utf8DecoderFatal.decode(bytes.subarray(FIXED_HEADER_BYTES, FIXED_HEADER_BYTES + idLength));
  } catch {
    return { kind: 'foreign', reason: 'the database id is not UTF-8' };
  }
  if (!Number.isSafeInteger(firstCommitTs)) {
    return { kind: 'foreign', reason: 'the first commit ts is beyond 2^53 - 1' };
  }
  return { kind: 'header', header: { formatVersion, firstCommitTs, databaseId }, end };
}
