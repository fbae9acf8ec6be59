import type { GraphStore, IndexPopulationMode } from '../storage/index.js';
import type { FileSystem } from './file-system.js';
import type { RecoveryReport } from './recovery.js';
import type { WalStats } from './wal/wal-writer.js';

/** Where log lines go (the server passes its logger). */
export interface DurabilityLogger {
  info(message: string): void;
  warn(message: string): void;
}

/** How to open a durable store. */
export interface DurableStoreOptions {
  /** The database directory (created when missing). */
  readonly directory: string;
  /** Default `nodeFileSystem`; crash tests pass a `FaultyFileSystem`. */
  readonly fileSystem?: FileSystem;
  /** 'commit' (default): a commit is acknowledged after its fsync. 'relaxed': after its write. */
  readonly syncPolicy?: 'commit' | 'relaxed';
  readonly relaxedSyncIntervalMs?: number;
  /** WAL segment size before rotation (default: the writer's, 64 MiB). */
  readonly walSegmentBytes?: number;
  /** Take a snapshot this often when something changed (0 or undefined: no schedule). */
  readonly snapshotIntervalMs?: number;
  /** Take a snapshot once this much WAL was written since the last one (default 256 MiB; 0: never). */
  readonly snapshotAfterWalBytes?: number;
  /** Snapshots kept (default 2); older ones are removed after a new one is written. */
  readonly snapshotsToKeep?: number;
  /** Take a snapshot at `close` when anything changed since the last one (default true). */
  readonly snapshotOnClose?: boolean;
  readonly indexPopulation?: IndexPopulationMode;
  readonly logger?: DurabilityLogger;
}

/** An open database directory: the recovered store, durable through its WAL, with snapshots. */
export interface DurableStore {
  readonly store: GraphStore;
  readonly directory: string;
  readonly recovery: RecoveryReport;
  /**
   * Takes a snapshot now, in the background (commits go on): rotates the WAL, writes the snapshot, then
   * retires WAL segments and old snapshots it makes unnecessary. Concurrent calls share one run. A failure
   * is logged and rejects, and harms neither the store nor the WAL.
   */
  snapshot(): Promise<SnapshotInfo>;
  stats(): DurabilityStats;
  /** Flushes the WAL, takes a snapshot if configured and needed, releases the lock; idempotent. */
  close(): Promise<void>;
}

/** One snapshot taken by `DurableStore.snapshot`. */
export interface SnapshotInfo {
  readonly commitTs: number;
  readonly path: string;
  readonly bytes: number;
  readonly durationMs: number;
  readonly nodes: number;
  readonly relationships: number;
  /** WAL segments removed because the snapshot covers them. */
  readonly retiredSegments: readonly string[];
  /** Older snapshot files removed (beyond `snapshotsToKeep`). */
  readonly removedSnapshots: readonly string[];
}

/** The durability figures of an open store. */
export interface DurabilityStats {
  readonly wal: WalStats;
  readonly lastSnapshot:
    | { readonly commitTs: number; readonly durationMs: number; readonly bytes: number; readonly at: Date }
    | undefined;
  readonly snapshotsTaken: number;
  readonly snapshotsFailed: number;
}
