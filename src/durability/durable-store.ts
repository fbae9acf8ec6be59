import { listWalSegments } from './recovery-wal.js';
import { GraphStore } from '../storage/index.js';
import { acquireDirectoryLock, dataDirectoryLayout, makeDataDirectory } from './data-directory.js';
import { DurableStoreRuntime } from './durable-store-runtime.js';
import type { DurabilityLogger, DurableStore, DurableStoreOptions } from './durable-store-types.js';
import { ForwardingCommitLog } from './forwarding-commit-log.js';
import { nodeFileSystem } from './fs/node-file-system.js';
import { recoverDatabase } from './recovery.js';
import { WalWriter } from './wal/wal-writer.js';

const SILENT: DurabilityLogger = { info: () => undefined, warn: () => undefined };

/**
 * Opens (or creates) the database in `options.directory`: creates the layout, takes the directory lock,
 * recovers (newest snapshot + WAL replay, see recovery.ts) into a new `GraphStore` whose commit log
 * forwards to a WAL writer opened right after the recovered commit, waits for indexes, and starts the
 * snapshot schedule. A new directory's database id is durable (in the first WAL segment header) before
 * this resolves.
 * @throws DatabaseError DatabaseUnavailable (directory in use), StorageDamageDetected (damaged files),
 * TransactionLogError (the WAL cannot be written).
 */
export async function openDurableStore(options: DurableStoreOptions): Promise<DurableStore> {
  const fileSystem = options.fileSystem ?? nodeFileSystem;
  const logger = options.logger ?? SILENT;
  const layout = dataDirectoryLayout(options.directory);
  await makeDataDirectory(fileSystem, layout);
  const lock = await acquireDirectoryLock(fileSystem, layout);
  try {
    const log = new ForwardingCommitLog();
    const indexPopulation = options.indexPopulation ?? 'BACKGROUND';
    const { store, report } = await recoverDatabase({
      fileSystem,
      layout,
      createStore: (databaseId) => new GraphStore({ databaseId, commitLog: log, indexPopulation }),
    });
    const openWriter = (nextCommitTs: number): Promise<WalWriter> =>
      WalWriter.open({
        fileSystem,
        directory: layout.walDirectory,
        databaseId: store.databaseId,
        nextCommitTs,
        ...(options.syncPolicy === undefined ? {} : { syncPolicy: options.syncPolicy }),
        ...(options.relaxedSyncIntervalMs === undefined
          ? {}
          : { relaxedSyncIntervalMs: options.relaxedSyncIntervalMs }),
        ...(options.walSegmentBytes === undefined ? {} : { segmentBytes: options.walSegmentBytes }),
      });
    // The log left by earlier runs counts towards the next snapshot: a process that never lives long
    // enough to write the threshold itself (crash loops, short jobs) must not let the log grow forever.
    let recoveredWalBytes = 0;
    for (const segment of await listWalSegments(fileSystem, layout.walDirectory)) {
      const file = await fileSystem.openRead(`${layout.walDirectory}/${segment.name}`);
      recoveredWalBytes += file.size;
      await file.close();
    }
    const writer = await openWriter(store.lastCommitTs + 1);
    log.attach(writer, store.lastCommitTs + 1);
    await store.awaitIndexesOnline();
    logger.info(
      `Recovered database "${layout.directory}" in ${report.durationMs.toFixed(0)} ms: snapshot ` +
        `${report.snapshotCommitTs ?? 'none'} (${report.snapshotNodes} nodes, ${report.snapshotRelationships} relationships), ` +
        `${report.walRecords} WAL records${report.tornTail === undefined ? '' : ', torn WAL tail cut'}`,
    );
    const runtime = new DurableStoreRuntime({
      store,
      layout,
      fileSystem,
      recovery: report,
      lock,
      log,
      writer,
      openWriter,
      logger,
      snapshotsToKeep: Math.max(1, options.snapshotsToKeep ?? 2),
      snapshotOnClose: options.snapshotOnClose ?? true,
      snapshotAfterWalBytes: options.snapshotAfterWalBytes ?? 256 * 1024 * 1024,
      snapshotIntervalMs: options.snapshotIntervalMs ?? 0,
      recoveredWalBytes,
    });
    return runtime;
  } catch (error) {
    await lock.release().catch(() => undefined);
    throw error;
  }
}
