/**
 * The file-system PORT of durability (sqlite's VFS idea): every byte the WAL and snapshots write or read goes
 * through it, so crash tests can swap in an implementation that drops unsynced writes, tears a write at any
 * byte or fails with ENOSPC/EIO. Paths are plain strings joined with `/`.
 *
 * Errors: implementations reject with Node-style errors carrying `code` (`ENOENT`, `EEXIST`, `ENOSPC`, `EIO`,
 * ...). Durability turns them into registry errors; the port itself knows nothing about databases.
 *
 * Durability contract (what a crash may lose): bytes appended to a file survive a crash only once `sync()` of
 * that file returned (or the append itself, for a file opened with `syncEachAppend`); a created, renamed or
 * removed directory entry survives only once `syncDirectory()` of its directory returned. A crash may keep
 * any prefix of the unsynced bytes of a file (a torn write), and of appends still in flight any prefix of
 * each, independently (a later one kept, an earlier one lost). Zeros a `reserve()` wrote stay where no
 * synced append overwrote them.
 */
export interface FileSystem {
  /** Creates the directory and any missing parents; an existing directory is fine. */
  makeDirectory(path: string): Promise<void>;
  /** The entry names (not paths) in `directory`, sorted; `[]` when it does not exist. */
  list(directory: string): Promise<string[]>;
  /** Whether a file or directory exists at `path`. */
  exists(path: string): Promise<boolean>;
  /** The whole file; `undefined` when it does not exist. For small files (metadata, WAL segments). */
  readFile(path: string): Promise<Uint8Array | undefined>;
  /** Opens an existing file for positional reads (large snapshots are read in slices). */
  openRead(path: string): Promise<ReadableFile>;
  /**
   * Opens `path` for appending, creating it when missing; appends start at its current end. With
   * `exclusive`, fails with `EEXIST` when the file exists already (lock files, new segments).
   */
  openAppend(path: string, options?: AppendOptions): Promise<AppendableFile>;
  /** Replaces `to` with `from` atomically (same directory tree). Durable after `syncDirectory`. */
  rename(from: string, to: string): Promise<void>;
  /** Removes a file; a missing file is fine. Durable after `syncDirectory`. */
  remove(path: string): Promise<void>;
  /** Makes the entries of `directory` (creations, renames, removals) durable. */
  syncDirectory(directory: string): Promise<void>;
  /**
   * Removes a directory and everything under it (DROP DATABASE); a missing one is fine. Durable after
   * `syncDirectory` of its parent.
   */
  removeTree(directory: string): Promise<void>;
}

/** A file opened for positional reads. */
export interface ReadableFile {
  readonly path: string;
  /** Size in bytes when opened. */
  readonly size: number;
  /** Up to `length` bytes from `position` (fewer at the end of the file). */
  read(position: number, length: number): Promise<Uint8Array>;
  close(): Promise<void>;
}

/** Options of `FileSystem.openAppend`. */
export interface AppendOptions {
  /** Fail with `EEXIST` when the file exists. */
  readonly exclusive?: boolean;
  /**
   * Every append is durable when it resolves, as if followed by `sync()` (O_DSYNC): one round trip per
   * append instead of two, for a writer that syncs after every append anyway.
   */
  readonly syncEachAppend?: boolean;
}

/**
 * A file opened for appending. One writer per file. Appends may overlap (a WAL keeps two in flight); every
 * other call is issued only while no append is in flight, and awaited before the next call.
 */
export interface AppendableFile {
  readonly path: string;
  /**
   * Bytes appended so far, synced or not, appends in flight included: where the next append lands.
   * Reserved zeros past it do not count.
   */
  readonly size: number;
  /**
   * Appends `bytes` at `size`, over reserved zeros if there are any; `size` grows at the call, so an append
   * issued while this one is in flight lands right after it. Not durable until `sync()` (or until it
   * resolves, with `syncEachAppend`). Appends in flight together may reach the disk in any order: a crash
   * can keep a later one and lose an earlier one, or keep any prefix of each.
   */
  append(bytes: Uint8Array): Promise<void>;
  /**
   * Makes the file hold at least `length` bytes, those past `size` zero, and syncs it (appends so far
   * included). Later appends then overwrite zeros in place, so syncing them changes no file size, which
   * file systems make durable without a journal commit (about half the fsync time on ext4). `size` stays.
   */
  reserve(length: number): Promise<void>;
  /** Makes every appended byte durable (fdatasync). */
  sync(): Promise<void>;
  /**
   * Cuts the file to `length` bytes, reserved zeros included (a torn tail, a failed batch, a reserve no
   * longer needed); `size` becomes `length`. Durable after `sync()`.
   */
  truncate(length: number): Promise<void>;
  close(): Promise<void>;
}

/** The error code of a file-system failure, when it has one (`ENOSPC`, `EIO`, ...). */
export function fileErrorCode(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null || !('code' in error)) return undefined;
  const { code } = error;
  return typeof code === 'string' ? code : undefined;
}
