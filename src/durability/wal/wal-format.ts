/*
 * WAL SEGMENT FORMAT, versions 1 and 2 (WAL_FORMAT_V1, WAL_FORMAT_V2 in ../format-versions.ts)
 *
 * Version 2 is version 1 plus one rule, the reserved tail (below); this build writes version 2 and reads both.
 *
 * The write-ahead log is a sequence of segment files in the WAL directory, named
 *     wal-<first commit ts, 20 decimal digits, zero-padded>.log      e.g. wal-00000000000000000042.log
 * so that sorting the names sorts the segments. All integers are little-endian.
 *
 * Segment header (26 + N bytes):
 *     offset 0   8 bytes  magic "QVRWAL01" (51 56 52 57 41 4C 30 31)
 *     offset 8   u32      format version (1 or 2)
 *     offset 12  u64      first commit ts: every record of the segment has commitTs >= it, and it equals
 *                         the number in the file name
 *     offset 20  u16      N, the byte length of the database id
 *     offset 22  N bytes  database id, UTF-8 (the same in every segment of a database)
 *     offset 22+N u32     CRC-32C of bytes [0, 22+N)
 * The writer syncs the header (and the directory entry) before any record is appended.
 *
 * Then frames, back to back, up to the end of the file (codec/frame.ts):
 *     u32 payload length | u32 CRC-32C over the 4 length bytes and the payload | payload
 * Each payload is one commit record (codec/record-codec.ts). A record lists every token it uses; the name of
 * a token is written only the first time the segment needs it and omitted afterwards, so each segment can be
 * read on its own and a record is made self-contained again when read.
 *
 * Reserved tail (version 2 only): after its last frame a segment may hold zero bytes up to the end of the
 * file. The writer, under the fsync-per-commit policy, writes zeros a few MiB ahead of its records and syncs
 * them, then overwrites them in place: syncing a write that changes no file size needs no journal commit on
 * ext4 or XFS, about half the cost of syncing an append. A frame never starts with 8 zero bytes (no record
 * is empty, and the checksum of an empty frame is not 0), so a run of zeros that reaches the end of the file,
 * where a frame would start, is the end of the segment. The writer cuts the zeros off when it closes a
 * segment (rotation, clean shutdown); recovery cuts them off a segment it repairs. A crash can leave them in
 * any segment. In a version 1 segment, zeros where a frame would start are a torn frame (rule below).
 *
 * Validity rule: a segment is valid when its header is complete, its magic and checksum match, its version
 * is readable and its database id equals that of the other segments; a frame is valid when complete and its
 * checksum matches. Commit timestamps strictly increase across all records of all segments, and the records
 * of a segment are below the first commit ts of the next segment.
 *
 * Torn-tail rule: a crash can leave only the end of the LAST segment incomplete (unsynced appends are lost
 * or kept in part). So the last segment may end in one invalid frame (incomplete, or a checksum mismatch)
 * after which no valid frame follows; it is cut there, and with a truncate + sync it is as if never written.
 * A last segment whose header is incomplete or fails its checksum and holds nothing else (a crash while a
 * segment was being created) is removed. Anything else invalid — a bad header or an invalid frame in an
 * earlier segment, an invalid frame followed by a valid one, non-increasing commit timestamps, an unknown
 * version, another database's id — is damage: recovery stops with StorageDamageDetected instead of guessing.
 * The rule assumes that an interrupted write keeps a prefix of its bytes. That holds for a killed process (the
 * kernel keeps every write it accepted) and is what the fault-injecting file system models. After a power
 * loss, a write that spans two disk pages can keep its second page without its first; recovery then finds an
 * invalid frame followed by valid ones and stops as for damage, although no acknowledged commit is missing
 * (a write is acknowledged only once all of it is synced). Telling the two apart needs the extent of each
 * write in the log (a batch header), which this format does not have.
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
