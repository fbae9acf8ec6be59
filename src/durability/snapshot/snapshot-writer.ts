import type { GraphStore, StoreSnapshotSource } from '../../storage/index.js';
import { CURRENT_SNAPSHOT_FORMAT } from '../format-versions.js';
import {
  EntityBatchWriter,
  encodeConstraintsFrame,
  encodeFooterFrame,
  encodeHeaderFrame,
  encodeIndexesFrame,
  encodeTokensFrame,
} from './snapshot-frames.js';
import {
  encodeSnapshotPreamble,
  SNAPSHOT_FRAME,
  type SnapshotCounts,
  type SnapshotHeader,
} from './snapshot-format.js';

/** Where an encoded snapshot goes, in order: a file, a socket, memory. Each call is awaited before the next. */
export type SnapshotSink = (bytes: Uint8Array) => Promise<void>;

/** How to encode a snapshot. */
export interface SnapshotEncodeOptions {
  /** Entity ids looked at per scan slice (one step of the encoder). Default 4096. */
  readonly batchSize?: number;
  /** Payload bytes after which an entity frame is cut, even inside a slice. Default 1 MiB. */
  readonly frameBytes?: number;
  /** The clock for the header's creation time (tests). Default `Date.now`. */
  readonly now?: () => number;
}

/** How to cut a snapshot into chunks (`encodeSnapshotChunks`). */
export interface SnapshotChunkOptions extends SnapshotEncodeOptions {
  /** Bytes per chunk (the last one may be shorter). Default 64 KiB. */
  readonly chunkBytes?: number;
}

/** What was written. */
export interface SnapshotSummary {
  readonly header: SnapshotHeader;
  readonly counts: SnapshotCounts;
  /** Bytes handed to the sink. */
  readonly bytes: number;
}

const DEFAULT_BATCH = 4096;
/** Payload bytes after which a batch frame is cut early (entities with big properties). */
const FRAME_TARGET_BYTES = 1 << 20;
const DEFAULT_CHUNK_BYTES = 64 * 1024;

/** Lets timers, I/O and other transactions run between slices. */
function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/**
 * Opens a snapshot source on `store`, waiting (a turn of the event loop at a time) while a schema change is
 * being logged, because only then does the catalog match the snapshot's commit timestamp.
 */
export async function openStoreSnapshot(store: GraphStore): Promise<StoreSnapshotSource> {
  for (;;) {
    const source = store.openSnapshotSource();
    if (source !== undefined) return source;
    await yieldToEventLoop();
  }
}

/**
 * THE encoder (format in snapshot-format.ts), synchronous: yields the snapshot's bytes in file order, one
 * bounded step at a time: the preamble, each schema frame, then after every scan slice of `batchSize` ids
 * the entity frames it completed, concatenated (an empty array when the slice completed none, e.g. a
 * stretch of deleted ids). Nothing is read ahead of the consumer, so a caller that stops pulling stops the
 * work; the source stays open until the caller closes it. Returns the summary when done.
 */
export function* encodeSnapshotSteps(
  source: StoreSnapshotSource,
  options: SnapshotEncodeOptions = {},
): Generator<Uint8Array, SnapshotSummary, undefined> {
  const batchSize = Math.max(1, options.batchSize ?? DEFAULT_BATCH);
  const frameBytes = Math.max(1, options.frameBytes ?? FRAME_TARGET_BYTES);
  let bytes = 0;
  let frames = 0;
  const frame = (encoded: Uint8Array): Uint8Array => {
    bytes += encoded.length;
    frames++;
    return encoded;
  };
  const header: SnapshotHeader = {
    formatVersion: CURRENT_SNAPSHOT_FORMAT,
    databaseId: source.databaseId,
    commitTs: source.commitTs,
    nodeHighWaterMark: source.nodeHighWaterMark,
    relationshipHighWaterMark: source.relationshipHighWaterMark,
    createdAt: Math.floor((options.now ?? Date.now)()),
  };
  const preamble = encodeSnapshotPreamble(header.formatVersion);
  bytes += preamble.length;
  yield preamble;
  yield frame(encodeHeaderFrame(header));
  yield frame(encodeTokensFrame(source.tokens));
  yield frame(encodeIndexesFrame(source.indexes));
  yield frame(encodeConstraintsFrame(source.constraints));

  // Frames completed inside the current slice; handed out (joined) when the slice ends.
  const completed: Uint8Array[] = [];
  let nodes = 0;
  const nodeBatch = new EntityBatchWriter(SNAPSHOT_FRAME.NODES);
  const cutNodes = (): void => {
    nodes += nodeBatch.count;
    completed.push(frame(nodeBatch.takeFrame()));
  };
  for (let next = 0; next !== -1;) {
    next = source.scanNodes(next, batchSize, (id, labels, properties) => {
      nodeBatch.addNode(id, labels, properties);
      if (nodeBatch.bytes >= frameBytes) cutNodes();
    });
    if (nodeBatch.count > 0 && (next === -1 || nodeBatch.count >= batchSize)) cutNodes();
    yield join(completed.splice(0));
  }

  let relationships = 0;
  const relationshipBatch = new EntityBatchWriter(SNAPSHOT_FRAME.RELATIONSHIPS);
  const cutRelationships = (): void => {
    relationships += relationshipBatch.count;
    completed.push(frame(relationshipBatch.takeFrame()));
  };
  for (let next = 0; next !== -1;) {
    next = source.scanRelationships(next, batchSize, (id, type, start, end, properties) => {
      relationshipBatch.addRelationship(id, type, start, end, properties);
      if (relationshipBatch.bytes >= frameBytes) cutRelationships();
    });
    if (relationshipBatch.count > 0 && (next === -1 || relationshipBatch.count >= batchSize)) {
      cutRelationships();
    }
    yield join(completed.splice(0));
  }

  const counts: SnapshotCounts = {
    tokens: source.tokens.length,
    indexes: source.indexes.length,
    constraints: source.constraints.length,
    nodes,
    relationships,
    frames,
  };
  const footer = encodeFooterFrame(counts);
  bytes += footer.length;
  yield footer;
  return { header, counts, bytes };
}

