import type { DatabaseError } from '../../errors/index.js';
import type {
  BulkLoader,
  ConstraintDefinition,
  FlatProperties,
  GraphStore,
  IndexDefinition,
  TokenDefinition,
} from '../../storage/index.js';
import { decodeFrame, FRAME_HEADER_BYTES } from '../codec/frame.js';
import { storageDamage } from '../codec/storage-damage.js';
import type { FileSystem } from '../file-system.js';
import { READABLE_SNAPSHOT_FORMATS } from '../format-versions.js';
import { decodeSnapshotFrame, type SnapshotEntitySink, type SnapshotFrame } from './snapshot-frames.js';
import {
  decodeSnapshotPreamble,
  MAX_SNAPSHOT_FRAME_BYTES,
  SNAPSHOT_PREAMBLE_BYTES,
  type SnapshotCounts,
  type SnapshotHeader,
} from './snapshot-format.js';

/** Positional reads over a snapshot's bytes (a `ReadableFile`, or bytes in memory). */
export interface SnapshotByteSource {
  /** Named in error messages. */
  readonly path: string;
  readonly size: number;
  read(position: number, length: number): Promise<Uint8Array>;
}

/** Receives a snapshot's content while it is read and validated (every callback optional). */
export interface SnapshotVisitor {
  header?(header: SnapshotHeader): void;
  tokens?(tokens: readonly TokenDefinition[]): void;
  indexes?(indexes: readonly IndexDefinition[]): void;
  constraints?(constraints: readonly ConstraintDefinition[]): void;
  /** Properties are fresh arrays (an empty list is one shared frozen array). */
  node?(id: number, labels: number[], properties: FlatProperties): void;
  relationship?(id: number, type: number, start: number, end: number, properties: FlatProperties): void;
}

/** A snapshot read to its end and found valid. */
export interface SnapshotReadResult {
  readonly header: SnapshotHeader;
  readonly counts: SnapshotCounts;
  readonly bytes: number;
}

/** Which frame may come next (the order rule of snapshot-format.ts). */
const NEXT_ALLOWED: Record<SnapshotFrame['kind'] | 'START', readonly SnapshotFrame['kind'][]> = {
  START: ['HEADER'],
  HEADER: ['TOKENS'],
  TOKENS: ['INDEXES'],
  INDEXES: ['CONSTRAINTS'],
  CONSTRAINTS: ['NODES', 'RELATIONSHIPS', 'FOOTER'],
  NODES: ['NODES', 'RELATIONSHIPS', 'FOOTER'],
  RELATIONSHIPS: ['RELATIONSHIPS', 'FOOTER'],
  FOOTER: [],
};

const ADVICE = 'restore the database from a backup, or move the damaged file away to recover from older data';

/**
 * Reads a whole snapshot, checking the validity rule of snapshot-format.ts (magic, readable version, every
 * frame whole with a matching checksum, frame order, footer counts, nothing after the footer), and hands
 * its content to `visitor` as it goes. Content reaches the visitor before the footer is checked, so a
 * caller that loads it must discard the result when this rejects.
 * @throws DatabaseError StorageDamageDetected naming the file and offset when the snapshot is not valid;
 * errors thrown by the visitor are reported the same way (the content does not fit).
 */
