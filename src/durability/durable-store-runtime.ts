import { DatabaseError, Status } from '../errors/index.js';
import type { GraphStore } from '../storage/index.js';
import { listSnapshotFiles, type DataDirectoryLayout, type DirectoryLock } from './data-directory.js';
import type { DurabilityLogger, DurabilityStats, DurableStore, SnapshotInfo } from './durable-store-types.js';
import type { FileSystem } from './file-system.js';
import type { ForwardingCommitLog } from './forwarding-commit-log.js';
import type { RecoveryReport } from './recovery.js';
import { writeSnapshotFile } from './snapshot/snapshot-file.js';
import type { WalWriter } from './wal/wal-writer.js';

/** What an open durable store is made of (built by `openDurableStore`). */
export interface DurableStoreParts {
  readonly store: GraphStore;
  readonly layout: DataDirectoryLayout;
  readonly fileSystem: FileSystem;
  readonly recovery: RecoveryReport;
  readonly lock: DirectoryLock;
  readonly log: ForwardingCommitLog;
  readonly writer: WalWriter;
  readonly openWriter: (nextCommitTs: number) => Promise<WalWriter>;
  readonly logger: DurabilityLogger;
  readonly snapshotsToKeep: number;
  readonly snapshotOnClose: boolean;
  readonly snapshotAfterWalBytes: number;
  readonly snapshotIntervalMs: number;
  /** Bytes of WAL found at open (written since the newest snapshot by earlier runs). */
  readonly recoveredWalBytes: number;
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * The running side of a durable store: snapshots (on demand, on a timer, after enough WAL, at close), WAL
 * retirement, statistics and shutdown. Snapshot runs never overlap; a failed run changes nothing on disk
 * but a removed `.tmp` file.
 */
export class DurableStoreRuntime implements DurableStore {
  readonly store: GraphStore;
  readonly directory: string;
  readonly recovery: RecoveryReport;
  private readonly parts: DurableStoreParts;
  private writer: WalWriter;
  private running: Promise<SnapshotInfo> | undefined;
  private closing: Promise<void> | undefined;
  private timer: NodeJS.Timeout | undefined;
  /** The commit the newest snapshot holds (0: none). */
  private snapshotTs: number;
  /** WAL bytes written by the current writer when the last snapshot was taken. */
  private walBytesAtSnapshot = 0;
  private lastSnapshot: DurabilityStats['lastSnapshot'];
  private snapshotsTaken = 0;
  private snapshotsFailed = 0;

  constructor(parts: DurableStoreParts) {
    this.parts = parts;
    this.store = parts.store;
    this.directory = parts.layout.directory;
    this.recovery = parts.recovery;
    this.writer = parts.writer;
    this.snapshotTs = parts.recovery.snapshotCommitTs ?? 0;
    // The current writer's counter starts at zero: the log found at open is owed to the next snapshot.
    this.walBytesAtSnapshot = -parts.recoveredWalBytes;
    if (parts.snapshotAfterWalBytes > 0) {
      parts.log.onAppend = () => {
        this.checkWalVolume();
      };
    }
    if (parts.snapshotIntervalMs > 0) {
      this.timer = setInterval(() => {
        if (this.store.lastCommitTs > this.snapshotTs) this.snapshotInBackground();
      }, parts.snapshotIntervalMs);
      this.timer.unref();
    }
  }

  snapshot(): Promise<SnapshotInfo> {
    if (this.closing !== undefined) {
      return Promise.reject(
        new DatabaseError(Status.DatabaseUnavailable, `The database "${this.directory}" is closed`),
      );
    }
    return this.takeSnapshot();
  }

  stats(): DurabilityStats {
    return {
      wal: this.writer.stats,
      lastSnapshot: this.lastSnapshot,
      snapshotsTaken: this.snapshotsTaken,
      snapshotsFailed: this.snapshotsFailed,
    };
  }

  close(): Promise<void> {
    this.closing ??= this.shutDown();
    return this.closing;
  }

