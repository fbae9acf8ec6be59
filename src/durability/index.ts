/**
 * durability: makes a `GraphStore` survive restarts and crashes, Memgraph style: a write-ahead log of the
 * storage-level commit records (group commit, fsync before acknowledgement), snapshots taken in the
 * background from an MVCC read transaction, and recovery (newest snapshot + WAL replay, torn tail cut).
 * Inputs: a database directory and a `FileSystem` (real, or fault-injecting in crash tests); commit records
 * through storage's `CommitLog` port. Outputs: a recovered `GraphStore` wired to the WAL (`openDurableStore`),
 * snapshots as files or byte streams, and directory checks.
 * Must not know: Cypher, plans, Bolt, the engine.
 */
export type { FileSystem, ReadableFile, AppendableFile, AppendOptions } from './file-system.js';
export { fileErrorCode } from './file-system.js';
export {
  WAL_FORMAT_V1,
  WAL_FORMAT_V2,
  WAL_FORMAT_V3,
  WAL_FORMAT_V4,
  WAL_FORMAT_V5,
  CURRENT_WAL_FORMAT,
  READABLE_WAL_FORMATS,
  SNAPSHOT_FORMAT_V1,
  SNAPSHOT_FORMAT_V2,
  SNAPSHOT_FORMAT_V3,
  CURRENT_SNAPSHOT_FORMAT,
  READABLE_SNAPSHOT_FORMATS,
} from './format-versions.js';
export { nodeFileSystem } from './fs/node-file-system.js';
export {
  FaultyFileSystem,
  type CrashOptions,
  type FaultAction,
  type FaultPlan,
  type FileOperation,
  type FileOperationKind,
} from './fs/faulty-file-system.js';
export { WalWriter, type WalWriterOptions, type WalStats } from './wal/wal-writer.js';
export { readWal, type WalReadOptions, type WalReadReport } from './wal/wal-reader.js';
export { openDurableStore } from './durable-store.js';
export type {
  DurableStore,
  DurableStoreOptions,
  DurabilityLogger,
  DurabilityStats,
  SnapshotInfo,
} from './durable-store-types.js';
export { recoverDatabase, type RecoveryReport, type RecoveryOptions } from './recovery.js';
export { checkDataDirectory, type CheckReport } from './check.js';
export {
  dataDirectoryLayout,
  snapshotFileName,
  parseSnapshotFileName,
  listSnapshotFiles,
  type DataDirectoryLayout,
  type SnapshotFileEntry,
} from './data-directory.js';
export {
  writeSnapshotTo,
  encodeSnapshot,
  openStoreSnapshot,
  encodeSnapshotChunks,
  encodeSnapshotSteps,
  type SnapshotChunkOptions,
  type SnapshotSink,
  type SnapshotEncodeOptions,
  type SnapshotSummary,
} from './snapshot/snapshot-writer.js';
export { writeSnapshotFile, type SnapshotFileInfo } from './snapshot/snapshot-file.js';
export {
  readSnapshot,
  readSnapshotFile,
  loadSnapshotFile,
  memorySnapshotSource,
  type SnapshotByteSource,
  type SnapshotVisitor,
  type SnapshotReadResult,
} from './snapshot/snapshot-reader.js';
export { installSnapshot } from './snapshot/install-snapshot.js';
export type { SnapshotHeader, SnapshotCounts } from './snapshot/snapshot-format.js';
