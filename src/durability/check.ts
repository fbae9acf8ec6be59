import { GraphStore } from '../storage/index.js';
import { dataDirectoryLayout, listSnapshotFiles } from './data-directory.js';
import type { FileSystem } from './file-system.js';
import { nodeFileSystem } from './fs/node-file-system.js';
import { loadSnapshotFile, readSnapshotFile } from './snapshot/snapshot-reader.js';
import { readWal } from './wal/wal-reader.js';

/** What `checkDataDirectory` found. */
export interface CheckReport {
  /** True when no problem was found. */
  readonly ok: boolean;
  readonly problems: string[];
  /** The snapshot recovery would load. */
  readonly snapshot?: {
    readonly path: string;
    readonly commitTs: number;
    readonly nodes: number;
    readonly relationships: number;
  };
  /** WAL records after the snapshot. */
  readonly walRecords: number;
  /** A torn end of the last WAL segment (normal after a crash: recovery cuts it). */
  readonly tornTail?: { readonly segment: string; readonly offset: number; readonly droppedBytes: number };
  /** Nodes and relationships of the recovered graph. */
  readonly nodes: number;
  readonly relationships: number;
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Checks a database directory without changing it (`quiver check`): validates every snapshot file and
 * every WAL segment, recovers into a scratch store the way startup would (newest snapshot + WAL, nothing
 * repaired on disk), and verifies the recovered graph (endpoints, adjacency, indexes, constraints; see
 * `GraphStore.verifyConsistency`). It takes no lock, so it can look at a directory in use; a WAL being
 * written may then show a torn tail.
 */
export async function checkDataDirectory(options: {
  readonly directory: string;
  readonly fileSystem?: FileSystem;
}): Promise<CheckReport> {
  const fileSystem = options.fileSystem ?? nodeFileSystem;
  const layout = dataDirectoryLayout(options.directory);
  const problems: string[] = [];
  const snapshots = await listSnapshotFiles(fileSystem, layout);
  for (const file of snapshots.slice(0, -1)) {
    await readSnapshotFile(fileSystem, file.path).catch((error: unknown) => {
      problems.push(`Older snapshot: ${describe(error)}`);
    });
  }
  const newest = snapshots.at(-1);
  let store: GraphStore | undefined;
  let snapshot: CheckReport['snapshot'];
  if (newest !== undefined) {
    try {
      const loaded = await loadSnapshotFile({
        fileSystem,
        path: newest.path,
        createStore: (header) => new GraphStore({ databaseId: header.databaseId, indexPopulation: 'MANUAL' }),
      });
      store = loaded.store;
      snapshot = {
        path: newest.path,
        commitTs: loaded.header.commitTs,
        nodes: loaded.counts.nodes,
        relationships: loaded.counts.relationships,
      };
    } catch (error) {
      problems.push(describe(error));
    }
  }
  let walRecords = 0;
  let tornTail: CheckReport['tornTail'];
  const scratch = store ?? new GraphStore({ indexPopulation: 'MANUAL' });
  // Without a loadable snapshot the WAL is still read in full to validate it, but not applied.
  const apply = newest === undefined || store !== undefined;
  try {
    const wal = await readWal({
      fileSystem,
      directory: layout.walDirectory,
      afterCommitTs: snapshot?.commitTs ?? 0,
      repair: false,
      onRecord: (record) => {
        if (apply) scratch.replay(record);
      },
    });
    walRecords = wal.recordsApplied;
    tornTail = wal.tornTail;
    if (wal.databaseId !== undefined && store !== undefined && wal.databaseId !== store.databaseId) {
      problems.push(`The WAL belongs to database ${wal.databaseId}, the snapshot to ${store.databaseId}`);
    }
  } catch (error) {
    problems.push(describe(error));
  }
  if (apply) problems.push(...scratch.verifyConsistency());
  const counts = apply ? countEntities(scratch) : { nodes: 0, relationships: 0 };
  return {
    ok: problems.length === 0,
    problems,
    ...(snapshot === undefined ? {} : { snapshot }),
    walRecords,
    ...(tornTail === undefined ? {} : { tornTail }),
    ...counts,
  };
}

function countEntities(store: GraphStore): { nodes: number; relationships: number } {
  const tx = store.begin({ readOnly: true });
  let nodes = 0;
  let relationships = 0;
  for (const cursor = tx.scanNodes(); cursor.next() !== -1;) nodes++;
  for (const cursor = tx.scanRelationships(); cursor.next() !== -1;) relationships++;
  tx.rollback();
  return { nodes, relationships };
}
