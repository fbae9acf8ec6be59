/*
 * WAL FENCES (the double-fault rule of the WAL format)
 *
 * When an append or a sync fails, the writer cuts the segment back to its last good length so the failed
 * records can never be recovered as committed (their transactions were answered with an error). If that
 * cut fails as well, the bytes of the rejected batch may still be in the file with valid checksums, and
 * recovery would take them for committed. The writer then leaves a fence beside the segment:
 *     <segment file name>.fence        e.g. wal-00000000000000000042.log.fence
 * holding the good length as ASCII decimal digits and a newline. It is written to `<name>.fence.tmp`,
 * synced, renamed and the directory synced, so a fence is either whole or absent.
 *
 * Recovery reads a segment only up to its fence; when repairing it truncates the segment there, syncs it,
 * and then removes the fence. A leftover `.fence.tmp` never counts (the rename did not happen, so the
 * writer did not rely on it) and is removed. If even the fence cannot be written, the writer says in its
 * error that the outcome of the failed transactions is unknown.
 */
import type { FileSystem } from '../file-system.js';
import { joinPath } from './wal-segment-file.js';

const FENCE_SUFFIX = '.fence';
const TEMPORARY_SUFFIX = '.fence.tmp';

/** The fence file name of a segment. */
export function walFenceName(segmentName: string): string {
  return segmentName + FENCE_SUFFIX;
}

/** Whether `name` is a fence's temporary file (left by a crash while the fence was written). */
export function isTemporaryFenceName(name: string): boolean {
  return name.endsWith(TEMPORARY_SUFFIX);
}

/** Writes the fence of `segmentName` at `goodLength` durably (tmp, sync, rename, directory sync). */
export async function writeWalFence(
  fileSystem: FileSystem,
  directory: string,
  segmentName: string,
  goodLength: number,
): Promise<void> {
  const temporary = joinPath(directory, segmentName + TEMPORARY_SUFFIX);
  if (await fileSystem.exists(temporary)) await fileSystem.remove(temporary);
  const file = await fileSystem.openAppend(temporary, { exclusive: true });
  try {
    await file.append(new TextEncoder().encode(`${goodLength}\n`));
    await file.sync();
  } finally {
    await file.close();
  }
  await fileSystem.rename(temporary, joinPath(directory, walFenceName(segmentName)));
  await fileSystem.syncDirectory(directory);
}

/**
 * The fenced length of a segment, undefined without a fence. A fence that does not hold a length is
 * reported as `'invalid'` (the caller treats it as damage: it was renamed into place only when whole).
 */
export async function readWalFence(
  fileSystem: FileSystem,
  directory: string,
  segmentName: string,
): Promise<number | 'invalid' | undefined> {
  const bytes = await fileSystem.readFile(joinPath(directory, walFenceName(segmentName)));
  if (bytes === undefined) return undefined;
  const match = /^(\d{1,15})\n$/.exec(new TextDecoder().decode(bytes));
  return match?.[1] === undefined ? 'invalid' : Number(match[1]);
}

/** Removes the fence of `segmentName` (after the segment was cut at it) and syncs the directory. */
export async function removeWalFence(
  fileSystem: FileSystem,
  directory: string,
  segmentName: string,
): Promise<void> {
  await fileSystem.remove(joinPath(directory, walFenceName(segmentName)));
  await fileSystem.syncDirectory(directory);
}
