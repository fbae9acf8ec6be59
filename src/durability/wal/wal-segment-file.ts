import { DatabaseError, Status } from '../../errors/index.js';
import { CURRENT_WAL_FORMAT } from '../format-versions.js';
import { fileErrorCode, type AppendableFile, type FileSystem } from '../file-system.js';
import { decodeWalHeader, encodeWalHeader, isZeroTail, walSegmentName } from './wal-format.js';

/** A segment the writer knows: its file name and the first commit ts it may hold. */
export interface WalSegment {
  readonly name: string;
  readonly firstCommitTs: number;
}

/** Joins a directory and an entry name with `/` (the port's path convention). */
export function joinPath(directory: string, name: string): string {
  return directory.endsWith('/') ? `${directory}${name}` : `${directory}/${name}`;
}

/**
 * Creates the segment for `firstCommitTs`: exclusive create, header appended and synced, then the directory
 * synced, so that the segment exists durably before any record in it is acknowledged. `syncEachAppend`
 * opens it so (file-system.ts). Raw file-system errors propagate (the writer words them).
 */
export async function createSegmentFile(
  fileSystem: FileSystem,
  directory: string,
  databaseId: string,
  firstCommitTs: number,
  syncEachAppend: boolean,
): Promise<{ file: AppendableFile; segment: WalSegment; headerBytes: number }> {
  const name = walSegmentName(firstCommitTs);
  const path = joinPath(directory, name);
  const header = encodeWalHeader({ formatVersion: CURRENT_WAL_FORMAT, firstCommitTs, databaseId });
  let file: AppendableFile;
  try {
    file = await fileSystem.openAppend(path, { exclusive: true, syncEachAppend });
  } catch (error) {
    if (fileErrorCode(error) !== 'EEXIST') throw error;
    await removeEmptySegment(fileSystem, directory, path);
    file = await fileSystem.openAppend(path, { exclusive: true, syncEachAppend });
  }
  try {
    await file.append(header);
    await file.sync();
    await fileSystem.syncDirectory(directory);
  } catch (error) {
    await file.close().catch(() => undefined);
    throw error;
  }
  return { file, segment: { name, firstCommitTs }, headerBytes: header.length };
}

/**
 * A segment with our name exists already: a crash right after a segment was created (or during it) leaves
 * one holding a header at most (and perhaps reserved zeros), and recovery then hands out the same next
 * commit ts. Such a segment holds no record, so it is replaced; one holding records means recovery did not
 * run, and nothing is overwritten.
 */
async function removeEmptySegment(fileSystem: FileSystem, directory: string, path: string): Promise<void> {
  const bytes = (await fileSystem.readFile(path)) ?? new Uint8Array(0);
  const decoded = decodeWalHeader(bytes);
  const holdsNothing =
    (decoded.kind === 'header' && isZeroTail(bytes, decoded.end)) ||
    (decoded.kind === 'torn' && (decoded.declaredEnd === undefined || bytes.length <= decoded.declaredEnd));
  if (!holdsNothing) {
    throw new DatabaseError(
      Status.TransactionLogError,
      `Cannot start the write-ahead log segment "${path}": a file with that name exists and holds data; recover the database before opening its log`,
    );
  }
  await fileSystem.remove(path);
  await fileSystem.syncDirectory(directory);
}
