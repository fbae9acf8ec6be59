import { DatabaseError, Status } from '../../errors/index.js';
import {
  acquireDirectoryLock,
  dataDirectoryLayout,
  makeDataDirectory,
  snapshotFileName,
} from '../data-directory.js';
import type { AppendableFile, FileSystem } from '../file-system.js';
import { nodeFileSystem } from '../fs/node-file-system.js';
import { readSnapshotFile, type SnapshotReadResult } from './snapshot-reader.js';

/** The name a received snapshot has until it is validated (recovery removes leftover `.tmp` files). */
const INSTALL_FILE = 'snapshot-install.snap.tmp';

/**
 * Installs a snapshot received as bytes (`quiver load` of a binary dump, a backup streamed over Bolt) as the
 * whole content of a NEW database directory: the bytes are written to a temporary file, synced, validated
 * (the full validity rule), then renamed to `snapshot-<ts>.snap` and the directory synced. Opening the
 * directory afterwards recovers exactly that snapshot, database id and element ids included.
 * @throws DatabaseError ExistingDatabaseFound when the directory holds a database already;
 * StorageDamageDetected when the bytes are not a valid snapshot (nothing is installed then);
 * DatabaseUnavailable when another process holds the directory.
 */
export async function installSnapshot(
  directory: string,
  chunks: Iterable<Uint8Array> | AsyncIterable<Uint8Array>,
  fileSystem: FileSystem = nodeFileSystem,
): Promise<SnapshotReadResult> {
  const layout = dataDirectoryLayout(directory);
  await makeDataDirectory(fileSystem, layout);
  const lock = await acquireDirectoryLock(fileSystem, layout);
  const temporary = `${layout.snapshotDirectory}/${INSTALL_FILE}`;
  let file: AppendableFile | undefined;
  try {
    const existing = [
      ...(await fileSystem.list(layout.walDirectory)),
      ...(await fileSystem.list(layout.snapshotDirectory)).filter((name) => !name.endsWith('.tmp')),
    ];
    if (existing.length > 0) {
      throw new DatabaseError(
        Status.ExistingDatabaseFound,
        `Cannot install a snapshot into "${layout.directory}": it holds a database already (${existing[0] ?? ''})`,
      );
    }
    await fileSystem.remove(temporary);
    file = await fileSystem.openAppend(temporary, { exclusive: true });
    for await (const chunk of chunks) await file.append(chunk);
    await file.sync();
    const written = file;
    file = undefined;
    await written.close();
    const result = await readSnapshotFile(fileSystem, temporary);
    await fileSystem.rename(
      temporary,
      `${layout.snapshotDirectory}/${snapshotFileName(result.header.commitTs)}`,
    );
    await fileSystem.syncDirectory(layout.snapshotDirectory);
    return result;
  } catch (error) {
    await file?.close().catch(() => undefined);
    await fileSystem.remove(temporary).catch(() => undefined);
    throw error;
  } finally {
    await lock.release();
  }
}