export async function readSnapshot(
  source: SnapshotByteSource,
  visitor: SnapshotVisitor = {},
): Promise<SnapshotReadResult> {
  const file = source.path;
  const input = new ReadAhead(source);
  const version = decodeSnapshotPreamble(await input.read(0, SNAPSHOT_PREAMBLE_BYTES), file);
  if (!READABLE_SNAPSHOT_FORMATS.includes(version)) {
    throw storageDamage(
      `Snapshot "${file}" has format version ${version}, which this build cannot read (it reads ${READABLE_SNAPSHOT_FORMATS.join(', ')}): ` +
        'open the database with the Quiver version that wrote it',
    );
  }
  let position = SNAPSHOT_PREAMBLE_BYTES;
  let previous: SnapshotFrame['kind'] | 'START' = 'START';
  let header: SnapshotHeader | undefined;
  const seen = { tokens: 0, indexes: 0, constraints: 0, nodes: 0, relationships: 0, frames: 0 };
  let lastNode = -1;
  let lastRelationship = -1;
  const sink: SnapshotEntitySink = {
    node: (id, labels, properties) => {
      if (id <= lastNode) throw storageDamage(`node ids are not ascending (${id} after ${lastNode})`);
      lastNode = id;
      visitor.node?.(id, labels, properties);
    },
    relationship: (id, type, start, end, properties) => {
      if (id <= lastRelationship) {
        throw storageDamage(`relationship ids are not ascending (${id} after ${lastRelationship})`);
      }
      lastRelationship = id;
      visitor.relationship?.(id, type, start, end, properties);
    },
  };
  for (;;) {
    const frameStart = position;
    const damage = (what: string, cause?: unknown): DatabaseError =>
      storageDamage(`Snapshot "${file}" is damaged at offset ${frameStart}: ${what}; ${ADVICE}`, cause);
    if (position >= source.size) throw damage('the file ends before its footer (an incomplete snapshot)');
    if (source.size - position < FRAME_HEADER_BYTES) throw damage('an incomplete frame header');
    const head = await input.read(position, FRAME_HEADER_BYTES);
    const length = new DataView(head.buffer, head.byteOffset, head.byteLength).getUint32(0, true);
    if (length > MAX_SNAPSHOT_FRAME_BYTES || length > source.size - position - FRAME_HEADER_BYTES) {
      throw damage(`a frame of ${length} bytes that the file cannot hold`);
    }
    const bytes = await input.read(position, FRAME_HEADER_BYTES + length);
    const decoded = decodeFrame(bytes, 0);
    if (decoded.kind !== 'frame') throw damage(decoded.kind === 'torn' ? decoded.reason : 'a missing frame');
    position += FRAME_HEADER_BYTES + length;
    let frame: SnapshotFrame;
    try {
      frame = decodeSnapshotFrame(decoded.payload, sink, version);
    } catch (error) {
      throw damage(error instanceof Error ? error.message : String(error), error);
    }
    if (!NEXT_ALLOWED[previous].includes(frame.kind)) {
      throw damage(`a ${frame.kind} frame where ${NEXT_ALLOWED[previous].join(' or ')} must come`);
    }
    previous = frame.kind;
    try {
      if (frame.kind === 'FOOTER') {
        checkFooter(frame.counts, seen);
        if (position !== source.size)
          throw storageDamage(`${source.size - position} bytes follow the footer`);
        if (header === undefined) throw storageDamage('the header is missing');
        return { header, counts: frame.counts, bytes: position };
      }
      seen.frames++;
      switch (frame.kind) {
        case 'HEADER':
          header = { formatVersion: version, ...frame.header };
          visitor.header?.(header);
          break;
        case 'TOKENS':
          seen.tokens += frame.tokens.length;
          visitor.tokens?.(frame.tokens);
          break;
        case 'INDEXES':
          seen.indexes += frame.indexes.length;
          visitor.indexes?.(frame.indexes);
          break;
        case 'CONSTRAINTS':
          seen.constraints += frame.constraints.length;
          visitor.constraints?.(frame.constraints);
          break;
        case 'NODES':
          seen.nodes += frame.count;
          break;
        case 'RELATIONSHIPS':
          seen.relationships += frame.count;
          break;
      }
    } catch (error) {
      throw damage(error instanceof Error ? error.message : String(error), error);
    }
  }
}

/** Bytes read from the source at once: frames are small, so most are found in the window already read. */
const READ_AHEAD_BYTES = 4 << 20;

