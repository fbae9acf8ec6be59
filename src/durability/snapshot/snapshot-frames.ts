import type {
  ConstraintDefinition,
  FlatProperties,
  IndexDefinition,
  TokenDefinition,
  TokenKind,
} from '../../storage/index.js';
import type { CypherValue } from '../../values/index.js';
import { ByteReader } from '../codec/byte-reader.js';
import { ByteWriter } from '../codec/byte-writer.js';
import { encodeFrame } from '../codec/frame.js';
import {
  readConstraintDefinition,
  readIndexDefinition,
  readTypedIndexDefinition,
  writeConstraintDefinition,
  writeTypedIndexDefinition,
} from '../codec/record-codec.js';
import { storageDamage } from '../codec/storage-damage.js';
import { readValue, writeValue } from '../codec/value-codec.js';
import { CURRENT_SNAPSHOT_FORMAT, SNAPSHOT_FORMAT_V2 } from '../format-versions.js';
import { SNAPSHOT_FRAME, type SnapshotCounts, type SnapshotHeader } from './snapshot-format.js';

/* The payload codecs of the snapshot frames (layout in snapshot-format.ts). */

const TOKEN_KINDS: readonly TokenKind[] = ['LABEL', 'RELATIONSHIP_TYPE', 'PROPERTY_KEY'];

/**
 * Receives the entities of NODES and RELATIONSHIPS frames as they are decoded (no object per entity). The
 * arrays are fresh and may be kept, except that every empty property list is one shared frozen array.
 */
export interface SnapshotEntitySink {
  node(id: number, labels: number[], properties: FlatProperties): void;
  relationship(id: number, type: number, start: number, end: number, properties: FlatProperties): void;
}

/** A decoded frame payload. */
export type SnapshotFrame =
  | { readonly kind: 'HEADER'; readonly header: Omit<SnapshotHeader, 'formatVersion'> }
  | { readonly kind: 'TOKENS'; readonly tokens: TokenDefinition[] }
  | { readonly kind: 'INDEXES'; readonly indexes: IndexDefinition[] }
  | { readonly kind: 'CONSTRAINTS'; readonly constraints: ConstraintDefinition[] }
  | { readonly kind: 'NODES'; readonly count: number }
  | { readonly kind: 'RELATIONSHIPS'; readonly count: number }
  | { readonly kind: 'FOOTER'; readonly counts: SnapshotCounts };

export function encodeHeaderFrame(header: Omit<SnapshotHeader, 'formatVersion'>): Uint8Array {
  const writer = new ByteWriter(96);
  writer.u8(SNAPSHOT_FRAME.HEADER);
  writer.string(header.databaseId);
  writer.u64(header.commitTs);
  writer.u64(header.nodeHighWaterMark);
  writer.u64(header.relationshipHighWaterMark);
  writer.u64(header.createdAt);
  return encodeFrame(writer.finish());
}

export function encodeTokensFrame(tokens: readonly TokenDefinition[]): Uint8Array {
  const writer = new ByteWriter(16 + tokens.length * 12);
  writer.u8(SNAPSHOT_FRAME.TOKENS);
  writer.varUint(tokens.length);
  for (const token of tokens) {
    writer.u8(TOKEN_KINDS.indexOf(token.kind));
    writer.varUint(token.id);
    writer.string(token.name);
  }
  return encodeFrame(writer.finish());
}

export function encodeIndexesFrame(indexes: readonly IndexDefinition[]): Uint8Array {
  const writer = new ByteWriter(64);
  writer.u8(SNAPSHOT_FRAME.INDEXES);
  writer.varUint(indexes.length);
  // Format 2: every definition carries its type (`writeTypedIndexDefinition`).
  for (const index of indexes) writeTypedIndexDefinition(writer, index);
  return encodeFrame(writer.finish());
}

export function encodeConstraintsFrame(constraints: readonly ConstraintDefinition[]): Uint8Array {
  const writer = new ByteWriter(64);
  writer.u8(SNAPSHOT_FRAME.CONSTRAINTS);
  writer.varUint(constraints.length);
  for (const constraint of constraints) writeConstraintDefinition(writer, constraint);
  return encodeFrame(writer.finish());
}

export function encodeFooterFrame(counts: SnapshotCounts): Uint8Array {
  const writer = new ByteWriter(32);
  writer.u8(SNAPSHOT_FRAME.FOOTER);
  writer.varUint(counts.tokens);
  writer.varUint(counts.indexes);
  writer.varUint(counts.constraints);
  writer.varUint(counts.nodes);
  writer.varUint(counts.relationships);
  writer.varUint(counts.frames);
  return encodeFrame(writer.finish());
}

/** Collects entities into one NODES or RELATIONSHIPS frame. */
export class EntityBatchWriter {
  private writer: ByteWriter;
  private countValue = 0;
  private readonly kind: typeof SNAPSHOT_FRAME.NODES | typeof SNAPSHOT_FRAME.RELATIONSHIPS;

  constructor(kind: typeof SNAPSHOT_FRAME.NODES | typeof SNAPSHOT_FRAME.RELATIONSHIPS) {
    this.kind = kind;
    this.writer = new ByteWriter(1 << 16);
  }

  /** Entities in the batch so far. */
  get count(): number {
    return this.countValue;
  }

  /** Payload bytes so far. */
  get bytes(): number {
    return this.writer.length;
  }

  addNode(id: number, labels: readonly number[], properties: FlatProperties): void {
    const writer = this.writer;
    writer.varUint(id);
    writer.varUint(labels.length);
    for (const label of labels) writer.varUint(label);
    writeFlatProperties(writer, properties);
    this.countValue++;
  }

