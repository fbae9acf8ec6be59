/*
 * SNAPSHOT FILE FORMAT, versions 1 to 3 (SNAPSHOT_FORMAT_V1 to V3). All integers little-endian; "var" is unsigned LEB128
 * (ByteWriter.varUint), "string" is ByteWriter.string (var length/form, then the bytes), "value" is a tagged
 * property value (codec/value-codec.ts).
 *
 * A snapshot holds the whole committed graph as of one commit timestamp: every entity and schema rule a
 * transaction beginning right after that commit would see. File name: `snapshot-<commit ts, 20 digits>.snap`
 * (written as `….snap.tmp`, synced, renamed, directory synced).
 *
 *   offset 0   8 bytes   magic "QVRSNAP\0" (0x51 0x56 0x52 0x53 0x4E 0x41 0x50 0x00)
 *   offset 8   u32       format version (1, 2 or 3)
 *   offset 12  frames, each `u32 payload length | u32 CRC-32C over the 4 length bytes and the payload |
 *              payload` (codec/frame.ts). Every payload starts with a u8 frame kind:
 *
 *   1 HEADER        string database id (the UUID inside element ids), u64 snapshot commit ts,
 *                   u64 node id high-water mark, u64 relationship id high-water mark (one past the highest
 *                   id ever handed out, so ids of deleted entities are never reused), u64 creation time
 *                   (ms since the epoch)
 *   2 TOKENS        var count, then per token: u8 kind (0 LABEL, 1 RELATIONSHIP_TYPE, 2 PROPERTY_KEY),
 *                   var id, string name
 *   3 INDEXES       var count, then index definitions as in the WAL record format (record-codec
 *                   `writeIndexDefinition` in format 1; `writeTypedIndexDefinition`, with the index type
 *                   and vector settings, in format 2; format 3 adds FULLTEXT definitions, as in WAL
 *                   format 5); indexes owned by a constraint are not listed
 *   4 CONSTRAINTS   var count, then constraint definitions (record-codec `writeConstraintDefinition`)
 *   5 NODES         var count, then per node (ids ascending across all NODES frames): var id, var label
 *                   count, var label tokens, var property count, then (var key token, value) pairs
 *   6 RELATIONSHIPS var count, then per relationship (ids ascending): var id, var type token, var start node,
 *                   var end node, var property count, (var key token, value) pairs
 *   7 FOOTER        var tokens, var indexes, var constraints, var nodes, var relationships (totals of the
 *                   frames above), var frame count (every frame before the footer, header included)
 *
 * Frame order: HEADER, TOKENS, INDEXES, CONSTRAINTS (exactly one each, in this order), then any number of
 * NODES frames, then any number of RELATIONSHIPS frames, then FOOTER, then the end of the file.
 *
 * VALIDITY RULE: a snapshot is valid (complete) when the magic matches, its version is readable
 * (READABLE_SNAPSHOT_FORMATS), every frame is whole with a matching checksum and a well-formed payload, the
 * frames come in the order above, the footer is present and its counts match what was read, and no byte
 * follows the footer. Anything else makes the file invalid: a snapshot is never repaired or read in part
 * (the WAL before its timestamp may be retired, so there is nothing to fall back on but an older backup).
 *
 * LOAD RULE: tokens, then nodes, then relationships go into an empty store under their own ids; the high-
 * water marks are restored; indexes are built and constraints registered over the loaded data; the store's
 * clock is set to the snapshot commit ts. WAL records with a greater commit ts are then replayed.
 */
import { storageDamage } from '../codec/storage-damage.js';

/** The 8 magic bytes that open every snapshot file: "QVRSNAP" and a zero byte. */
export const SNAPSHOT_MAGIC: Uint8Array = Uint8Array.of(0x51, 0x56, 0x52, 0x53, 0x4e, 0x41, 0x50, 0x00);

/** Magic plus the u32 format version. */
export const SNAPSHOT_PREAMBLE_BYTES = 12;

/** The u8 that starts every frame payload. Part of the format: never renumber. */
export const SNAPSHOT_FRAME = {
  HEADER: 1,
  TOKENS: 2,
  INDEXES: 3,
  CONSTRAINTS: 4,
  NODES: 5,
  RELATIONSHIPS: 6,
  FOOTER: 7,
} as const;

export type SnapshotFrameKind = (typeof SNAPSHOT_FRAME)[keyof typeof SNAPSHOT_FRAME];

/** Frames larger than this are damage (a writer never produces them: batches are bounded). */
export const MAX_SNAPSHOT_FRAME_BYTES = 1 << 30;

/** What the HEADER frame holds. */
export interface SnapshotHeader {
  readonly formatVersion: number;
  readonly databaseId: string;
  /** Every commit at or below it is in the snapshot. */
  readonly commitTs: number;
  readonly nodeHighWaterMark: number;
  readonly relationshipHighWaterMark: number;
  /** When the snapshot was taken, in ms since the epoch. */
  readonly createdAt: number;
}

/** What the FOOTER frame holds: totals that mark a complete file. */
export interface SnapshotCounts {
  readonly tokens: number;
  readonly indexes: number;
  readonly constraints: number;
  readonly nodes: number;
  readonly relationships: number;
  /** Frames before the footer, header included. */
  readonly frames: number;
}

/** The 12-byte preamble for `formatVersion`. */
export function encodeSnapshotPreamble(formatVersion: number): Uint8Array {
  const bytes = new Uint8Array(SNAPSHOT_PREAMBLE_BYTES);
  bytes.set(SNAPSHOT_MAGIC, 0);
  new DataView(bytes.buffer).setUint32(8, formatVersion, true);
  return bytes;
}

/**
 * The format version in a preamble.
 * @throws DatabaseError StorageDamageDetected when the bytes are too short or the magic does not match.
 */
export function decodeSnapshotPreamble(bytes: Uint8Array, file: string): number {
  if (bytes.length < SNAPSHOT_PREAMBLE_BYTES) {
    throw storageDamage(`Snapshot "${file}" is too short to be a snapshot (${bytes.length} bytes)`);
  }
  for (let index = 0; index < SNAPSHOT_MAGIC.length; index++) {
    if (bytes[index] !== SNAPSHOT_MAGIC[index]) {
      throw storageDamage(`File "${file}" is not a Quiver snapshot (wrong magic bytes)`);
    }
  }
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(8, true);
}