/** Reads a byte source through a window of READ_AHEAD_BYTES, so a frame costs no I/O call of its own. */
class ReadAhead {
  private readonly source: SnapshotByteSource;
  private window: Uint8Array = new Uint8Array(0);
  private windowStart = 0;

  constructor(source: SnapshotByteSource) {
    this.source = source;
  }

  /** The bytes [position, position + length) (fewer at the end of the source). */
  async read(position: number, length: number): Promise<Uint8Array> {
    const offset = position - this.windowStart;
    if (offset < 0 || offset + length > this.window.length) {
      const wanted = Math.min(Math.max(length, READ_AHEAD_BYTES), Math.max(0, this.source.size - position));
      this.window = await this.source.read(position, wanted);
      this.windowStart = position;
      return this.window.subarray(0, length);
    }
    return this.window.subarray(offset, offset + length);
  }
}

function checkFooter(counts: SnapshotCounts, seen: SnapshotCounts): void {
  for (const key of ['tokens', 'indexes', 'constraints', 'nodes', 'relationships', 'frames'] as const) {
    if (counts[key] !== seen[key]) {
      throw storageDamage(`the footer counts ${counts[key]} ${key} but the file holds ${seen[key]}`);
    }
  }
}

/** Bytes in memory as a byte source. */
export function memorySnapshotSource(bytes: Uint8Array, path = '<memory>'): SnapshotByteSource {
  return {
    path,
    size: bytes.length,
    read: (position, length) =>
      Promise.resolve(bytes.subarray(position, Math.min(bytes.length, position + length))),
  };
}

/** Reads a snapshot file through `fileSystem` (see `readSnapshot`). */
export async function readSnapshotFile(
  fileSystem: FileSystem,
  path: string,
  visitor: SnapshotVisitor = {},
): Promise<SnapshotReadResult> {
  const file = await fileSystem.openRead(path);
  try {
    return await readSnapshot(file, visitor);
  } finally {
    await file.close();
  }
}

/**
 * Validates a snapshot file and loads it into the store `createStore` returns for its header (an empty
 * store: the database id comes from the file), then builds its indexes and sets its clock.
 * @throws DatabaseError StorageDamageDetected when the file is not valid or does not fit.
 */
export async function loadSnapshotFile(options: {
  readonly fileSystem: FileSystem;
  readonly path: string;
  readonly createStore: (header: SnapshotHeader) => GraphStore;
}): Promise<SnapshotReadResult & { readonly store: GraphStore }> {
  let store: GraphStore | undefined;
  let loader: BulkLoader | undefined;
  let indexes: readonly IndexDefinition[] = [];
  let constraints: readonly ConstraintDefinition[] = [];
  const need = (): BulkLoader => {
    if (loader === undefined) throw storageDamage('content before the header');
    return loader;
  };
  const result = await readSnapshotFile(options.fileSystem, options.path, {
    header: (header) => {
      store = options.createStore(header);
      loader = store.beginBulkLoad();
    },
    tokens: (tokens) => {
      const target = need();
      for (const token of tokens) target.restoreToken(token);
    },
    indexes: (definitions) => {
      indexes = definitions;
    },
    constraints: (definitions) => {
      constraints = definitions;
    },
    node: (id, labels, properties) => {
      need().addNode(id, labels, properties);
    },
    relationship: (id, type, start, end, properties) => {
      need().addRelationship(id, type, start, end, properties);
    },
  });
  const { header } = result;
  try {
    need().finish({
      commitTs: header.commitTs,
      nodeHighWaterMark: header.nodeHighWaterMark,
      relationshipHighWaterMark: header.relationshipHighWaterMark,
      indexes,
      constraints,
    });
  } catch (error) {
    throw storageDamage(
      `Snapshot "${options.path}" does not fit together (its schema or clock): ${error instanceof Error ? error.message : String(error)}; ${ADVICE}`,
      error,
    );
  }
  if (store === undefined) throw storageDamage(`Snapshot "${options.path}" has no header`);
  return { ...result, store };
}
