import type { GraphStore } from '../../storage/index.js';
import { snapshotFileName, type DataDirectoryLayout } from '../data-directory.js';
import type { AppendableFile, FileSystem } from '../file-system.js';
import {
  encodeSnapshot,
  openStoreSnapshot,
  type SnapshotEncodeOptions,
  type SnapshotSink,
  type SnapshotSummary,
} from './snapshot-writer.js';

/** A snapshot file written to a database directory. */
export interface SnapshotFileInfo extends SnapshotSummary {
  readonly name: string;
  readonly path: string;
  readonly durationMs: number;
}

/** Bytes collected before one append: big writes, few calls. */
const APPEND_BYTES = 1 << 20;

/**
 * A sink that appends to `file`, buffering up to a MiB per append; `flush` writes what is left.
 */
export function fileSink(file: AppendableFile): { sink: SnapshotSink; flush: () => Promise<void> } {
  let pending: Uint8Array[] = [];
  let pendingBytes = 0;
  const flush = async (): Promise<void> => {
    if (pendingBytes === 0) return;
    const chunk = concat(pending, pendingBytes);
    pending = [];
    pendingBytes = 0;
    await file.append(chunk);
  };
  const sink: SnapshotSink = async (bytes) => {
    pending.push(bytes);
    pendingBytes += bytes.length;
    if (pendingBytes >= APPEND_BYTES) await flush();
  };
  return { sink, flush };
}

function concat(chunks: readonly Uint8Array[], total: number): Uint8Array {
  const [only] = chunks;
  if (chunks.length === 1 && only !== undefined) return only;
  const joined = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    joined.set(chunk, offset);
    offset += chunk.length;
  }
  return joined;
}

/**
 * Writes a snapshot of `store` (as of its newest commit) into the database's snapshot directory: to
 * `snapshot-<ts>.snap.tmp`, synced, renamed to `snapshot-<ts>.snap`, directory synced: the `.snap` name
 * therefore only ever holds a complete file. On failure the `.tmp` file is removed (best effort) and the
 * error rethrown; the store is untouched either way.
 */
export async function writeSnapshotFile(options: {
  readonly fileSystem: FileSystem;
  readonly layout: DataDirectoryLayout;
  readonly store: GraphStore;
  readonly encode?: SnapshotEncodeOptions;
}): Promise<SnapshotFileInfo> {
  const { fileSystem, layout } = options;
  const started = performance.now();
  const source = await openStoreSnapshot(options.store);
  const name = snapshotFileName(source.commitTs);
  const path = `${layout.snapshotDirectory}/${name}`;
  const temporary = `${path}.tmp`;
  let file: AppendableFile | undefined;
  try {
    await fileSystem.remove(temporary);
    file = await fileSystem.openAppend(temporary, { exclusive: true });
    const { sink, flush } = fileSink(file);
    const summary = await encodeSnapshot(sink, source, options.encode);
    source.close();
    await flush();
    await file.sync();
    const opened = file;
    file = undefined;
    await opened.close();
    await fileSystem.rename(temporary, path);
    await fileSystem.syncDirectory(layout.snapshotDirectory);
    return { ...summary, name, path, durationMs: performance.now() - started };
  } catch (error) {
    source.close();
    await file?.close().catch(() => undefined);
    await fileSystem.remove(temporary).catch(() => undefined);
    throw error;
  }
}