  addRelationship(id: number, type: number, start: number, end: number, properties: FlatProperties): void {
    const writer = this.writer;
    writer.varUint(id);
    writer.varUint(type);
    writer.varUint(start);
    writer.varUint(end);
    writeFlatProperties(writer, properties);
    this.countValue++;
  }

  /** The batch as a frame (kind, count, entities); the writer starts a new batch. */
  takeFrame(): Uint8Array {
    const body = this.writer.finish();
    const head = new ByteWriter(16);
    head.u8(this.kind);
    head.varUint(this.countValue);
    const prefix = head.finish();
    const payload = new Uint8Array(prefix.length + body.length);
    payload.set(prefix, 0);
    payload.set(body, prefix.length);
    this.writer = new ByteWriter(1 << 16);
    this.countValue = 0;
    return encodeFrame(payload);
  }
}

function writeFlatProperties(writer: ByteWriter, properties: FlatProperties): void {
  writer.varUint(properties.length >>> 1);
  for (let index = 0; index < properties.length; index += 2) {
    writer.varUint(properties[index] as number);
    writeValue(writer, properties[index + 1] as CypherValue);
  }
}

/** Shared by every entity without properties (most relationships): one allocation fewer per entity. */
const NO_PROPERTIES: FlatProperties = Object.freeze([]);

function readFlatProperties(reader: ByteReader): FlatProperties {
  const count = readCount(reader);
  if (count === 0) return NO_PROPERTIES;
  const properties: (number | CypherValue)[] = [];
  for (let index = 0; index < count; index++) properties.push(reader.varUint(), readValue(reader));
  return properties;
}

/** A count that cannot exceed the bytes left (each item takes at least one byte). */
function readCount(reader: ByteReader): number {
  const offset = reader.offset;
  const count = reader.varUint();
  if (count > reader.remaining) {
    throw storageDamage(
      `Malformed snapshot frame at offset ${offset}: count ${count} exceeds the bytes left`,
    );
  }
  return count;
}

function readTokenKind(reader: ByteReader): TokenKind {
  const offset = reader.offset;
  const kind = TOKEN_KINDS[reader.u8()];
  if (kind === undefined) throw storageDamage(`Malformed snapshot frame at offset ${offset}: bad token kind`);
  return kind;
}

/**
 * Decodes one frame payload (every byte must belong to it); entities go to `sink`.
 * @throws DatabaseError StorageDamageDetected for an unknown kind or malformed content.
 */
export function decodeSnapshotFrame(
  payload: Uint8Array,
  sink: SnapshotEntitySink,
  formatVersion: number = CURRENT_SNAPSHOT_FORMAT,
): SnapshotFrame {
  const reader = new ByteReader(payload);
  const kind = reader.u8();
  const frame = decodeBody(kind, reader, sink, formatVersion);
  if (!reader.isAtEnd) {
    throw storageDamage(`Malformed snapshot frame: ${reader.remaining} bytes follow its end`);
  }
  return frame;
}

function decodeBody(
  kind: number,
  reader: ByteReader,
  sink: SnapshotEntitySink,
  formatVersion: number,
): SnapshotFrame {
  switch (kind) {
    case SNAPSHOT_FRAME.HEADER:
      return {
        kind: 'HEADER',
        header: {
          databaseId: reader.string(),
          commitTs: reader.u64(),
          nodeHighWaterMark: reader.u64(),
          relationshipHighWaterMark: reader.u64(),
          createdAt: reader.u64(),
        },
      };
    case SNAPSHOT_FRAME.TOKENS: {
      const count = readCount(reader);
      const tokens: TokenDefinition[] = [];
      for (let index = 0; index < count; index++) {
        tokens.push({ kind: readTokenKind(reader), id: reader.varUint(), name: reader.string() });
      }
      return { kind: 'TOKENS', tokens };
    }
    case SNAPSHOT_FRAME.INDEXES: {
      const count = readCount(reader);
      const indexes: IndexDefinition[] = [];
      const read = formatVersion >= SNAPSHOT_FORMAT_V2 ? readTypedIndexDefinition : readIndexDefinition;
      for (let index = 0; index < count; index++) indexes.push(read(reader));
      return { kind: 'INDEXES', indexes };
    }
    case SNAPSHOT_FRAME.CONSTRAINTS: {
      const count = readCount(reader);
      const constraints: ConstraintDefinition[] = [];
      for (let index = 0; index < count; index++) constraints.push(readConstraintDefinition(reader));
      return { kind: 'CONSTRAINTS', constraints };
    }
    case SNAPSHOT_FRAME.NODES: {
      const count = readCount(reader);
      for (let index = 0; index < count; index++) {
        const id = reader.varUint();
        const labelCount = readCount(reader);
        const labels: number[] = [];
        for (let label = 0; label < labelCount; label++) labels.push(reader.varUint());
        sink.node(id, labels, readFlatProperties(reader));
      }
      return { kind: 'NODES', count };
    }
    case SNAPSHOT_FRAME.RELATIONSHIPS: {
      const count = readCount(reader);
      for (let index = 0; index < count; index++) {
        const id = reader.varUint();
        const type = reader.varUint();
        const start = reader.varUint();
        const end = reader.varUint();
        sink.relationship(id, type, start, end, readFlatProperties(reader));
      }
      return { kind: 'RELATIONSHIPS', count };
    }
    case SNAPSHOT_FRAME.FOOTER:
      return {
        kind: 'FOOTER',
        counts: {
          tokens: reader.varUint(),
          indexes: reader.varUint(),
          constraints: reader.varUint(),
          nodes: reader.varUint(),
          relationships: reader.varUint(),
          frames: reader.varUint(),
        },
      };
    default:
      throw storageDamage(`Malformed snapshot: unknown frame kind ${kind}`);
  }
}
