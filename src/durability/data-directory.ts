import { DatabaseError, Status } from '../errors/index.js';
import { utf8Decoder, utf8Encoder } from '../util/index.js';
import { fileErrorCode, type FileSystem } from './file-system.js';

/*
 * The layout of one database directory:
 *   <dir>/LOCK                                   exclusive-create lock file holding the owner's pid
 *   <dir>/wal/wal-<first commit ts, 20 digits>.log      write-ahead log segments (wal/wal-format.ts)
 *   <dir>/snapshots/snapshot-<commit ts, 20 digits>.snap  complete snapshots (snapshot/snapshot-format.ts)
 *   <dir>/snapshots/snapshot-<…>.snap.tmp        a snapshot being written (removed by recovery)
 * The LOCK file is never made durable on purpose: it only means something while its process lives, so a
 * crash may drop it, and a leftover one is recognised as stale by its pid.
 */

/** The paths of one database directory. */
export interface DataDirectoryLayout {
  readonly directory: string;
  readonly walDirectory: string;
  readonly snapshotDirectory: string;
  readonly lockFile: string;
}

const SNAPSHOT_NAME = /^snapshot-(\d{20})\.snap$/;
const TIMESTAMP_DIGITS = 20;

/** The paths of the database in `directory` (trailing slashes ignored). */
export function dataDirectoryLayout(directory: string): DataDirectoryLayout {
  const root = directory.length > 1 ? directory.replace(/\/+$/, '') : directory;
  return {
    directory: root,
    walDirectory: `${root}/wal`,
    snapshotDirectory: `${root}/snapshots`,
    lockFile: `${root}/LOCK`,
  };
}

/** `snapshot-<ts, 20 digits>.snap`. */
export function snapshotFileName(commitTs: number): string {
  return `snapshot-${String(commitTs).padStart(TIMESTAMP_DIGITS, '0')}.snap`;
}

/** The commit timestamp in a snapshot file name, or `undefined` for any other name. */
export function parseSnapshotFileName(name: string): number | undefined {
  const match = SNAPSHOT_NAME.exec(name);
  return match?.[1] === undefined ? undefined : Number(match[1]);
}

/** A complete snapshot file found in the snapshot directory. */
export interface SnapshotFileEntry {
  readonly name: string;
  readonly path: string;
  readonly commitTs: number;
}

/** The `.snap` files of a database, oldest first. */
export async function listSnapshotFiles(
  fileSystem: FileSystem,
  layout: DataDirectoryLayout,
): Promise<SnapshotFileEntry[]> {
  const found: SnapshotFileEntry[] = [];
  for (const name of await fileSystem.list(layout.snapshotDirectory)) {
    const commitTs = parseSnapshotFileName(name);
    if (commitTs !== undefined) found.push({ name, path: `${layout.snapshotDirectory}/${name}`, commitTs });
  }
  return found.sort((a, b) => a.commitTs - b.commitTs);
}

/** The parent of `path` ('' for a relative name without one). */
export function parentDirectory(path: string): string {
  const cut = path.lastIndexOf('/');
  if (path === '.' || path === '/') return path;
  if (cut < 0) return '.';
  return cut === 0 ? '/' : path.slice(0, cut);
}

/**
 * Creates the directory and its `wal/` and `snapshots/` subdirectories and makes their entries durable, up
 * to the root (the database id is written into the first WAL segment, which must not vanish with a
 * directory that was created for it).
 */
export async function makeDataDirectory(fileSystem: FileSystem, layout: DataDirectoryLayout): Promise<void> {
  await fileSystem.makeDirectory(layout.walDirectory);
  await fileSystem.makeDirectory(layout.snapshotDirectory);
  const directories = [layout.directory];
  for (let parent = parentDirectory(layout.directory); parent !== directories.at(-1);) {
    directories.push(parent);
    parent = parentDirectory(parent);
  }
  // Independent of each other, so all at once: start-up waits for one round trip to the disk, not one per
  // level of the path.
  await Promise.all(directories.map((directory) => fileSystem.syncDirectory(directory)));
}

/** The directories this process holds a lock on, per file system (so an instance can tell its own). */
const heldLocks = new WeakMap<FileSystem, Set<string>>();

/** Whether process `pid` is alive (a process we may not signal is alive too). */
function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return fileErrorCode(error) !== 'ESRCH';
  }
}

/** A held directory lock. */
export interface DirectoryLock {
  /** Removes the lock file; idempotent. */
  release(): Promise<void>;
}

/**
 * Takes the directory's LOCK: created exclusively, holding this process's pid. A lock left by a dead
 * process (or by an earlier life of this pid that this process does not hold) is taken over.
 * @throws DatabaseError DatabaseUnavailable when a live process holds it.
 */
export async function acquireDirectoryLock(
  fileSystem: FileSystem,
  layout: DataDirectoryLayout,
): Promise<DirectoryLock> {
  const held = heldLocks.get(fileSystem) ?? new Set<string>();
  heldLocks.set(fileSystem, held);
  for (let attempt = 0; ; attempt++) {
    try {
      const file = await fileSystem.openAppend(layout.lockFile, { exclusive: true });
      try {
        await file.append(utf8Encoder.encode(`${process.pid}\n`));
      } finally {
        await file.close();
      }
      break;
    } catch (error) {
      if (fileErrorCode(error) !== 'EEXIST' || attempt > 0) throw error;
      const owner = await readLockOwner(fileSystem, layout.lockFile);
      const ours = owner === process.pid && !held.has(layout.directory);
      if (owner !== undefined && !ours && isProcessAlive(owner)) {
        throw new DatabaseError(
          Status.DatabaseUnavailable,
          `The database directory "${layout.directory}" is in use by process ${owner}`,
        );
      }
      if (owner === process.pid && held.has(layout.directory)) {
        throw new DatabaseError(
          Status.DatabaseUnavailable,
          `The database directory "${layout.directory}" is in use by process ${owner} (this process)`,
        );
      }
      // A stale lock: its process is gone (or it is unreadable, i.e. torn by a crash while written).
      await fileSystem.remove(layout.lockFile);
    }
  }
  held.add(layout.directory);
  let released = false;
  return {
    release: async () => {
      if (released) return;
      released = true;
      held.delete(layout.directory);
      await fileSystem.remove(layout.lockFile);
    },
  };
}

async function readLockOwner(fileSystem: FileSystem, path: string): Promise<number | undefined> {
  const bytes = await fileSystem.readFile(path);
  if (bytes === undefined) return undefined;
  const pid = Number.parseInt(utf8Decoder.decode(bytes).trim(), 10);
  return Number.isSafeInteger(pid) && pid > 0 ? pid : undefined;
}