/**
 * The snapshot of `source` as chunks of exactly `chunkBytes` (the last one shorter), each a fresh array the
 * consumer may keep: an online backup streams them as they are pulled (`CALL quiver.backup()`). Synchronous
 * and lazy like {@link encodeSnapshotSteps}; entity frames are cut at the chunk size by default, so one
 * chunk costs about one chunk of encoding. The source stays open until the caller closes it.
 */
export function* encodeSnapshotChunks(
  source: StoreSnapshotSource,
  options: SnapshotChunkOptions = {},
): Generator<Uint8Array, SnapshotSummary, undefined> {
  const chunkBytes = Math.max(1, options.chunkBytes ?? DEFAULT_CHUNK_BYTES);
  const steps = encodeSnapshotSteps(source, { frameBytes: chunkBytes, ...options });
  let chunk = new Uint8Array(chunkBytes);
  let filled = 0;
  for (;;) {
    const step = steps.next();
    if (step.done === true) {
      if (filled > 0) yield chunk.slice(0, filled);
      return step.value;
    }
    let offset = 0;
    const bytes = step.value;
    while (offset < bytes.length) {
      const taken = Math.min(chunkBytes - filled, bytes.length - offset);
      chunk.set(bytes.subarray(offset, offset + taken), filled);
      filled += taken;
      offset += taken;
      if (filled === chunkBytes) {
        yield chunk;
        chunk = new Uint8Array(chunkBytes);
        filled = 0;
      }
    }
  }
}

/**
 * Encodes the snapshot `source` describes (format in snapshot-format.ts) into `sink`: drives
 * {@link encodeSnapshotSteps} with a yield to the event loop after every step, so commits go on while it runs.
 */
export async function encodeSnapshot(
  sink: SnapshotSink,
  source: StoreSnapshotSource,
  options: SnapshotEncodeOptions = {},
): Promise<SnapshotSummary> {
  const steps = encodeSnapshotSteps(source, options);
  for (;;) {
    const step = steps.next();
    if (step.done === true) return step.value;
    if (step.value.length > 0) await sink(step.value);
    await yieldToEventLoop();
  }
}

/**
 * Writes a snapshot of `store` as of its newest commit to `sink` (a backup stream, a file): opens a read
 * transaction, encodes, and ends the transaction whatever happens.
 */
export async function writeSnapshotTo(
  sink: SnapshotSink,
  store: GraphStore,
  options: SnapshotEncodeOptions = {},
): Promise<SnapshotSummary> {
  const source = await openStoreSnapshot(store);
  try {
    return await encodeSnapshot(sink, source, options);
  } finally {
    source.close();
  }
}

/** The arrays as one (the only one itself, without copying). */
function join(parts: readonly Uint8Array[]): Uint8Array {
  const [first] = parts;
  if (parts.length === 1 && first !== undefined) return first;
  let total = 0;
  for (const part of parts) total += part.length;
  const joined = new Uint8Array(total);
  let offset = 0;
  for (const part of parts) {
    joined.set(part, offset);
    offset += part.length;
  }
  return joined;
}
