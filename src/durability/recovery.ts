import { randomUUID } from 'node:crypto';
import { DatabaseError } from '../errors/index.js';
import type { GraphStore } from '../storage/index.js';
import { storageDamage } from './codec/storage-damage.js';
import { listSnapshotFiles, type DataDirectoryLayout } from './data-directory.js';
import type { FileSystem } from './file-system.js';
import { loadSnapshotFile } from './snapshot/snapshot-reader.js';
import { listWalSegments, peekWalDatabaseId } from './recovery-wal.js';
import { readWal } from './wal/wal-reader.js';

/** What recovery found and did. */
export interface RecoveryReport {
  /** The commit the loaded snapshot holds; `undefined` when there was none. */
  readonly snapshotCommitTs: number | undefined;
  readonly snapshotNodes: number;
  readonly snapshotRelationships: number;
  /** WAL records replayed after the snapshot. */
  readonly walRecords: number;
  /** A torn end of the last WAL segment that was cut (a crash during a write). */
  readonly tornTail?: { readonly segment: string; readonly offset: number; readonly droppedBytes: number };
  readonly durationMs: number;
}

/** How to recover one database directory. */
export interface RecoveryOptions {
  readonly fileSystem: FileSystem;
  readonly layout: DataDirectoryLayout;
  /** Creates the (empty) store recovery fills, for the database id found on disk (or a new one). */
  readonly createStore: (databaseId: string) => GraphStore;
}

const ADVICE = 'restore the database from a backup';

/**
 * Rebuilds a database from its directory (the directory lock must be held):
 * 1. removes `.tmp` snapshot files (snapshots that were being written);
 * 2. loads the NEWEST `.snap` file into a new store; if it is not valid, recovery stops with
 *    StorageDamageDetected instead of falling back to an older one, because the WAL it made unnecessary may
 *    be gone already;
 * 3. replays every WAL record after the snapshot's commit, cutting a torn tail of the last segment;
 * 4. removes WAL segments that start after the last recovered commit (they hold no records: a crash right
 *    after a rotation), so a writer can start there.
 * @throws DatabaseError StorageDamageDetected when files are damaged, foreign or missing.
 */
export async function recoverDatabase(
  options: RecoveryOptions,
): Promise<{ store: GraphStore; report: RecoveryReport }> {
  const started = performance.now();
  const { fileSystem, layout } = options;
  await removeTemporarySnapshots(fileSystem, layout);
  const walDatabaseId = await peekWalDatabaseId(fileSystem, layout.walDirectory);
  const newest = (await listSnapshotFiles(fileSystem, layout)).at(-1);
  let store: GraphStore;
  let snapshotNodes = 0;
  let snapshotRelationships = 0;
  if (newest !== undefined) {
    const loaded = await loadSnapshotFile({
      fileSystem,
      path: newest.path,
      createStore: (header) => options.createStore(header.databaseId),
    });
    if (loaded.header.commitTs !== newest.commitTs) {
      throw storageDamage(
        `Snapshot "${newest.path}" holds commit ${loaded.header.commitTs}, not the ${newest.commitTs} its name says; ${ADVICE}`,
      );
    }
    store = loaded.store;
    snapshotNodes = loaded.counts.nodes;
    snapshotRelationships = loaded.counts.relationships;
    if (walDatabaseId !== undefined && walDatabaseId !== store.databaseId) {
      throw storageDamage(
        `The WAL in "${layout.walDirectory}" belongs to database ${walDatabaseId}, the snapshot "${newest.path}" to ` +
          `${store.databaseId}: the directory mixes files of two databases; ${ADVICE}`,
      );
    }
  } else {
    store = options.createStore(walDatabaseId ?? randomUUID());
  }
  const snapshotCommitTs = newest?.commitTs;
  await checkWalCoverage(fileSystem, layout, snapshotCommitTs ?? 0);
  const wal = await readWal({
    fileSystem,
    directory: layout.walDirectory,
    afterCommitTs: snapshotCommitTs ?? 0,
    repair: true,
    onRecord: (record) => {
      try {
        store.replay(record);
      } catch (error) {
        throw storageDamage(
          `WAL record ${record.commitTs} in "${layout.walDirectory}" does not fit the recovered data ` +
            `(${error instanceof DatabaseError ? error.message : String(error)}); ${ADVICE}`,
          error,
        );
      }
    },
  });
  await removeSegmentsAfter(fileSystem, layout, store.lastCommitTs);
  const report: RecoveryReport = {
    snapshotCommitTs,
    snapshotNodes,
    snapshotRelationships,
    walRecords: wal.recordsApplied,
    ...(wal.tornTail === undefined ? {} : { tornTail: wal.tornTail }),
    durationMs: performance.now() - started,
  };
  return { store, report };
}

async function removeTemporarySnapshots(fileSystem: FileSystem, layout: DataDirectoryLayout): Promise<void> {
  const temporary = (await fileSystem.list(layout.snapshotDirectory)).filter((name) => name.endsWith('.tmp'));
  for (const name of temporary) await fileSystem.remove(`${layout.snapshotDirectory}/${name}`);
  if (temporary.length > 0) await fileSystem.syncDirectory(layout.snapshotDirectory);
}

/**
 * The WAL must hold every commit after the snapshot: retirement only removes a segment once the next one
 * starts at or below `snapshot ts + 1`, so a first segment starting later means files are missing.
 */
async function checkWalCoverage(
  fileSystem: FileSystem,
  layout: DataDirectoryLayout,
  snapshotCommitTs: number,
): Promise<void> {
  const first = (await listWalSegments(fileSystem, layout.walDirectory))[0];
  if (first === undefined || first.firstCommitTs <= snapshotCommitTs + 1) return;
  throw storageDamage(
    `The WAL in "${layout.walDirectory}" starts at commit ${first.firstCommitTs} (${first.name}) but the ` +
      (snapshotCommitTs === 0
        ? 'directory has no snapshot'
        : `newest snapshot holds commits only up to ${snapshotCommitTs}`) +
      `: the commits in between are missing; ${ADVICE}`,
  );
}

/** Removes segments named after a commit later than the last one recovered (they hold no records). */
async function removeSegmentsAfter(
  fileSystem: FileSystem,
  layout: DataDirectoryLayout,
  lastCommitTs: number,
): Promise<void> {
  const empty = (await listWalSegments(fileSystem, layout.walDirectory)).filter(
    (segment) => segment.firstCommitTs > lastCommitTs,
  );
  for (const segment of empty) await fileSystem.remove(`${layout.walDirectory}/${segment.name}`);
  if (empty.length > 0) await fileSystem.syncDirectory(layout.walDirectory);
}