  private takeSnapshot(): Promise<SnapshotInfo> {
    this.running ??= this.runSnapshot().finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  /** A snapshot nobody waits for (timer, WAL volume): its failure is logged and a later trigger retries. */
  private snapshotInBackground(): void {
    if (this.running !== undefined || this.closing !== undefined) return;
    this.takeSnapshot().catch(() => undefined);
  }

  private checkWalVolume(): void {
    if (this.running !== undefined) return;
    const written = this.writer.stats.bytesWritten - this.walBytesAtSnapshot;
    if (written >= this.parts.snapshotAfterWalBytes) this.snapshotInBackground();
  }

  private async runSnapshot(): Promise<SnapshotInfo> {
    const { fileSystem, layout, logger } = this.parts;
    try {
      await this.reopenWriterAfterReplay();
      // A fresh segment first, so every record of the older ones is at or below the snapshot and they can go.
      await this.writer.rotate();
      const walBytes = this.writer.stats.bytesWritten;
      const written = await writeSnapshotFile({ fileSystem, layout, store: this.store });
      const commitTs = written.header.commitTs;
      this.snapshotTs = Math.max(this.snapshotTs, commitTs);
      this.walBytesAtSnapshot = walBytes;
      this.snapshotsTaken++;
      this.lastSnapshot = { commitTs, durationMs: written.durationMs, bytes: written.bytes, at: new Date() };
      const retiredSegments = await this.writer.retireSegments(commitTs);
      const removedSnapshots = await this.removeOldSnapshots();
      logger.info(
        `Snapshot ${written.name} written in ${written.durationMs.toFixed(0)} ms (${written.bytes} bytes, ` +
          `${written.counts.nodes} nodes, ${written.counts.relationships} relationships); ` +
          `${retiredSegments.length} WAL segments retired`,
      );
      return {
        commitTs,
        path: written.path,
        bytes: written.bytes,
        durationMs: written.durationMs,
        nodes: written.counts.nodes,
        relationships: written.counts.relationships,
        retiredSegments,
        removedSnapshots,
      };
    } catch (error) {
      this.snapshotsFailed++;
      logger.warn(`Snapshot of "${this.directory}" failed (the WAL keeps every commit): ${describe(error)}`);
      throw error;
    }
  }

  /**
   * Records replayed straight into the store (bulk import: `store.replay` before any transaction) moved its
   * clock past what the WAL writer was opened for; a new writer starts at the new clock, so its segment
   * name stays ahead of every record, and the snapshot about to be written covers the replayed data.
   */
  private async reopenWriterAfterReplay(): Promise<void> {
    const { log } = this.parts;
    if (this.store.lastCommitTs < log.nextCommitTs || this.store.activeTransactions > 0) return;
    const nextCommitTs = this.store.lastCommitTs + 1;
    await this.writer.close();
    const writer = await this.parts.openWriter(nextCommitTs);
    this.writer = writer;
    log.attach(writer, nextCommitTs);
    this.walBytesAtSnapshot = 0;
  }

  /** Removes snapshot files beyond the newest `snapshotsToKeep`. */
  private async removeOldSnapshots(): Promise<string[]> {
    const { fileSystem, layout, snapshotsToKeep } = this.parts;
    const files = await listSnapshotFiles(fileSystem, layout);
    const old = files.slice(0, Math.max(0, files.length - snapshotsToKeep));
    for (const file of old) await fileSystem.remove(file.path);
    if (old.length > 0) await fileSystem.syncDirectory(layout.snapshotDirectory);
    return old.map((file) => file.name);
  }

  private async shutDown(): Promise<void> {
    const { log, logger, lock } = this.parts;
    if (this.timer !== undefined) clearInterval(this.timer);
    await this.running?.catch(() => undefined);
    try {
      await this.writer.flush();
      if (
        this.parts.snapshotOnClose &&
        this.store.lastCommitTs > this.snapshotTs &&
        !this.writer.stats.poisoned
      ) {
        await this.takeSnapshot().catch(() => undefined);
      }
    } catch (error) {
      logger.warn(`Closing "${this.directory}": the WAL could not be flushed: ${describe(error)}`);
    } finally {
      log.detach(`The database "${this.directory}" is closed`);
      await this.writer.close().catch((error: unknown) => {
        logger.warn(`Closing "${this.directory}": the WAL could not be closed: ${describe(error)}`);
      });
      await lock.release().catch(() => undefined);
    }
  }
}
